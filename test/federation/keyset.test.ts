import { Role } from "@kooperacja/service-kit";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../databases";
import { as, freePort, freshDatabases, graphql, killProcess, startRegionProcess, TEST_DIALECT, type RegionProcess } from "../helpers";

/** Every connection and the fields it orders by (the contract's connection order enums). */
const CONNECTIONS: Record<string, string[]> = {
  supportedFamilies: ["CODE", "STARTED_ON"],
  indicatorValues: ["PERIOD", "VALUE"],
  pilotSites: ["NAME", "TERYT"],
  supportActivities: ["HELD_ON", "TITLE"],
  institutions: ["SHORT_NAME", "NAME"],
};

/**
 * The statements a region ran for one request, from its SQL log (SQL_LOG=true
 * logs each statement with its parameters in place): what it printed after
 * `from`, up to the request's own log line.
 */
async function statementsAfter(region: RegionProcess, from: number): Promise<string[]> {
  for (let wait = 0; wait < 100 && !region.output().slice(from).includes('"msg":"request"'); wait++) await new Promise((done) => setTimeout(done, 20));
  return (
    region
      .output()
      .slice(from)
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[\d+m/g, "")
      .split("\n")
      .filter((line) => line.startsWith("[query] "))
      .map((line) => line.slice("[query] ".length).replace(/ \[took .*\]$/, ""))
  );
}

describe("keyset pagination inside a shard", () => {
  let dataDir: string;
  let databases: Awaited<ReturnType<typeof freshDatabases<"liderzy">>>;
  let region: RegionProcess;
  let url: string;
  let owner: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "kooperacja-keyset-"));
    databases = await freshDatabases(dataDir, ["liderzy"]);
    // The synthetic set at the small scale: about 1 500 families and 25 000 values in this shard.
    await promisify(execFile)(
      process.execPath,
      ["-r", "@swc-node/register", "subgraphs/regional/src/seed-cli.ts", "--scale", "small", "--partnership", "liderzy"],
      {
        cwd: resolve(__dirname, "../.."),
        env: { ...process.env, LIDERZY_DATABASE_URL: databases.urls.liderzy },
      },
    );
    region = await startRegionProcess("liderzy", await freePort(), databases.urls.liderzy, { SQL_LOG: "true", LOG_LEVEL: "info", SEED_DEMO: "false" });
    url = `http://127.0.0.1:${/ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(region.output())![1]}/`;
    owner = await as(Role.REGIONAL_OWNER, ["liderzy"]);
  });
  afterAll(async () => {
    if (region) await killProcess(region.child);
    await databases?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reads the families' totalCount from the kept counts, never from the families' rows, and it is the rows' count", async () => {
    const filters: [string, string, unknown[]][] = [
      ["", "", []],
      ["filter: { socialContract: true }", "and social_contract = ?", [TEST_DIALECT === "sqlite" ? 1 : true]],
      ['filter: { cooperationLevels: [CLIENT], voivodeships: ["20"] }', "and cooperation_level = 'CLIENT' and site_id like '20%'", []],
    ];
    for (const [filter, condition, parameters] of filters) {
      const from = region.output().length;
      const result = await graphql(
        url,
        `{ supportedFamilies(first: 5 ${filter ? `, ${filter}` : ""}) { totalCount edges { node { id } } } }`,
        undefined,
        owner,
      );
      expect(result.errors).toBeUndefined();
      const n = (
        await query<{ n: number }>(databases.urls.liderzy, `select count(*) as n from supported_family where archived_at is null ${condition}`, parameters)
      )[0]!.n;
      expect(result.data.supportedFamilies.totalCount, filter).toBe(Number(n));
      expect(Number(n)).toBeGreaterThan(0);
      const statements = await statementsAfter(region, from);
      // One statement over family_count (a few rows a site); none counts the families.
      expect(
        statements.filter((statement) => /family_count/.test(statement)),
        filter,
      ).toHaveLength(1);
      expect(
        statements.filter((statement) => /count\(/i.test(statement)),
        filter,
      ).toEqual([]);
    }
  });

  for (const [connection, fields] of Object.entries(CONNECTIONS)) {
    for (const field of fields) {
      for (const direction of ["ASC", "DESC"]) {
        it(`${connection} by ${field} ${direction}: page 40 costs the statements page 1 does, reads from a position (no OFFSET) along an index (no sort)`, async () => {
          const page = (after?: string) =>
            `{ ${connection}(first: 5${after ? `, after: "${after}"` : ""}, orderBy: { field: ${field}, direction: ${direction} }) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`;
          let from = region.output().length;
          let result = await graphql(url, page(), undefined, owner);
          expect(result.errors).toBeUndefined();
          const first = await statementsAfter(region, from);
          let deep: string[] = [];
          const seen = new Set(result.data[connection].edges.map((edge: { node: { id: string } }) => edge.node.id));
          for (let n = 2; n <= 40 && result.data[connection].pageInfo.hasNextPage; n++) {
            from = region.output().length;
            result = await graphql(url, page(result.data[connection].pageInfo.endCursor), undefined, owner);
            expect(result.errors).toBeUndefined();
            deep = await statementsAfter(region, from);
            for (const edge of result.data[connection].edges) {
              expect(seen.has(edge.node.id)).toBe(false);
              seen.add(edge.node.id);
            }
          }
          expect(deep.length, `${connection} has more than one page`).toBeGreaterThan(0);
          expect(deep.length).toBe(first.length);
          for (const statement of [...first, ...deep]) expect(statement).not.toMatch(/\boffset\b/i);
          const ordered = deep.find((statement) => /order by/i.test(statement))!;
          // After a cursor the page starts from the row's (value, id) position.
          expect(ordered).toMatch(/e\.id [<>] '/);
          if (TEST_DIALECT === "sqlite") {
            const plan = (await query<{ detail: string }>(databases.urls.liderzy, `explain query plan ${ordered}`)).map((row) => row.detail);
            expect(plan.join("\n"), ordered).not.toContain("TEMP B-TREE FOR ORDER BY");
            expect(plan.join("\n"), ordered).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/);
          }
        });
      }
    }
  }
});
