import { startTemporaryPostgres, type TemporaryPostgres } from "@kooperacja/database";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgresql://hub@127.0.0.1:PORT of the suite's PostgreSQL server. */
    postgresBaseUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole PostgreSQL project, started from the
 * machine's binaries on a temporary directory and a free port; each test hub
 * makes its own databases on it, and the server is stopped at the end.
 */
let server: TemporaryPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startTemporaryPostgres();
  project.provide("postgresBaseUrl", server.baseUrl);
}

export function teardown(): void {
  server?.stop();
}
