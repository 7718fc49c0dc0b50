import { gatewayConfig, startGateway } from "@kooperacja/gateway";
import { maintainRollups } from "@kooperacja/regional";
import { Role, type RunningService } from "@kooperacja/service-kit";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../databases";
import { as, freePort, freshDatabases, killProcess, startRegionProcess, TEST_DIALECT, upload, type RegionProcess } from "../helpers";

const ROWS = 50_000;
const IMPORT = `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file) { written created unchanged } }`;
const FILE = [
  "code;site_teryt;cooperation_level;social_contract;started_on;ended_on",
  ...Array.from({ length: ROWS }, (_, index) => `CRASH-${String(index).padStart(6, "0")};2815;CLIENT;tak;2019-06-01;`),
].join("\n");
/** The code of a created family in its audit entry (a JSON column). */
const AUDITED_CODE = TEST_DIALECT === "postgresql" ? "after->>'code'" : "json_extract(after, '$.code')";
/** How long after the shard starts writing it is killed, one trial each. */
const DELAYS_MS = [0, 100, 400];

describe("an import killed mid-write (SIGKILL)", () => {
  let dir: string;
  let databases: Awaited<ReturnType<typeof freshDatabases<"kooperacja">>>;
  let dbPath: string;
  let port: number;
  let region: RegionProcess;
  let gateway: RunningService;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kooperacja-crash-"));
    // A SQLite file, or a database on the suite's PostgreSQL server (its server rolls back what a killed client left open).
    databases = await freshDatabases(dir, ["kooperacja"]);
    dbPath = databases.urls.kooperacja;
    port = await freePort();
    region = await startRegionProcess("kooperacja", port, dbPath);
    const nowhere = "http://127.0.0.1:9/";
    gateway = await startGateway({
      ...gatewayConfig({ GATEWAY_PORT: "0", LOG_LEVEL: "silent" }),
      shardUrls: { liderzy: nowhere, kooperacja: `http://127.0.0.1:${port}/`, kooperacje3d: nowhere },
      bookUrl: nowhere,
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    if (region) await killProcess(region.child);
    await databases?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async () => {
    const [families] = await query<{ n: number }>(dbPath, "select count(*) as n from supported_family where code like 'CRASH-%'");
    const [audit] = await query<{ n: number }>(
      dbPath,
      `select count(*) as n from audit_entry where entity_type = 'SupportedFamily' and action = 'CREATED' and ${AUDITED_CODE} like 'CRASH-%'`,
    );
    const [batches] = await query<{ n: number }>(dbPath, "select count(*) as n from import_batch where kind = 'FAMILIES' and rows = ?", [ROWS]);
    return { families: families!.n, audit: audit!.n, batches: batches!.n };
  };

  it("leaves none or all of the file's rows, with or without their audit trail and batch, and the next start imports it whole", async () => {
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    const outcomes: number[] = [];
    for (const delay of DELAYS_MS) {
      const writesBefore = region.output().split("writing").length;
      const sent = upload(gateway.url, IMPORT, FILE, "crash.csv", owner).catch((error: Error) => error);
      // The shard prints its "writing" line when its transaction starts to write the rows.
      while (region.output().split("writing").length === writesBefore) {
        if (region.child.exitCode !== null) throw new Error(`region exited early:\n${region.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killProcess(region.child);
      await sent;

      const after = await counts();
      expect([0, ROWS], `killed ${delay} ms into writing`).toContain(after.families);
      expect(after.audit).toBe(after.families);
      expect(after.batches).toBe(after.families === 0 ? 0 : 1);
      outcomes.push(after.families);
      if (after.families === ROWS) break;
      region = await startRegionProcess("kooperacja", port, dbPath);
    }
    // At least one kill came while rows were being written, and nothing of them stayed.
    expect(outcomes[0]).toBe(0);

    if (region.child.exitCode !== null || region.child.signalCode !== null) region = await startRegionProcess("kooperacja", port, dbPath);
    const result = await upload(gateway.url, IMPORT, FILE, "crash.csv", owner);
    expect(result.errors).toBeUndefined();
    expect(result.data.importRecords.written).toBe(true);
    expect((await counts()).families).toBe(ROWS);
    // The rollups were written in the same transactions: none of a killed import's cells stayed, and the whole import's are there.
    const check = await maintainRollups(dbPath, "check");
    expect(check.differences).toEqual([]);
    const [enrolled] = await query<{ n: number }>(
      dbPath,
      "select sum(n) as n from indicator_rollup where indicator_id = 'FAMILIES_ENROLLED' and grain = 'ALL' and site_id = '2815'",
    );
    const [families] = await query<{ n: number }>(dbPath, "select count(*) as n from supported_family where site_id = '2815' and archived_at is null");
    expect(Number(enrolled!.n)).toBe(Number(families!.n));
  }, 180_000);
});
