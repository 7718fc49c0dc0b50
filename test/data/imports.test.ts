import { PARTNERSHIP_KEYS, type PartnershipKey, tryDecodeGlobalId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, query } from "../databases";
import { as, graphql, startTestHub, tokenFor, upload, type TestHub } from "../helpers";
import { gid } from "../write-samples";

const ROOT = resolve(__dirname, "../..");
const IMPORT = `mutation ($partnership: String!, $kind: ImportKind!, $file: Upload!, $dryRun: Boolean!) {
  importRecords(partnership: $partnership, kind: $kind, file: $file, dryRun: $dryRun) {
    written dryRun format rows created updated unchanged rejected problemCount checksum
    problems { row column value message }
    import { id fileName checksum importedAt importedBy rows created updated unchanged }
  }
}`;

const FAMILY_HEADER = "code;site_teryt;cooperation_level;social_contract;started_on;ended_on";

/** 10 000 families of Powiat ostródzki, with Polish characters in the codes; `broken` rows (data row numbers from 1) carry one mistake each. */
function familiesCsv(broken: Record<number, "level" | "date" | "site"> = {}): string {
  const lines = [FAMILY_HEADER];
  for (let n = 1; n <= 10_000; n++) {
    const fault = broken[n];
    const level = fault === "level" ? "KLIENT" : ["CLIENT", "WORKER", "INSTITUTION"][n % 3];
    const started = fault === "date" ? "2019-02-30" : `2019-${String((n % 12) + 1).padStart(2, "0")}-15`;
    const site = fault === "site" ? "2013102" : "2815";
    lines.push(`OST-${String(n).padStart(5, "0")};${site};${level};${n % 2 ? "tak" : "nie"};${started};${n % 5 === 0 ? "2020-12-31" : ""}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

describe("bulk import of a region's files", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  const db = (partnership: PartnershipKey) => hub.databaseUrl(partnership);
  const send = (content: string | Buffer, filename: string, kind: string, dryRun: boolean, headers = owner) =>
    upload(hub.gateway.url, IMPORT, content, filename, headers, { partnership: "kooperacja", kind, dryRun });
  const imported = async () => (await query<{ n: number }>(db("kooperacja"), "select count(*) as n from supported_family where code like 'OST-%'"))[0]!.n;

  beforeAll(async () => {
    hub = await startTestHub();
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  });
  afterAll(() => hub?.close());

  it("reports exactly the 3 bad rows of 10 000 in a dry run, writes nothing while any is bad, then all 10 000, then finds them unchanged", async () => {
    const bad = familiesCsv({ 17: "level", 4242: "date", 9999: "site" });
    const before = await fingerprint(db("kooperacja"));

    const dry = await send(bad, "rodziny.csv", "FAMILIES", true);
    expect(dry.errors).toBeUndefined();
    const report = dry.data.importRecords;
    expect(report).toMatchObject({ written: false, dryRun: true, format: "CSV", rows: 10_000, rejected: 3, problemCount: 3 });
    // Row numbers are the file's lines: the header is row 1.
    expect(report.problems).toEqual([
      { row: 18, column: "cooperation_level", value: "KLIENT", message: expect.stringContaining("INSTITUTION, WORKER, CLIENT") },
      { row: 4243, column: "started_on", value: "2019-02-30", message: "must be a date written YYYY-MM-DD" },
      { row: 10_000, column: "site_teryt", value: "2013102", message: expect.stringContaining("no PilotSite 2013102 in this region") },
    ]);

    const real = await send(bad, "rodziny.csv", "FAMILIES", false);
    expect(real.data.importRecords).toMatchObject({ written: false, dryRun: false, rejected: 3, created: 0, import: null });
    expect(await fingerprint(db("kooperacja"))).toEqual(before);

    const good = familiesCsv();
    const first = await send(good, "rodziny.csv", "FAMILIES", false);
    expect(first.errors).toBeUndefined();
    expect(first.data.importRecords).toMatchObject({ written: true, rows: 10_000, created: 10_000, updated: 0, unchanged: 0, rejected: 0 });
    expect(await imported()).toBe(10_000);
    const batch = first.data.importRecords.import;
    expect(batch).toMatchObject({ fileName: "rodziny.csv", importedBy: "test-regional_owner-kooperacja", rows: 10_000, created: 10_000 });
    expect(batch.checksum).toMatch(/^[0-9a-f]{64}$/);

    // Sent again unchanged: nothing to write, so no import is recorded either.
    const batchesBefore = (await query<{ n: number }>(db("kooperacja"), "select count(*) as n from import_batch"))[0]!.n;
    const again = await send(good, "rodziny.csv", "FAMILIES", false);
    expect(again.data.importRecords).toMatchObject({ written: false, created: 0, updated: 0, unchanged: 10_000, import: null });
    expect((await query<{ n: number }>(db("kooperacja"), "select count(*) as n from import_batch"))[0]!.n).toBe(batchesBefore);
    expect(await imported()).toBe(10_000);

    // Each created family has its creation in the audit trail, tied to the import.
    const [audited] = await query<{ n: number }>(db("kooperacja"), "select count(*) as n from audit_entry where import_batch_id = ? and action = 'CREATED'", [
      tryDecodeGlobalId(batch.id)!.localId,
    ]);
    expect(audited!.n).toBe(10_000);
    for (const other of ["liderzy", "kooperacje3d"] as const) {
      expect((await query<{ n: number }>(db(other), "select count(*) as n from supported_family where code like 'OST-%'"))[0]!.n).toBe(0);
    }
  });

  it("reads `,`-separated files and JSON, Polish decimal commas and characters, and reports what changed", async () => {
    const semicolons = "indicator;site_teryt;family_code;period;value\nWORKERS_COACHED;2815;;2016-Q1;12,5\n";
    const dry = await send(semicolons, "wskaźniki.csv", "INDICATOR_VALUES", true);
    // 2016 lies outside the programme period: refused unless the row says so.
    // The rule names the file's column, outside_programme_period, not the API's field.
    expect(dry.data.importRecords.problems).toEqual([
      { row: 2, column: "period", value: expect.any(String), message: expect.stringContaining("outside_programme_period") },
    ]);

    // A family-level indicator needs the family, supported at the row's site; a site-level one must not name one.
    const mismatched = "indicator;site_teryt;family_code;period;value\nCONTRACT_GOALS_MET;2815;;2020-Q1;50\nWORKERS_COACHED;2815;KES-2815-0001;2020-Q1;3\n";
    expect((await send(mismatched, "wskaźniki.csv", "INDICATOR_VALUES", true)).data.importRecords.problems).toEqual([
      { row: 2, column: "family_code", value: null, message: "is required: the indicator is measured per family" },
      { row: 3, column: "family_code", value: expect.any(String), message: "must be empty: the indicator is measured per site" },
    ]);

    const marked = "indicator;site_teryt;family_code;period;value;outside_programme_period\nWORKERS_COACHED;2815;;2016-Q1;12,5;tak\n";
    expect((await send(marked, "wskaźniki.csv", "INDICATOR_VALUES", false)).data.importRecords).toMatchObject({ written: true, created: 1 });
    const commas = 'indicator,site_teryt,family_code,period,value,outside_programme_period\nWORKERS_COACHED,2815,,2016-Q1,"13,75",tak\n';
    expect((await send(commas, "values.csv", "INDICATOR_VALUES", false)).data.importRecords).toMatchObject({ written: true, created: 0, updated: 1 });
    const [value] = await query<{ value: number }>(
      db("kooperacja"),
      "select value from indicator_value where indicator_id = 'WORKERS_COACHED' and period = '2016-Q1'",
    );
    expect(value!.value).toBe(13.75);

    const json = JSON.stringify([
      {
        key: "szkolenie-żółć",
        kind: "TRAINING",
        title: "Szkolenie: współpraca z sądem rodzinnym – Łódź",
        held_on: "2019-10-01",
        site_teryt: "2815",
        participants: 18,
        cost: "1 250,50",
      },
    ]);
    const result = await send(json, "działania.json", "ACTIVITIES", false);
    expect(result.data.importRecords).toMatchObject({ written: true, format: "JSON", created: 1 });
    const activity = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on SupportActivity {
              title
              cost {
                amount
              }
              provenance {
                kind
                import {
                  fileName
                }
              }
            }
          }
        }
      `,
      { id: gid("SupportActivity", "szkolenie-żółć") },
      owner,
    );
    expect(activity.data.node).toEqual({
      title: "Szkolenie: współpraca z sądem rodzinnym – Łódź",
      cost: { amount: "1250.50" },
      provenance: { kind: "IMPORT", import: { fileName: "działania.json" } },
    });
  });

  it("keeps an imported record's origin and every later change: provenance history", async () => {
    const file = `${FAMILY_HEADER}\nPROV-1;2815;CLIENT;tak;2019-03-01;\n`;
    const created = await send(file, "jedna-rodzina.csv", "FAMILIES", false);
    const importId = created.data.importRecords.import.id;
    const [row] = await query<{ id: string }>(db("kooperacja"), "select id from supported_family where code = 'PROV-1'");
    const id = gid("SupportedFamily", row!.id);
    const changed = await graphql(
      hub.gateway.url,
      `mutation ($id: ID!) { updateSupportedFamily(id: $id, version: 1, input: { code: "PROV-1", site: "${gid("PilotSite", "2815")}", cooperationLevel: WORKER, socialContract: true, startedOn: "2019-03-01" }) { version } }`,
      { id },
      owner,
    );
    expect(changed.data.updateSupportedFamily.version).toBe(2);
    await send(`${FAMILY_HEADER}\nPROV-1;2815;CLIENT;tak;2019-03-01;2020-01-31\n`, "korekta.csv", "FAMILIES", false);

    const provenance = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on SupportedFamily {
              version
              provenance {
                kind
                import {
                  id
                  fileName
                }
                history {
                  action
                  actor
                  import {
                    fileName
                  }
                  before
                  after
                }
              }
            }
          }
        }
      `,
      { id },
      owner,
    );
    const family = provenance.data.node;
    expect(family.version).toBe(3);
    expect(family.provenance.kind).toBe("IMPORT");
    expect(family.provenance.import).toEqual({ id: importId, fileName: "jedna-rodzina.csv" });
    expect(family.provenance.history.map((entry: any) => [entry.action, entry.import?.fileName ?? null])).toEqual([
      ["CREATED", "jedna-rodzina.csv"],
      ["UPDATED", null],
      ["UPDATED", "korekta.csv"],
    ]);
    expect(family.provenance.history[2].before.endedOn).toBeNull();
    expect(family.provenance.history[2].after.endedOn).toBe("2020-01-31");

    // Analysts see where records come from, but not who changed them.
    const analyst = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            id
          }
        }
      `,
      { id },
      await as(Role.NATIONAL_ANALYST),
    );
    expect(analyst.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("accepts every template in the repository (a dry run into Kooperacja's shard), and each template's columns are the kind's", async () => {
    const kinds: Record<string, string> = {
      sites: "SITES",
      bodies: "BODIES",
      meetings: "MEETINGS",
      activities: "ACTIVITIES",
      families: "FAMILIES",
      "indicator-values": "INDICATOR_VALUES",
      institutions: "INSTITUTIONS",
      "body-members": "BODY_MEMBERS",
    };
    for (const [file, kind] of Object.entries(kinds)) {
      const content = readFileSync(join(ROOT, "subgraphs/regional/templates", `${file}.csv`));
      const result = await send(content, `${file}.csv`, kind, true);
      expect(result.errors, file).toBeUndefined();
      expect(result.data.importRecords, file).toMatchObject({ problemCount: 0, rejected: 0 });
      expect(result.data.importRecords.rows, file).toBeGreaterThan(0);
    }
  });

  it("lists every problem of every row, at the file's row and column with the cell's value, in CSV and JSON alike, and writes nothing", async () => {
    const before = await fingerprint(db("kooperacja"));
    const csv = [
      FAMILY_HEADER,
      "OST-E1;2815;KLIENT;może;2019-02-30;", // three bad cells
      "OST-E2;2815;CLIENT;tak;2019-03-01;;extra", // one cell too many
      "OST-E3;9999;CLIENT;tak;2019-03-01;2019-01-01", // no such site, and an end before the start
    ].join("\n");
    const fromCsv = (await send(csv, "bledy.csv", "FAMILIES", true)).data.importRecords;
    expect(fromCsv).toMatchObject({ written: false, rows: 3, rejected: 3 });
    expect(fromCsv.problems.map(({ row, column, value }: any) => [row, column, value])).toEqual([
      [2, "cooperation_level", "KLIENT"],
      [2, "social_contract", "może"],
      [2, "started_on", "2019-02-30"],
      [3, "file", null],
      [4, "ended_on", "2019-01-01"],
      [4, "site_teryt", "9999"],
    ]);
    const messages = fromCsv.problems.map((problem: { message: string }) => problem.message).join(" | ");
    expect(messages).toContain("has 7 cells, the header 6");
    // The rule in the file's own words: columns, never the API's field names.
    expect(messages).toContain("must not be before started_on");
    expect(messages).not.toMatch(/startedOn|endedOn|cooperationLevel|socialContract|outsideProgrammePeriod/);

    const json = JSON.stringify([
      { code: "OST-J1", site_teryt: "2815", cooperation_level: "CLIENT", social_contract: "tak", started_on: "2019-03-01" },
      { code: "OST-J2", site_teryt: "2815", cooperation_level: "CLIENT", social_contract: "może", started_on: "2019-03-01" },
      { code: "OST-J3", site_teryt: "2815", cooperation_level: "CLIENT", social_contract: "tak", started_on: "2019-13-01", pesel: "12345678901" },
      { code: "OST-J4", site_teryt: "2815", cooperation_level: "CLIENT", social_contract: "tak", started_on: "2019-03-01", imie: "Anna" },
    ]);
    const fromJson = (await send(json, "bledy.json", "FAMILIES", true)).data.importRecords;
    expect(fromJson).toMatchObject({ written: false, format: "JSON", rows: 4, rejected: 3 });
    expect(fromJson.problems.map(({ row, column }: any) => [row, column])).toEqual([
      [2, "social_contract"],
      [3, "pesel"],
      [3, "started_on"],
      [4, "imie"],
    ]);
    expect(fromJson.problems[1].value).toBeNull();
    expect(await fingerprint(db("kooperacja"))).toEqual(before);
  });

  it("refuses malformed files with a clear report: unknown or missing columns, not UTF-8, not CSV, empty", async () => {
    const before = await fingerprint(db("kooperacja"));
    const cases: [string | Buffer, string, { row: number; column: string; message: RegExp }][] = [
      [`${FAMILY_HEADER};pesel\nA;2815;CLIENT;tak;2019-03-01;;12345678901\n`, "x.csv", { row: 1, column: "pesel", message: /unknown column/ }],
      ["code;site_teryt\nA;2815\n", "x.csv", { row: 1, column: "cooperation_level", message: /required column is missing/ }],
      [Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xff, 0xfe, 0x0a]), "x.csv", { row: 1, column: "file", message: /not UTF-8/ }],
      [`${FAMILY_HEADER}\n"A;2815;CLIENT;tak;2019-03-01;\n`, "x.csv", { row: 2, column: "file", message: /not valid CSV/ }],
      ["[{]", "x.json", { row: 1, column: "file", message: /not valid JSON/ }],
      [`${FAMILY_HEADER}\n12345678901;2815;CLIENT;tak;2019-03-01;\n`, "x.csv", { row: 2, column: "code", message: /PESEL/ }],
    ];
    for (const [content, name, problem] of cases) {
      const result = await send(content, name, "FAMILIES", false);
      expect(result.errors, String(content)).toBeUndefined();
      expect(result.data.importRecords.written).toBe(false);
      expect(result.data.importRecords.problems[0]).toMatchObject({
        row: problem.row,
        column: problem.column,
        message: expect.stringMatching(problem.message),
      });
    }
    const empty = await send("", "empty.csv", "FAMILIES", false);
    expect(empty.data.importRecords).toMatchObject({ written: false, problemCount: 1 });
    expect(await fingerprint(db("kooperacja"))).toEqual(before);
  });

  it("refuses files from anyone but the region's owner, and files over the size limit, before reading them", async () => {
    const file = `${FAMILY_HEADER}\nNO-1;2815;CLIENT;tak;2019-03-01;\n`;
    const before = await Promise.all(PARTNERSHIP_KEYS.map((key) => fingerprint(db(key))));
    expect((await send(file, "x.csv", "FAMILIES", false, {})).status).toBe(401);
    const analyst = await send(file, "x.csv", "FAMILIES", false, await as(Role.NATIONAL_ANALYST));
    expect([analyst.status, analyst.errors?.[0]?.extensions?.code]).toEqual([403, "FORBIDDEN"]);
    const otherOwner = await send(file, "x.csv", "FAMILIES", false, await as(Role.REGIONAL_OWNER, ["liderzy"]));
    expect(otherOwner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await Promise.all(PARTNERSHIP_KEYS.map((key) => fingerprint(db(key))))).toEqual(before);

    const small = await startTestHub({ MAX_UPLOAD_BYTES: "1000" });
    try {
      const big = `${FAMILY_HEADER}\n${"BIG-1;2815;CLIENT;tak;2019-03-01;\n".repeat(100)}`;
      const result = await upload(small.gateway.url, IMPORT, big, "big.csv", owner, { partnership: "kooperacja", kind: "FAMILIES", dryRun: false });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "uploadSize" });
    } finally {
      await small.close();
    }
  });

  it("imports from the command line: npm run import, with a dry run and exit codes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kooperacja-import-"));
    const path = join(dir, "rodziny-cli.csv");
    writeFileSync(path, `${FAMILY_HEADER}\nCLI-1;2815;CLIENT;tak;2019-03-01;\nCLI-2;2815;KLIENT;nie;2019-03-01;\n`);
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["-r", "@swc-node/register", "hub/src/cli/import-cli.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, HUB_URL: hub.gateway.url },
      }).then(
        (output) => ({ code: 0, stdout: output.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const rejected = await cli("--partnership", "kooperacja", "--kind", "families", "--dry-run", path);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain("REJECTED, nothing written");
    expect(rejected.stdout).toContain('row 3, column cooperation_level ("KLIENT"):');

    writeFileSync(path, `${FAMILY_HEADER}\nCLI-1;2815;CLIENT;tak;2019-03-01;\nCLI-2;2815;CLIENT;nie;2019-03-01;\n`);
    const done = await cli("--partnership", "kooperacja", "--kind", "families", path);
    expect(done.code).toBe(0);
    // The import's global ID, as `node(id:)` takes it.
    expect(tryDecodeGlobalId(/imported as ([A-Za-z0-9_-]+)/.exec(done.stdout)?.[1])).toMatchObject({
      partnership: "kooperacja",
      type: "ImportBatch",
      localId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(done.stdout).toContain("created 2, updated 0, unchanged 0, rejected 0");

    // As a user runs it: `npm run import` from their own directory, with a path relative to it.
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    const here = mkdtempSync(join(ROOT, "test-artifacts", "cli-"));
    try {
      writeFileSync(join(here, "rodziny.csv"), `${FAMILY_HEADER}\nCLI-3;2815;CLIENT;tak;2019-03-01;\n`);
      const npm = (...args: string[]) =>
        promisify(execFile)("npm", ["run", "-s", "import", "--", ...args], { cwd: here, env: { ...process.env, HUB_URL: hub.gateway.url } }).then(
          (output) => ({ code: 0, stdout: output.stdout, stderr: output.stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
      const relative = await npm("--partnership", "kooperacja", "--kind", "families", "--dry-run", "rodziny.csv");
      expect(relative, relative.stderr).toMatchObject({ code: 0 });
      expect(relative.stdout).toContain("rodziny.csv (CSV, 1 rows");
      // Each failure its own exit code: a missing file (2), a token for another region (3), no hub (4).
      expect((await npm("--partnership", "kooperacja", "--kind", "families", "brak.csv")).code).toBe(2);
      const otherRegion = await npm(
        "--partnership",
        "kooperacja",
        "--kind",
        "families",
        "--token",
        await tokenFor(Role.REGIONAL_OWNER, ["kooperacje3d"]),
        "rodziny.csv",
      );
      expect(otherRegion.code).toBe(3);
      expect(otherRegion.stderr).toContain(
        "FORBIDDEN: Your token is a regional owner's for kooperacje3d; Mutation.importRecords in kooperacja is for kooperacja's regional owner only.",
      );
      const nowhere = await npm("--partnership", "kooperacja", "--kind", "families", "--url", "http://127.0.0.1:9/", "rodziny.csv");
      expect(nowhere.code).toBe(4);
      expect(nowhere.stderr).toContain("No answer from http://127.0.0.1:9/");
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 120_000);
});
