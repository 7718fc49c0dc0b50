import "reflect-metadata";
import { startHub } from "@kooperacja/hub";
import { addKeys, KEY_MODULUS, PARTNERSHIP_KEYS, protectCount, protectSum, publishable } from "@kooperacja/contract";
import { authConfig, Role, signLocalToken } from "@kooperacja/service-kit";
import { parse } from "csv-parse/sync";
import { randomInt } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dataSet, ROOT, startStack } from "./stack";

/**
 * `npm run privacy-report`: what the cell key method publishes, against the
 * exact figures, surface by surface (docs/privacy.md). On the demo data of
 * `npm start` and on the synthetic national set, the public and a dashboard
 * token read every surface that publishes figures about families, and the
 * owner of every region reads the same exact: the report prints the share
 * of cells withheld and the mean and largest change of the figures shown.
 */
export interface PrivacyOptions {
  scale: string;
  dataDir: string;
  resultsDir: string;
}

type Row = Record<string, any>;

/** What one surface published, against the exact figures. */
class Tally {
  cells = 0;
  suppressed = 0;
  figures = 0;
  changeSum = 0;
  changeMax = 0;
  relativeSum = 0;
  unchanged = 0;
  withheldRows = 0;
  exactRows = 0;

  /** One cell: as shown to the reader and exact; `fields` are its figures. */
  add(shown: Row | undefined, exact: Row, fields: string[]): void {
    this.cells += 1;
    if (!shown || shown.suppressed) {
      this.suppressed += 1;
      return;
    }
    for (const field of fields) {
      const [a, b] = [shown[field], exact[field]];
      if (typeof a !== "number" || typeof b !== "number") continue;
      const change = Math.abs(a - b);
      this.figures += 1;
      this.changeSum += change;
      this.changeMax = Math.max(this.changeMax, change);
      this.relativeSum += b === 0 ? 0 : change / Math.abs(b);
      if (change === 0) this.unchanged += 1;
    }
  }

  summary() {
    return {
      cells: this.cells,
      suppressedShare: this.cells ? this.suppressed / this.cells : 0,
      figures: this.figures,
      meanAbsoluteChange: this.figures ? this.changeSum / this.figures : 0,
      maxAbsoluteChange: this.changeMax,
      meanRelativeChange: this.figures ? this.relativeSum / this.figures : 0,
      unchangedShare: this.figures ? this.unchanged / this.figures : 0,
      ...(this.exactRows ? { rowsWithheldShare: this.withheldRows / this.exactRows } : {}),
    };
  }
}

const FAMILY_INDICATORS = ["FAMILIES_ENROLLED", "FAMILIES_WITH_SOCIAL_CONTRACT", "FAMILIES_SUPPORTED", "CONTRACT_GOALS_MET"];
const REPORTED = ["FAMILIES_SUPPORTED", "SOCIAL_CONTRACTS_CONCLUDED", "CONTRACT_GOALS_MET"];
const KEYS = ["indicator", "partnership", "voivodeship", "municipalityKind", "period", "siteId"];
const keyOf = (row: Row) => JSON.stringify(KEYS.map((field) => row[field] ?? null));

interface Readers {
  public: Record<string, string>;
  dashboard: Record<string, string>;
  analyst: Record<string, string>;
  owner: Record<string, string>;
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(`${query.slice(0, 80)}…: ${body.errors[0]!.message}`);
  return body.data;
}

/** Pairs the rows a reader got with the exact ones by their group, and tallies them. */
function tallyRows(tally: Tally, shown: Row[], exact: Row[], fields: string[]): void {
  const byKey = new Map(shown.map((row) => [keyOf(row), row]));
  for (const row of exact) if (row.families !== null) tally.add(byKey.get(keyOf(row)), row, fields);
}

/** Every surface that publishes figures about families, read as `reader` and as the owner of every region. */
async function surfaces(url: string, readers: Readers): Promise<Record<string, ReturnType<Tally["summary"]>>> {
  const tallies: Record<string, Tally> = {};
  const tally = (name: string) => (tallies[name] ??= new Tally());
  const COMPARE = `query($indicators: [String!]!, $by: [CompareDimension!]!, $grain: PeriodGrain!) {
    compare(indicators: $indicators, by: $by, grain: $grain) { rows { indicator partnership voivodeship municipalityKind period value n sum families suppressed } }
  }`;
  for (const by of [[], ["PARTNERSHIP"], ["VOIVODESHIP"], ["MUNICIPALITY_KIND"], ["PARTNERSHIP", "PERIOD"]]) {
    const variables = { indicators: FAMILY_INDICATORS, by, grain: "QUARTER" };
    const reader = by.includes("PERIOD") ? readers.dashboard : readers.public;
    tallyRows(tally("compare"), (await post(url, COMPARE, variables, reader)).compare.rows, (await post(url, COMPARE, variables, readers.owner)).compare.rows, [
      "value",
      "n",
      "families",
    ]);
  }

  const SUMMARY = `query($indicator: String!, $groupBy: [SummaryDimension!]!) {
    indicatorSummary(indicator: $indicator, groupBy: $groupBy) { groups { partnership voivodeship municipalityKind period siteId count sum families suppressed } }
  }`;
  for (const indicator of REPORTED) {
    for (const groupBy of [[], ["PARTNERSHIP"], ["VOIVODESHIP"], ["SITE"], ["PARTNERSHIP", "PERIOD"]]) {
      const reader = groupBy.includes("PERIOD") ? readers.dashboard : readers.public;
      const rows = async (headers: Record<string, string>) =>
        ((await post(url, SUMMARY, { indicator, groupBy }, headers)).indicatorSummary.groups as Row[]).map((row) => ({ ...row, indicator }));
      tallyRows(tally("indicatorSummary"), await rows(reader), await rows(readers.owner), ["count", "sum", "families"]);
    }
  }

  const RANKING = `query($partnership: String!, $indicator: String!) { siteRanking(partnership: $partnership, indicator: $indicator) { siteId value n families suppressed } }`;
  for (const partnership of PARTNERSHIP_KEYS) {
    for (const indicator of FAMILY_INDICATORS) {
      const rows = async (headers: Record<string, string>) =>
        ((await post(url, RANKING, { partnership, indicator }, headers)).siteRanking as Row[]).map((row) => ({ ...row, indicator }));
      tallyRows(tally("siteRanking"), await rows(readers.public), await rows(readers.owner), ["value", "n", "families"]);
    }
  }

  // Coverage publishes no figures; for the indicators measured per family it publishes nothing to others.
  const COVERAGE = `{ coverage(indicators: ["FAMILIES_SUPPORTED", "SOCIAL_CONTRACTS_CONCLUDED", "CONTRACT_GOALS_MET"]) { partnership siteId indicator periodsReported } }`;
  const coverage = tally("coverage (rows, no figures)");
  const shownRows = new Set(
    ((await post(url, COVERAGE, {}, readers.dashboard)).coverage as Row[]).map((row) => `${row.siteId}|${row.indicator}|${row.periodsReported.join()}`),
  );
  for (const row of (await post(url, COVERAGE, {}, readers.owner)).coverage as Row[]) {
    coverage.exactRows += 1;
    if (!shownRows.has(`${row.siteId}|${row.indicator}|${row.periodsReported.join()}`)) coverage.withheldRows += 1;
  }

  const csv = async (headers: Record<string, string>) => {
    const response = await fetch(new URL(`/export/comparison.csv?indicators=${FAMILY_INDICATORS.join(",")}&by=VOIVODESHIP`, url), { headers });
    if (!response.ok) throw new Error(`/export/comparison.csv answered ${response.status}`);
    const [columns, ...cells] = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][];
    return cells.map((row) => {
      const record = Object.fromEntries(columns!.map((column, index) => [column, row[index] === "" ? null : row[index]]));
      return {
        ...record,
        value: numberOrNull(record.value),
        n: numberOrNull(record.n),
        families: numberOrNull(record.families),
        suppressed: record.suppressed === "true",
      };
    });
  };
  tallyRows(tally("export (comparison.csv)"), await csv(readers.public), await csv(readers.owner), ["value", "n", "families"]);

  const manifestPath = join(ROOT, "dashboard/dist/persisted-queries.json");
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, string>;
    const byHash = async (operation: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const hash = Object.keys(manifest).find((candidate) => manifest[candidate]!.startsWith(`query ${operation}`))!;
      const target = new URL(url);
      target.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
      target.searchParams.set("variables", JSON.stringify(variables));
      const body = (await (await fetch(target, { headers })).json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`${operation}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const rowsOf = (data: any): Row[] =>
      [data.families, data.compare, data.byPartnership, data.byMunicipalityKind]
        .filter(Boolean)
        .flatMap((table: { rows: Row[] }) => table.rows.map((row) => ({ indicator: "FAMILIES_ENROLLED", ...row })));
    for (const [operation, variables, reader] of [
      ["DashboardOverview", {}, readers.public],
      ["DashboardVoivodeships", { indicators: ["FAMILIES_ENROLLED"] }, readers.public],
      ...FAMILY_INDICATORS.map((indicator) => ["DashboardComparison", { indicators: [indicator] }, readers.public] as const),
      ...FAMILY_INDICATORS.map((indicator) => ["DashboardSeries", { indicators: [indicator], grain: "QUARTER" }, readers.dashboard] as const),
    ] as const) {
      tallyRows(
        tally("dashboard (persisted queries)"),
        rowsOf(await byHash(operation, variables, reader)),
        rowsOf(await byHash(operation, variables, readers.owner)),
        ["value", "n", "families"],
      );
    }
  }

  // A recommendation adopted with comparisons of every indicator about families: its snapshot is what the public reads.
  const chapter = await post(
    url,
    `mutation($input: NewChapter!) { createChapter(input: $input) { id } }`,
    {
      input: {
        number: 900 + Math.floor(Math.random() * 99),
        title: "Privacy report",
        summary: "A chapter the privacy report writes to read an adopted snapshot.",
      },
    },
    readers.analyst,
  );
  const created = await post(
    url,
    `mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`,
    {
      input: {
        chapterId: chapter.createChapter.id,
        title: "Privacy report: figures about families",
        text: "A recommendation the privacy report adopts to read its snapshot.",
      },
    },
    readers.analyst,
  );
  const id = created.createRecommendation.id as string;
  const saved = [
    { by: ["PARTNERSHIP", "PERIOD"], grain: "YEAR" },
    { by: ["VOIVODESHIP"], grain: "QUARTER" },
  ];
  for (const comparison of saved) {
    await post(
      url,
      `mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`,
      {
        id,
        comparison: { note: "Figures about families.", indicators: FAMILY_INDICATORS, ...comparison },
      },
      readers.analyst,
    );
  }
  await post(url, `mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id }, readers.analyst);
  await post(url, `mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id }, readers.analyst);
  const snapshots = (
    await post(
      url,
      `query($id: ID!) { recommendation(id: $id) { comparisons { by grain snapshot { rows { indicator partnership voivodeship period value n families suppressed } } } } }`,
      { id },
      readers.public,
    )
  ).recommendation.comparisons as { by: string[]; grain: string; snapshot: { rows: Row[] } }[];
  for (const snapshot of snapshots) {
    const exact = (await post(url, COMPARE, { indicators: FAMILY_INDICATORS, by: snapshot.by, grain: snapshot.grain }, readers.owner)).compare.rows as Row[];
    tallyRows(tally("book snapshot"), snapshot.snapshot.rows, exact, ["value", "n", "families"]);
  }
  return Object.fromEntries(Object.entries(tallies).map(([name, surface]) => [name, surface.summary()]));
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined || value === "" ? null : Number(value);
}

/**
 * The method alone, on random record keys: what subtracting two protected
 * counts that differ by k families gives, and what subtracting two sums that
 * differ by one family's value (a percentage) gives.
 */
function methodFigures(trials = 20_000) {
  const randomKey = () => randomInt(KEY_MODULUS);
  const differences = [1, 2, 3, 4, 5, 10].map((k) => {
    let exact = 0;
    let errorSum = 0;
    let errorMax = 0;
    for (let trial = 0; trial < trials; trial++) {
      const base = 40 + randomInt(60);
      const keyB = randomKey();
      let keyA = keyB;
      for (let family = 0; family < k; family++) keyA = addKeys(keyA, randomKey());
      const error = Math.abs(protectCount(base + k, keyA) - protectCount(base, keyB) - k);
      if (error === 0) exact += 1;
      errorSum += error;
      errorMax = Math.max(errorMax, error);
    }
    return { familiesApart: k, estimateExact: exact / trials, meanAbsoluteError: errorSum / trials, maxAbsoluteError: errorMax };
  });
  let valueExact = 0;
  let valueErrorSum = 0;
  for (let trial = 0; trial < trials; trial++) {
    const value = 5 * randomInt(21);
    const others = 40 * 50 + randomInt(1000);
    const keyB = randomKey();
    const estimate = protectSum(others + value, 100, addKeys(keyB, randomKey())) - protectSum(others, 100, keyB);
    if (estimate === value) valueExact += 1;
    valueErrorSum += Math.abs(estimate - value);
  }
  const gate = [4, 5, 6, 7, 8, 9].map((families) => ({
    families,
    published: Array.from({ length: trials }, randomKey).filter((key) => publishable(families, key, 5)).length / trials,
  }));
  return { differences, oneFamilyValue: { estimateExact: valueExact / trials, meanAbsoluteError: valueErrorSum / trials }, gate };
}

const percent = (share: number, digits = 1) => `${(100 * share).toFixed(digits)} %`;

function printSurfaces(title: string, figures: Record<string, ReturnType<Tally["summary"]>>): void {
  console.log(`\n${title}`);
  console.log(
    `  ${"surface".padEnd(30)} ${"cells".padStart(6)} ${"withheld".padStart(9)} ${"figures".padStart(8)} ${"mean |change|".padStart(14)} ${"max |change|".padStart(13)} ${"mean rel.".padStart(10)} ${"unchanged".padStart(10)}`,
  );
  for (const [surface, f] of Object.entries(figures)) {
    if (f.rowsWithheldShare !== undefined) {
      console.log(
        `  ${surface.padEnd(30)} ${"".padStart(6)} ${percent(f.rowsWithheldShare).padStart(9)}   rows of indicators measured per family withheld; no figures published`,
      );
      continue;
    }
    console.log(
      `  ${surface.padEnd(30)} ${String(f.cells).padStart(6)} ${percent(f.suppressedShare).padStart(9)} ${String(f.figures).padStart(8)} ${f.meanAbsoluteChange.toFixed(2).padStart(14)} ${f.maxAbsoluteChange.toFixed(1).padStart(13)} ${percent(f.meanRelativeChange, 2).padStart(10)} ${percent(f.unchangedShare).padStart(10)}`,
    );
  }
}

export async function runPrivacyReport(options: PrivacyOptions): Promise<void> {
  const started = performance.now();
  const auth = authConfig({});
  const sign = (role: Role, partnerships = [] as (typeof PARTNERSHIP_KEYS)[number][]) =>
    signLocalToken(auth, { subject: `privacy-report-${role}`, role, partnerships });
  const readers: Readers = {
    public: {},
    dashboard: { authorization: `Bearer ${await sign(Role.DASHBOARD)}` },
    analyst: { authorization: `Bearer ${await sign(Role.NATIONAL_ANALYST)}` },
    owner: { authorization: `Bearer ${await sign(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS])}` },
  };
  console.log("Kooperacja Hub privacy report: the figures about families the hub publishes, against the exact ones (docs/privacy.md).");
  console.log("Readers: the public (and a dashboard token where a series needs one) against the owner of every region. A cell is one group of one indicator;");
  console.log("its figures are value, n and families (count, sum and families in indicatorSummary); changes are of the figures shown, withheld cells apart.");

  const method = methodFigures();
  console.log("\nThe method alone, on random record keys (20 000 trials each):");
  for (const row of method.differences) {
    console.log(
      `  two protected counts ${String(row.familiesApart).padStart(2)} families apart: their difference is exact ${percent(row.estimateExact).padStart(7)} of the time; mean error ${row.meanAbsoluteError.toFixed(2)}, largest ${row.maxAbsoluteError}`,
    );
  }
  console.log(
    `  one family's value (0–100) as the difference of two protected sums: exact ${percent(method.oneFamilyValue.estimateExact)} of the time; mean error ${method.oneFamilyValue.meanAbsoluteError.toFixed(1)}`,
  );
  console.log(
    `  minimum cell size: a group is published ${method.gate.map((row) => `${percent(row.published)} of the time with ${row.families} families`).join(", ")}`,
  );

  const work = mkdtempSync(join(tmpdir(), "kooperacja-privacy-"));
  const results: Record<string, unknown> = {};
  try {
    console.log("\nStarting the hub on the demo data (npm start's seed)...");
    const demo = await startHub({
      ...process.env,
      DATA_DIR: join(work, "demo"),
      LIDERZY_PORT: "0",
      KOOPERACJA_PORT: "0",
      KOOPERACJE3D_PORT: "0",
      BOOK_PORT: "0",
      GATEWAY_PORT: "0",
      LOG_LEVEL: "silent",
      RATE_LIMIT_PER_MINUTE: "1000000000",
    });
    try {
      results.demo = await surfaces(demo.gateway.url, readers);
    } finally {
      await demo.stop();
    }
    printSurfaces("Demo data (the seed of npm start):", results.demo as Record<string, ReturnType<Tally["summary"]>>);

    console.log(`\nPreparing the synthetic ${options.scale} data set...`);
    const national = await dataSet(options.scale, options.dataDir);
    // The report adopts a recommendation: in a book of its own (a copy of the set's, if it has one), so the cached set stays as seeded.
    const book = join(work, "book.sqlite");
    if (existsSync(national.databases.book)) copyFileSync(national.databases.book, book);
    const stack = await startStack({ ...national, databases: { ...national.databases, book } });
    try {
      results[options.scale] = await surfaces(stack.urls.gateway, readers);
    } finally {
      stack.stop();
    }
    printSurfaces(
      `Synthetic ${options.scale} data set (npm run seed:synthetic -- --scale ${options.scale} --seed 1):`,
      results[options.scale] as Record<string, ReturnType<Tally["summary"]>>,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  mkdirSync(options.resultsDir, { recursive: true });
  const file = join(options.resultsDir, `privacy-${options.scale}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify({ report: "privacy", scale: options.scale, method, results, seconds: (performance.now() - started) / 1000 }, null, 2) + "\n",
  );
  console.log(`\nWhole run ${((performance.now() - started) / 60_000).toFixed(1)} min. Wrote ${file}`);
}
