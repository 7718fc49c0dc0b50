import { DuckDBInstance } from "@duckdb/node-api";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { percentile, shuffle } from "./load";
import { ROOT, type DataSet } from "./stack";

/**
 * What users wait for, measured whole: the dashboard's public view and its
 * view with a token (every operation the page sends on load, sent at once as
 * the page sends them, timed until the last answer), the five questions of
 * docs/analysts.md, and the same national aggregates answered by DuckDB over
 * the same rows (loaded into it here), the column store a user could pick
 * for such group-bys instead.
 */

export interface Wait {
  name: string;
  /** How many requests the wait is made of (sent at once). */
  requests: number;
  median: number;
  p95: number;
  samples: number;
  target?: number;
}

interface Request {
  query: string;
  variables?: Record<string, unknown>;
}

/** The dashboard's operations by name, as its persisted query manifest lists them (the documents the page sends). */
function dashboardOperations(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, "dashboard/dist/persisted-queries.json"), "utf8")) as Record<string, string>;
  return new Map(Object.values(manifest).map((document) => [/query (\w+)/.exec(document)![1]!, document]));
}

/** The page's constants, read from its source so the bench asks what the page asks. */
function dashboardConstants(): { indicator: string; voivodeshipIndicators: string[]; listedSites: number } {
  const source = readFileSync(join(ROOT, "dashboard/src/state.ts"), "utf8");
  return {
    indicator: /DEFAULT_INDICATOR = "(\w+)"/.exec(source)![1]!,
    voivodeshipIndicators: JSON.parse(/VOIVODESHIP_INDICATORS = (\[[^\]]*\])/.exec(source)![1]!) as string[],
    listedSites: Number(/LISTED_SITES = (\d+)/.exec(source)![1]!),
  };
}

/** The page on load: without a token (public) and with one (the series and the coverage report too). */
export function dashboardViews(): { public: Request[]; token: Request[] } {
  const operations = dashboardOperations();
  const { indicator, voivodeshipIndicators, listedSites } = dashboardConstants();
  const ask = (name: string, variables: Record<string, unknown> = {}): Request => {
    const query = operations.get(name);
    if (!query) throw new Error(`The dashboard's manifest has no operation ${name}; npm run build:dashboard`);
    return { query, variables };
  };
  const indicators = [indicator];
  const publicView = [
    ask("DashboardOverview"),
    ask("DashboardIndicators"),
    ask("DashboardVoivodeships", { indicators: voivodeshipIndicators }),
    ask("DashboardComparison", { indicators }),
    ask("DashboardMap", { indicators }),
    ...PARTNERSHIP_KEYS.map((partnership) => ask("DashboardSiteFigures", { partnership, indicator })),
  ];
  return {
    public: publicView,
    token: [...publicView, ask("DashboardSeries", { indicators, grain: "QUARTER" }), ask("DashboardCoverage", { indicators, worst: listedSites })],
  };
}

/** The five questions of docs/analysts.md: in each section the query that reads the answer (not the steps that write). */
export function analystQuestions(): { name: string; query: string }[] {
  const guide = readFileSync(join(ROOT, "docs/analysts.md"), "utf8");
  const sections = guide.split(/^### (?=\d\. )/m).slice(1);
  return sections.slice(0, 5).map((section) => {
    const title = section.slice(0, section.indexOf("\n"));
    const queries = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((match) => match[1]!.replace(/^#.*\n/gm, "").trim())
      .filter((query) => !query.startsWith("mutation"));
    if (queries.length === 0) throw new Error(`docs/analysts.md, "${title}": no query`);
    return { name: `question ${title.slice(0, title.indexOf("."))}`, query: queries.at(-1)! };
  });
}

async function send(url: string, token: string | null, request: Request): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${request.query.slice(0, 60)}… answered ${response.status}: ${text.slice(0, 400)}`);
  return (JSON.parse(text) as { data: unknown }).data;
}

const BENCH_CHAPTER = 90;

/**
 * The fifth question reads the guide's demo recommendation, which a book
 * seeded without demo data lacks: the bench then writes one like it (a
 * chapter, a recommendation, a saved comparison, as an analyst would) and
 * asks for that one instead; later runs find it.
 */
export async function withBookRecommendation(
  url: string,
  analystToken: string,
  question: { name: string; query: string },
): Promise<{ name: string; query: string }> {
  const id = /recommendation\(id: "([^"]+)"\)/.exec(question.query)?.[1];
  if (!id) return question;
  const found = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${analystToken}` },
    body: JSON.stringify({ query: `{ recommendation(id: "${id}") { id } }` }),
  });
  if (((await found.json()) as { data?: { recommendation: unknown } }).data?.recommendation) return question;
  const chapters = (await send(url, analystToken, { query: "{ bookChapters { id number recommendations { id } } }" })) as {
    bookChapters: { id: string; number: number; recommendations: { id: string }[] }[];
  };
  let chapter = chapters.bookChapters.find((entry) => entry.number === BENCH_CHAPTER);
  chapter ??= (
    await send(url, analystToken, {
      query: "mutation($input: NewChapter!) { createChapter(input: $input) { id number recommendations { id } } }",
      variables: {
        input: { number: BENCH_CHAPTER, title: "Benchmark", summary: "Written by npm run bench to ask the fifth analyst question of docs/analysts.md." },
      },
    })
  ).createChapter as { id: string; number: number; recommendations: { id: string }[] };
  let recommendation = chapter.recommendations[0]?.id;
  if (!recommendation) {
    recommendation = (
      await send(url, analystToken, {
        query: "mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }",
        variables: {
          input: {
            chapterId: chapter.id,
            title: "Coach workers across sectors",
            text: "Coach social workers together with the other sectors' workers.",
            targetSectors: ["SOCIAL_ASSISTANCE"],
          },
        },
      })
    ).createRecommendation.id as string;
    await send(url, analystToken, {
      query: "mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }",
      variables: {
        id: recommendation,
        comparison: { note: "Workers coached, by partnership.", indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "QUARTER" },
      },
    });
  }
  return { name: question.name, query: question.query.replace(id, recommendation) };
}

/**
 * Each wait timed whole (its requests sent at once, until the last answer),
 * `rounds` rounds of `times` each, the waits in a new random order each
 * round; medians and p95 of every sample.
 */
export async function measureWaits(
  waits: { name: string; token: string | null; requests: Request[]; target?: number }[],
  url: string,
  options: { rounds: number; times: number },
): Promise<Wait[]> {
  const samples = new Map(waits.map((wait) => [wait.name, [] as number[]]));
  for (const wait of waits) await Promise.all(wait.requests.map((request) => send(url, wait.token, request)));
  for (let round = 0; round < options.rounds; round++) {
    for (const wait of shuffle(waits)) {
      for (let time = 0; time < options.times; time++) {
        const started = performance.now();
        await Promise.all(wait.requests.map((request) => send(url, wait.token, request)));
        samples.get(wait.name)!.push(performance.now() - started);
      }
    }
  }
  return waits.map((wait) => {
    const sorted = samples.get(wait.name)!.sort((a, b) => a - b);
    return {
      name: wait.name,
      requests: wait.requests.length,
      median: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      samples: sorted.length,
      target: wait.target,
    };
  });
}

/** An aggregate the hub answers, and the same figures in DuckDB's SQL over the loaded rows. */
export interface ReferenceAggregate {
  name: string;
  /** GraphQL through the gateway, as the owner of every region (exact figures, as DuckDB's). */
  query: string;
  duckdb: string;
}

export const REFERENCE_AGGREGATES: ReferenceAggregate[] = [
  {
    name: "CONTRACT_GOALS_MET by partnership and quarter from 2019-Q1",
    query: `{ indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: [PARTNERSHIP, PERIOD], filter: { periodFrom: "2019-Q1" }) { groups { partnership period count sum min max average families } } }`,
    duckdb: `select partnership, period, count(*) as n, sum(value) as sum, min(value) as min, max(value) as max, avg(value) as mean, count(distinct family_id) as families
      from indicator_value where indicator_id = 'CONTRACT_GOALS_MET' and period >= '2019-Q1' group by partnership, period`,
  },
  {
    name: "CONTRACT_GOALS_MET by voivodeship, all quarters",
    query: `{ compare(indicators: ["CONTRACT_GOALS_MET"], by: [VOIVODESHIP]) { rows { voivodeship n sum min max mean families } } }`,
    duckdb: `select substr(site_id, 1, 2) as voivodeship, count(*) as n, sum(value) as sum, min(value) as min, max(value) as max, avg(value) as mean, count(distinct family_id) as families
      from indicator_value where indicator_id = 'CONTRACT_GOALS_MET' group by voivodeship`,
  },
];

/**
 * DuckDB over the regions' live indicator values (read from their SQLite
 * files and appended here: DuckDB's SQLite extension downloads at run time,
 * which this machine cannot), each aggregate run `runs` times: medians.
 */
export async function duckdbReference(data: DataSet, runs: number): Promise<{ rows: number; loadSeconds: number; medians: Record<string, number> } | null> {
  if (data.dialect !== "sqlite") return null;
  const started = performance.now();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(
      "create table indicator_value (partnership varchar, indicator_id varchar, site_id varchar, family_id varchar, period varchar, value double)",
    );
    let rows = 0;
    for (const partnership of PARTNERSHIP_KEYS) {
      const source = new Database(data.databases[partnership], { readonly: true });
      const appender = await connection.createAppender("indicator_value");
      try {
        const select = source.prepare("select indicator_id, site_id, family_id, period, value from indicator_value where archived_at is null").raw();
        for (const [indicator, site, family, period, value] of select.iterate() as Iterable<[string, string, string | null, string, number]>) {
          appender.appendVarchar(partnership);
          appender.appendVarchar(indicator);
          appender.appendVarchar(site);
          if (family === null) appender.appendNull();
          else appender.appendVarchar(family);
          appender.appendVarchar(period);
          appender.appendDouble(value);
          appender.endRow();
          rows++;
        }
      } finally {
        appender.closeSync();
        source.close();
      }
    }
    const loadSeconds = (performance.now() - started) / 1000;
    const medians: Record<string, number> = {};
    for (const aggregate of REFERENCE_AGGREGATES) {
      await connection.runAndReadAll(aggregate.duckdb);
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const begun = performance.now();
        await connection.runAndReadAll(aggregate.duckdb);
        times.push(performance.now() - begun);
      }
      medians[aggregate.name] = percentile(
        times.sort((a, b) => a - b),
        50,
      );
    }
    return { rows, loadSeconds, medians };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
