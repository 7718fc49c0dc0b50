import { type PartnershipKey } from "@kooperacja/contract";
import { maintainRollups } from "@kooperacja/regional";
import { freePort } from "@kooperacja/service-kit";
import Database from "better-sqlite3";
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { metric } from "./load";
import { outputOf, startProcess, type DataSet } from "./stack";

/**
 * What the rollups cost a write, and that nothing breaks them, on a copy
 * of one region's national database (the bench's data set stays as it was):
 * a 20 000-row import of family-level values (one per family, as many as
 * a small set has) timed whole, beside the time
 * its transaction spent on the rollups (`hub_rollup_refresh_seconds`), so
 * the ratio says how much slower the import is than it would be without
 * them; then the rollup check after it, and again after an import killed
 * with SIGKILL while writing and the region restarted.
 */
export interface RollupWrites {
  rows: number;
  importSeconds: number;
  refreshSeconds: number;
  /** Import time / import time without the rollups' refresh. */
  ratio: number;
  checkAfterImport: { cells: number; differences: number; seconds: number };
  killed: { afterMs: number; rowsLeft: number; checkAfterRestart: { cells: number; differences: number; seconds: number } };
}

const ROWS = 20_000;
const PARTNERSHIP: PartnershipKey = "liderzy";

export async function measureRollupWrites(data: DataSet, workDir: string, token: string): Promise<RollupWrites | null> {
  if (data.dialect !== "sqlite") return null;
  const copy = join(workDir, `rollup-writes-${PARTNERSHIP}.sqlite`);
  const files = [copy, `${copy}-wal`, `${copy}-shm`];
  files.forEach((file) => rmSync(file, { force: true }));
  let region: ChildProcess | undefined;
  let gateway: ChildProcess | undefined;
  try {
    const source = new Database(data.databases[PARTNERSHIP], { readonly: true });
    await source.backup(copy);
    source.close();
    const read = <T>(sql: string, ...params: unknown[]): T[] => {
      const database = new Database(copy, { readonly: true });
      try {
        return database.prepare(sql).all(...params) as T[];
      } finally {
        database.close();
      }
    };
    const families = read<{ code: string; site_id: string }>("select code, site_id from supported_family where archived_at is null order by id limit ?", ROWS);
    const file = (period: string) =>
      [
        "indicator;site_teryt;family_code;period;value;outside_programme_period",
        ...families.map((family, index) => `CONTRACT_GOALS_MET;${family.site_id};${family.code};${period};${(index % 100) + 0.5};tak`),
      ].join("\n");

    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const start = () =>
      startProcess("subgraphs/regional/src/main.ts", {
        PARTNERSHIP,
        [`${PARTNERSHIP.toUpperCase()}_PORT`]: String(port),
        [`${PARTNERSHIP.toUpperCase()}_DATABASE_URL`]: copy,
        SEED_DEMO: "false",
        // The import's "writing" line says when its transaction starts to write.
        LOG_LEVEL: "info",
      });
    const importFile = (period: string) => {
      const form = new FormData();
      form.set(
        "operations",
        JSON.stringify({
          query: `mutation ($file: Upload!) { importRecords(partnership: "${PARTNERSHIP}", kind: INDICATOR_VALUES, file: $file) { written created } }`,
          variables: { file: null },
        }),
      );
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      form.set("0", new Blob([file(period)]), "values.csv");
      return fetch(gatewayUrl, { method: "POST", body: form, headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" } });
    };
    const check = async () => {
      const result = await maintainRollups(copy, "check");
      return { cells: result.cells, differences: result.differences.length, seconds: result.seconds };
    };

    region = await start();
    // Files are uploaded through a gateway (it takes the multipart request): one of its own, in front of the copy alone,
    // in a process of its own, so the checks this process runs on the copy cannot hold it up.
    const nowhere = "http://127.0.0.1:9/";
    const gatewayPort = await freePort();
    gateway = await startProcess("gateway/src/gateway-main.ts", {
      GATEWAY_PORT: String(gatewayPort),
      LIDERZY_URL: nowhere,
      KOOPERACJA_URL: nowhere,
      KOOPERACJE3D_URL: nowhere,
      [`${PARTNERSHIP.toUpperCase()}_URL`]: url,
      BOOK_URL: nowhere,
    });
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/`;
    const refreshBefore = await metric(url, "hub_rollup_refresh_seconds_sum");
    const started = performance.now();
    const answer = (await (await importFile("2027-Q1")).json()) as { data?: { importRecords: { created: number } }; errors?: unknown };
    const importSeconds = (performance.now() - started) / 1000;
    if (answer.data?.importRecords.created !== families.length) throw new Error(`the import wrote ${JSON.stringify(answer)}`);
    const refreshSeconds = (await metric(url, "hub_rollup_refresh_seconds_sum")) - refreshBefore;
    console.log(
      `  imported ${families.length} values in ${importSeconds.toFixed(2)} s (${refreshSeconds.toFixed(2)} s of it the rollups' refresh); checking the rollups...`,
    );
    const checkAfterImport = await check();
    console.log(
      `  ${checkAfterImport.differences} differences in ${checkAfterImport.cells} cells (${checkAfterImport.seconds.toFixed(1)} s); an import killed while it writes...`,
    );

    // Killed while writing: the whole import or nothing of it stays, and the cells agree with what stayed.
    // The import may find its keep-alive connection closed while the check above held this process (a POST is not retried):
    // then it is sent again, until the region starts writing it.
    const writing = outputOf(region).split("writing").length;
    let sent: Promise<unknown> | null = null;
    for (let attempt = 1; outputOf(region).split("writing").length === writing; attempt++) {
      let failed: string | null = null;
      sent = importFile("2027-Q2").then(
        async (response) => (failed = `it answered without writing: ${(await response.text()).slice(0, 300)}`),
        (error: Error) => (failed = error.message),
      );
      while (outputOf(region).split("writing").length === writing && failed === null) await new Promise((resolve) => setTimeout(resolve, 5));
      if (failed !== null && outputOf(region).split("writing").length === writing && attempt === 3) {
        throw new Error(`the import to be killed did not start writing: ${String(failed)}`);
      }
    }
    // A third of the whole import's time after its rows start to be written: inside the transaction.
    const afterMs = (importSeconds * 1000) / 3;
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    region.kill("SIGKILL");
    await sent;
    region = await start();
    const [left] = read<{ n: number }>("select count(*) as n from indicator_value where period = '2027-Q2'");
    const checkAfterRestart = await check();
    return {
      rows: families.length,
      importSeconds,
      refreshSeconds,
      ratio: importSeconds / (importSeconds - refreshSeconds),
      checkAfterImport,
      killed: { afterMs, rowsLeft: left!.n, checkAfterRestart },
    };
  } finally {
    region?.kill("SIGKILL");
    gateway?.kill("SIGTERM");
    files.forEach((file) => rmSync(file, { force: true }));
  }
}
