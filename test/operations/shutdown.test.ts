import { gatewayConfig, startGateway } from "@kooperacja/gateway";
import { Role, type RunningService } from "@kooperacja/service-kit";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../databases";
import { as, freePort, freshDatabases, killProcess, startRegionProcess, upload, type RegionProcess } from "../helpers";

const ROWS = 30_000;
const IMPORT = `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file) { written created } }`;
const file = (prefix: string) =>
  [
    "code;site_teryt;cooperation_level;social_contract;started_on;ended_on",
    ...Array.from({ length: ROWS }, (_, index) => `${prefix}-${String(index).padStart(6, "0")};2815;CLIENT;tak;2019-06-01;`),
  ].join("\n");

const exited = (region: RegionProcess) =>
  new Promise<number | null>((resolve) => {
    if (region.child.exitCode !== null) resolve(region.child.exitCode);
    else region.child.once("exit", (code) => resolve(code));
  });

/** Resolves when the region has printed `text` once more than it had before. */
async function printed(region: RegionProcess, text: string, before: number): Promise<void> {
  while (region.output().split(text).length - 1 === before) {
    if (region.child.exitCode !== null) throw new Error(`region exited early:\n${region.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A region as its own process, as in production; it gets SIGTERM the way an orchestrator stops a container. */
describe("graceful shutdown on SIGTERM", () => {
  let dir: string;
  let databases: Awaited<ReturnType<typeof freshDatabases<"kooperacja">>>;
  let port: number;
  let gateway: RunningService;
  let owner: Record<string, string>;
  let region: RegionProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kooperacja-shutdown-"));
    databases = await freshDatabases(dir, ["kooperacja"]);
    port = await freePort();
    const nowhere = "http://127.0.0.1:9/";
    gateway = await startGateway({
      ...gatewayConfig({ GATEWAY_PORT: "0", LOG_LEVEL: "silent" }),
      shardUrls: { liderzy: nowhere, kooperacja: `http://127.0.0.1:${port}/`, kooperacje3d: nowhere },
      bookUrl: nowhere,
    });
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    if (region) await killProcess(region.child);
    await databases?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (prefix: string) =>
    (await query<{ n: number }>(databases.urls.kooperacja, "select count(*) as n from supported_family where code like ?", [`${prefix}-%`]))[0]!.n;

  it("stops taking new connections, finishes the import in flight, closes the database and exits 0", async () => {
    // Time enough for the whole file on a busy machine (its rows and their rollups): the deadline is the next test's.
    region = await startRegionProcess("kooperacja", port, databases.urls.kooperacja, { SHUTDOWN_TIMEOUT_MS: "120000" });
    const started = region;
    const sent = upload(gateway.url, IMPORT, file("TERM"), "term.csv", owner);
    await printed(started, "writing", 0);
    started.child.kill("SIGTERM");
    const exit = exited(started);
    await printed(started, "SIGTERM: stopping", 0);
    // Not accepting any more: a new connection is refused while the import finishes.
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();

    const result = await sent;
    expect(result.errors).toBeUndefined();
    expect(result.data.importRecords).toEqual({ written: true, created: ROWS });
    expect(await exit).toBe(0);
    expect(started.output()).toContain("Stopped.");
    expect(await count("TERM")).toBe(ROWS);
  });

  it("bounds the wait (SHUTDOWN_TIMEOUT_MS): a request still running then is cut off (or, written on the event loop, finishes) and the process exits, leaving all or none of the file", async () => {
    region = await startRegionProcess("kooperacja", port, databases.urls.kooperacja, { SHUTDOWN_TIMEOUT_MS: "1" });
    const started = region;
    const writes = started.output().split("writing").length - 1;
    const sent = upload(gateway.url, IMPORT, file("CUT"), "cut.csv", owner);
    await printed(started, "writing", writes);
    started.child.kill("SIGTERM");
    // The process goes whatever it was doing: 1 ms for requests in flight, then the margin to close the database
    // (that the deadline holds when stopping never ends is packages/service-kit/test/run-until-signal.test.ts's; no clock is raced here).
    const code = await exited(started);
    const result = await sent;
    const written = await count("CUT");
    expect([0, ROWS]).toContain(written);
    // Exit 0 means the import committed before the deadline; 1 that the deadline cut it, and the database rolled it back.
    expect(written).toBe(code === 0 ? ROWS : 0);
    expect(started.output()).toContain(code === 0 ? "Stopped." : "Did not stop within 2001 ms");
    if (result.errors) {
      // Cut off: the gateway says the region went away; the client does not learn whether the file was written.
      expect(result.errors[0]?.extensions?.code).toMatch(/SHARD_UNAVAILABLE|SHARD_TIMEOUT/);
    } else {
      // A write the signal could not interrupt (better-sqlite3 writes on the event loop) finished first, and said so.
      expect(result.data.importRecords).toEqual({ written: true, created: ROWS });
      expect(code).toBe(0);
    }
  });
});
