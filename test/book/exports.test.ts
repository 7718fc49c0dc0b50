import { encodeBookId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

const ROOT = resolve(__dirname, "../..");
const COLUMNS = [
  "indicator",
  "unit",
  "aggregation",
  "macroregion",
  "partnership",
  "voivodeship",
  "voivodeshipName",
  "municipalityKind",
  "sector",
  "period",
  "value",
  "n",
  "mean",
  "families",
  "suppressed",
  "protection",
  "origin",
  "regionsMissing",
];
const INDICATORS = ["FAMILIES_SUPPORTED", "WORKERS_COACHED", "CONTRACT_GOALS_MET", "INSTITUTIONS_INVOLVED"];
const CHAPTER = encodeBookId("BookChapter", "ch4");
const POLISH_TITLE = "Współpraca z powiatowym urzędem pracy: żłobki, świetlice, źródła";

/** A GraphQL value as the exports write it into a CSV cell. */
const csvCell = (value: unknown) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value));
/** …and into an XLSX cell: numbers and booleans stay what they are. */
const xlsxCell = (value: unknown) => (value === null || value === undefined ? null : Array.isArray(value) ? value.join(", ") || null : value);

async function sheets(content: ArrayBuffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content);
  const result = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value ?? null));
    });
    result.set(sheet.name, rows);
  });
  return result;
}

describe("exports: comparisons and chapters as CSV and XLSX, the book as Markdown and HTML", () => {
  let hub: TestHub;
  let analyst: Record<string, string>;
  let rows: Record<string, unknown>[];
  const download = (path: string, headers: Record<string, string> = analyst) => fetch(new URL(path, hub.gateway.url), { headers });
  const comparisonPath = (format: string) => `/export/comparison.${format}?indicators=${INDICATORS.join(",")}&by=VOIVODESHIP,PERIOD&grain=YEAR`;

  beforeAll(async () => {
    hub = await startTestHub();
    analyst = await as(Role.NATIONAL_ANALYST);
    const result = await graphql(
      hub.gateway.url,
      `query($indicators: [String!]!) { compare(indicators: $indicators, by: [VOIVODESHIP, PERIOD], grain: YEAR) { rows { ${COLUMNS.join(" ")} } } }`,
      { indicators: INDICATORS },
      analyst,
    );
    expect(result.errors).toBeUndefined();
    rows = result.data.compare.rows;
    const created = await graphql(
      hub.gateway.url,
      `
        mutation ($input: NewRecommendation!) {
          createRecommendation(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          chapterId: CHAPTER,
          title: POLISH_TITLE,
          text: "Tekst z <script>alert('x')</script> i | kreską, zapisany w exporcie.",
          targetSectors: ["LABOUR_MARKET"],
        },
      },
      analyst,
    );
    expect(created.errors).toBeUndefined();
  }, 60_000);

  afterAll(() => hub?.close());

  it("exports a comparison as CSV that a CSV parser reads back cell by cell, Polish letters intact", async () => {
    const response = await download(comparisonPath("csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="comparison.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte order mark tells spreadsheet programs the file is UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(bytes, { bom: true }) as string[][];
    expect(table[0]).toEqual(COLUMNS);
    expect(table.slice(1)).toEqual(rows.map((row) => COLUMNS.map((column) => csvCell(row[column]))));
    const names = new Set(table.slice(1).map((cells) => cells[COLUMNS.indexOf("voivodeshipName")]));
    expect(names).toContain("warmińsko-mazurskie");
    expect(names).toContain("łódzkie");
  });

  it("exports the same comparison as XLSX that a workbook reader reads back cell by cell", async () => {
    const response = await download(comparisonPath("xlsx"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = await sheets(await response.arrayBuffer());
    const table = workbook.get("Comparison")!;
    expect(table[0]).toEqual(COLUMNS);
    expect(table.slice(1)).toEqual(rows.map((row) => COLUMNS.map((column) => xlsxCell(row[column]))));
    expect(table.some((cells) => cells[COLUMNS.indexOf("voivodeshipName")] === "warmińsko-mazurskie")).toBe(true);
    // A notes sheet says what the figures are: when, how asked, what they are computed from, what each indicator counts.
    const notes = new Map(
      workbook
        .get("Notes")!
        .slice(1)
        .map((cells) => [cells[0], cells[1]]),
    );
    expect([...workbook.keys()]).toEqual(["Comparison", "Notes"]);
    expect(Date.parse(String(notes.get("exported at")))).not.toBeNaN();
    expect(JSON.parse(String(notes.get("parameters")))).toMatchObject({ indicators: INDICATORS, by: ["VOIVODESHIP", "PERIOD"], grain: "YEAR" });
    expect(notes.get("origin of the figures")).toMatch(new RegExp(`^${rows.filter((row) => row.origin === "SYNTHETIC").length} SYNTHETIC`));
    expect(notes.get("indicator FAMILIES_SUPPORTED")).toMatch(/^Family-quarters of support .*family-quarters.*counts four times/);
  });

  it("exports a chapter: its recommendations and every figure its comparisons stand on", async () => {
    const chapter = (
      await graphql(
        hub.gateway.url,
        `query($id: ID!) { bookChapter(id: $id) { number recommendations { number title status comparisons { note live { ${COLUMNS.join(" ")} } } } } }`,
        { id: CHAPTER },
        analyst,
      )
    ).data.bookChapter;
    const expected = chapter.recommendations.flatMap((recommendation: any) =>
      recommendation.comparisons.flatMap((comparison: any) =>
        comparison.live.map((row: any) => [
          chapter.number,
          `${chapter.number}.${recommendation.number}`,
          comparison.note,
          "live",
          ...COLUMNS.map((column) => xlsxCell(row[column])),
        ]),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    const workbook = await sheets(await (await download(`/export/chapter/${CHAPTER}.xlsx`)).arrayBuffer());
    expect([...workbook.keys()]).toEqual(["Recommendations", "Figures", "Notes"]);
    const notes = new Map(
      workbook
        .get("Notes")!
        .slice(1)
        .map((cells) => [cells[0], cells[1]]),
    );
    expect(notes.get("demo content")).toMatch(/seeded examples/);
    expect(notes.get("origin of the figures")).toMatch(/SYNTHETIC/);
    expect(workbook.get("Recommendations")![0]).toContain("demo");
    expect(workbook.get("Figures")!.slice(1)).toEqual(expected);
    const titles = workbook
      .get("Recommendations")!
      .slice(1)
      .map((cells) => cells[2]);
    expect(titles).toEqual(chapter.recommendations.map((recommendation: any) => recommendation.title));
    expect(titles).toContain(POLISH_TITLE);

    const csv = parse(Buffer.from(await (await download(`/export/chapter/${CHAPTER}.csv`)).arrayBuffer()), { bom: true }) as string[][];
    expect(csv.slice(1)).toEqual(expected.map((cells: unknown[]) => cells.map((value) => csvCell(value))));
  });

  it("exports the book as Markdown and HTML with tables; text is shown, never run; the public gets adopted recommendations only", async () => {
    const markdown = await (await download("/export/book.md")).text();
    expect(markdown).toContain("# Księga rekomendacyjna");
    expect(markdown).toContain(`### 4.2 ${POLISH_TITLE}`);
    // Figures as a reader wants them: the comparison's own dimensions, the value with its unit, rounded; no empty columns.
    expect(markdown).toMatch(/\| partnership \| period \| value \| unit \| mean \|/);
    expect(markdown).not.toMatch(/\| aggregation \||\| regionsMissing \||\| voivodeshipName \|/);
    expect(markdown.split("\n").filter((line) => line.startsWith("|") && /\d\.\d{3,}/.test(line))).toEqual([]);
    expect(markdown).toContain("&lt;script&gt;");
    expect(markdown).toContain("i \\| kreską");
    const html = await (await download("/export/book.html")).text();
    expect(html).toContain('<meta charset="utf-8">');
    // English text in an English page, and a page that prints: tables split between rows, never overflowing.
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("@media print{");
    expect(html).toContain("<table>");
    expect(html).toContain(POLISH_TITLE);
    expect(html).not.toContain("<script>alert");
    const publicBook = await (await download("/export/book.md", {})).text();
    expect(publicBook).toContain("# Księga rekomendacyjna");
    expect(publicBook).not.toContain(POLISH_TITLE);
  });

  it("exports to the public an adopted recommendation's series from its snapshot, though the public may not re-run a series", async () => {
    const id = encodeBookId("Recommendation", "r4-1");
    for (const step of ["submitRecommendation", "adoptRecommendation"]) {
      expect((await graphql(hub.gateway.url, `mutation($id: ID!) { ${step}(id: $id) { status } }`, { id }, analyst)).errors).toBeUndefined();
    }
    const response = await download("/export/book.md", {});
    expect(response.status, await response.clone().text()).toBe(200);
    const markdown = await response.text();
    expect(markdown).toContain("### 4.1 Report cooperation body meetings the same way in every region");
    expect(markdown).toMatch(/figures adopted \d{4}-\d{2}-\d{2}T/);
    expect(markdown).toMatch(/\| liderzy \| 20\d\d \| [\d≈ †]+ \| meetings \|/);
    // Its evidence, every item the book holds, each in words: what, where, when, whose; a record the public may not see says so.
    const held = (
      await graphql(
        hub.gateway.url,
        `
          query ($id: ID!) {
            recommendation(id: $id) {
              evidence {
                note
              }
            }
          }
        `,
        { id },
        analyst,
      )
    ).data.recommendation.evidence;
    const section = markdown.slice(markdown.indexOf("### 4.1 "), markdown.indexOf("\n### ", markdown.indexOf("### 4.1 ") + 1) >>> 0 || undefined);
    const items = section.split("\n").filter((line) => line.startsWith("- "));
    expect(items).toHaveLength(held.length);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items)
      expect(item).toMatch(
        /^- (Pilot site|Cooperation body|Support activity|Partnership|Institution|Indicator|A regional record this reader may not see|[A-Z][^:]+ at [^,]+, 20\d\d)/,
      );
    expect(section).not.toMatch(/- (IndicatorValue|PilotSite|CooperationBody|SupportActivity) /);
  });

  it("answers refusals as HTTP errors with the GraphQL error codes", async () => {
    const series = await download(`/export/comparison.csv?indicators=WORKERS_COACHED&by=PERIOD`, {});
    expect(series.status).toBe(401);
    expect(((await series.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const unknown = await download(`/export/comparison.csv?indicators=NO_SUCH`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "indicators" });
    expect((await download(`/export/comparison.pdf?indicators=WORKERS_COACHED`)).status).toBe(400);
    expect((await download(`/export/comparison.csv`)).status).toBe(400);
    expect((await download(`/export/comparison.csv?indicators=WORKERS_COACHED&filter={oops`)).status).toBe(400);
    expect((await download(`/export/chapter/${encodeBookId("BookChapter", "nope")}.csv`)).status).toBe(404);
    expect((await download(`/export/book.md`, { authorization: "Bearer not-a-token" })).status).toBe(401);
    expect((await download(`/export/nothing.csv`)).status).toBe(404);
  });

  it("exports from the command line: npm run export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kooperacja-export-"));
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["-r", "@swc-node/register", "hub/src/cli/export-cli.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, HUB_URL: hub.gateway.url },
      }).then(
        (output) => ({ code: 0, stdout: output.stdout, stderr: output.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const out = join(dir, "porownanie.xlsx");
    const done = await cli(
      "comparison",
      "--indicators",
      INDICATORS.join(","),
      "--by",
      "VOIVODESHIP,PERIOD",
      "--grain",
      "YEAR",
      "--format",
      "xlsx",
      "--out",
      out,
    );
    expect(done, done.stderr).toMatchObject({ code: 0 });
    expect(done.stdout).toContain(`Wrote ${out}`);
    const table = (await sheets(readFileSync(out).buffer as ArrayBuffer)).get("Comparison")!;
    expect(table.slice(1)).toEqual(rows.map((row) => COLUMNS.map((column) => xlsxCell(row[column]))));
    const book = await cli("book", "--format", "html", "--out", join(dir, "ksiega.html"));
    expect(book, book.stderr).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, "ksiega.html"), "utf8")).toContain(POLISH_TITLE);
    const refused = await cli("comparison", "--indicators", "NO_SUCH");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("BAD_USER_INPUT");
    // Run through npm from a directory of the user's: the file lands there, not in the repository root.
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    const here = mkdtempSync(join(ROOT, "test-artifacts", "export-"));
    try {
      await promisify(execFile)("npm", ["run", "-s", "export", "--", "book"], { cwd: here, env: { ...process.env, HUB_URL: hub.gateway.url } });
      expect(readFileSync(join(here, "ksiega-rekomendacyjna.md"), "utf8")).toContain(POLISH_TITLE);
      expect(existsSync(join(ROOT, "ksiega-rekomendacyjna.md"))).toBe(false);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses an export that would miss a region (503) rather than hand out a table without its figures", async () => {
    const ok = async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await graphql(hub.gateway.url, query, variables, analyst);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const chapter = (await ok(`mutation { createChapter(input: { number: 7, title: "Rozdział próbny", summary: "Figures only." }) { id } }`)).createChapter.id;
    const draft = (
      await ok(
        `mutation($chapter: ID!) { createRecommendation(input: { chapterId: $chapter, title: "Figures re-run now", text: "Stands on a comparison only." }) { id } }`,
        { chapter },
      )
    ).createRecommendation.id;
    await ok(
      `mutation($id: ID!) { addComparisonEvidence(recommendationId: $id, comparison: { note: "Participants by partnership.", indicators: ["ACTIVITY_PARTICIPANTS"], by: ["PARTNERSHIP"] }) { id } }`,
      { id: draft },
    );
    expect((await download(`/export/chapter/${chapter}.csv`)).status).toBe(200);
    await hub.regions.liderzy.stop();
    const response = await download(comparisonPath("csv"));
    expect(response.status).toBe(503);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: "SHARD_UNAVAILABLE", partnership: "liderzy" });
    // A chapter whose draft stands on figures re-run now: they would miss the region.
    const figures = await download(`/export/chapter/${chapter}.xlsx`);
    expect(figures.status).toBe(503);
    expect(((await figures.json()) as any).errors[0]).toMatchObject({
      message: expect.stringContaining("miss region(s) liderzy"),
      extensions: { code: "SHARD_UNAVAILABLE" },
    });
  });
});
