import { startHub, type Hub } from "@kooperacja/gateway";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/** POSTs a GraphQL request and returns the parsed body with the HTTP status. */
export async function graphql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export interface TestHub extends Hub {
  dataDir: string;
  /** Stops the hub and removes its data directory. */
  close(): Promise<void>;
}

/**
 * The whole hub as `npm start` runs it, on free ports with its databases in
 * a fresh temporary directory.
 */
export async function startTestHub(env: Record<string, string> = {}): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), "kooperacja-test-"));
  const hub = await startHub({
    DATA_DIR: dataDir,
    LIDERZY_PORT: "0",
    KOOPERACJA_PORT: "0",
    KOOPERACJE3D_PORT: "0",
    BOOK_PORT: "0",
    GATEWAY_PORT: "0",
    LOG_LEVEL: "silent",
    ...env,
  });
  return {
    ...hub,
    dataDir,
    close: async () => {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port that was free a moment ago, for processes that need a fixed one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
