import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NATIONAL_SCALES, NATIONAL_TABLES, nationalRows } from "../../subgraphs/regional/src/seed/national";
import { fingerprint, query } from "../databases";
import { as, databaseEnv, freshDatabases, graphql, startTestHub, type ServiceName, type TestHub } from "../helpers";

const ROOT = resolve(__dirname, "../..");
const SERVICES: ServiceName[] = [...PARTNERSHIP_KEYS, "book"];

/** `npm run seed:synthetic -- ...args` against these databases; resolves with the exit code and what it printed. */
async function seedSynthetic(env: Record<string, string>, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["-r", "@swc-node/register", "subgraphs/regional/src/seed-cli.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("the synthetic national data set", () => {
  it("has at least 300 000 families and 3 000 000 indicator values at national scale, the same on every run", () => {
    const count = () => {
      const totals = Object.fromEntries(NATIONAL_TABLES.map((table) => [table, 0]));
      const codes: string[] = [];
      for (const partnership of PARTNERSHIP_KEYS) {
        for (const batch of nationalRows(partnership, NATIONAL_SCALES.national!, 1)) {
          for (const table of NATIONAL_TABLES) totals[table]! += batch[table].length;
          codes.push(...batch.pilotSites.map((site) => String(site.id)));
        }
      }
      return { totals, codes };
    };
    const { totals, codes } = count();
    expect(totals.supportedFamilies).toBeGreaterThanOrEqual(300_000);
    expect(totals.indicatorValues).toBeGreaterThanOrEqual(3_000_000);
    // Every gmina of the fifteen voivodeships of the three macroregions (2 308), but a code a real pilot site holds.
    expect(codes.length).toBeGreaterThan(2_300);
    expect(new Set(codes).size).toBe(codes.length);
    expect(count().totals).toEqual(totals);
  });
});

describe("npm run seed:synthetic", () => {
  let dataDir: string;
  let databases: Awaited<ReturnType<typeof freshDatabases<ServiceName>>>;
  let env: Record<string, string>;
  let first: { code: number; output: string };
  let hub: TestHub | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "kooperacja-synthetic-"));
    databases = await freshDatabases(dataDir, SERVICES);
    env = { DATA_DIR: dataDir, ...databaseEnv(databases.urls) };
    first = await seedSynthetic(env, "--scale", "tiny", "--seed", "7");
  });
  afterAll(async () => {
    await hub?.close();
    await databases?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("fills each shard with its macroregion's share, every row flagged SYNTHETIC, and reports rows per second", async () => {
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(
      /Synthetic national data set \(scale tiny, seed 7\): [\d,]+ families, [\d,]+ indicator values, [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\)/,
    );
    const voivodeships: Record<string, string[]> = {
      liderzy: ["06", "14", "18", "20", "26"],
      kooperacja: ["04", "08", "22", "28", "30", "32"],
      kooperacje3d: ["10", "12", "16", "24"],
    };
    for (const partnership of PARTNERSHIP_KEYS) {
      const url = databases.urls[partnership];
      const sites = await query<{ id: string; partnership: string }>(url, "select id, partnership from pilot_site where provenance_kind = 'SYNTHETIC'");
      // Two gminas per voivodeship at the tiny scale, each in its own macroregion's voivodeships.
      expect(sites).toHaveLength(2 * voivodeships[partnership]!.length);
      expect(new Set(sites.map((site) => site.id.slice(0, 2)))).toEqual(new Set(voivodeships[partnership]));
      expect(new Set(sites.map((site) => site.partnership))).toEqual(new Set([partnership]));
      for (const table of ["supported_family", "indicator_value", "support_activity", "body_meeting", "institution", "cooperation_body", "body_member"]) {
        const rows = await query<{ kind: string; n: number }>(
          url,
          `select provenance_kind as kind, count(*) as n from ${table} where provenance_kind not in ('SOURCE_PAGE', 'REFERENCE_DATA') group by provenance_kind`,
        );
        expect(
          rows.map((row) => row.kind),
          `${partnership} ${table}`,
        ).toEqual(["SYNTHETIC"]);
        expect(Number(rows[0]!.n)).toBeGreaterThan(0);
      }
      expect(first.output).toContain(`${partnership} (`);
    }
  });

  it("refuses to write the set twice, leaving the shards as they were, and writes the same rows again with --replace", async () => {
    const before = await Promise.all(PARTNERSHIP_KEYS.map((key) => fingerprint(databases.urls[key])));
    const again = await seedSynthetic(env, "--scale", "tiny", "--seed", "7");
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds a synthetic national data set \(\d+ sites\); pass --replace/);
    expect(await Promise.all(PARTNERSHIP_KEYS.map((key) => fingerprint(databases.urls[key])))).toEqual(before);

    const replaced = await seedSynthetic(env, "--scale", "tiny", "--seed", "7", "--replace");
    expect(replaced.code, replaced.output).toBe(0);
    expect(await Promise.all(PARTNERSHIP_KEYS.map((key) => fingerprint(databases.urls[key])))).toEqual(before);
  });

  it("says what is wrong with its arguments", async () => {
    const unknown = await seedSynthetic(env, "--scale", "galactic");
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('unknown scale "galactic"');
    expect((await seedSynthetic(env, "--scale", "tiny", "--partnership", "mazury")).output).toContain("unknown partnership mazury");
  });

  it("serves the set through the gateway: synthetic provenance, voivodeship filters, cross-region totals", async () => {
    hub = await startTestHub({ ...databaseEnv(databases.urls), SEED_DEMO: "false" });
    const owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    const result = await graphql(
      hub.gateway.url,
      `
        {
          all: supportedFamilies(first: 5) {
            totalCount
            edges {
              node {
                code
                provenance {
                  kind
                  synthetic
                }
              }
            }
          }
          slaskie: pilotSites(first: 100, filter: { voivodeships: ["24"] }) {
            edges {
              node {
                name
              }
            }
          }
          values: indicatorValues(first: 1) {
            totalCount
          }
        }
      `,
      undefined,
      owner,
    );
    expect(result.errors).toBeUndefined();
    const families = await Promise.all(PARTNERSHIP_KEYS.map((key) => query<{ n: number }>(databases.urls[key], "select count(*) as n from supported_family")));
    expect(result.data.all.totalCount).toBe(families.reduce((sum, rows) => sum + Number(rows[0]!.n), 0));
    for (const edge of result.data.all.edges) expect(edge.node.provenance).toEqual({ kind: "SYNTHETIC", synthetic: true });
    expect(result.data.slaskie.edges.filter((edge: { node: { name: string } }) => edge.node.name.startsWith("Gmina S-24"))).toHaveLength(2);
    expect(result.data.values.totalCount).toBeGreaterThan(1_000);
  });
});
