import { encodeGlobalId, PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { parse } from "csv-parse/sync";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../databases";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/**
 * The adversary of docs/privacy.md, played against a running hub: a caller
 * with no token, or with a dashboard's, who may ask anything any number of
 * times, knows the schema and the method, and knows some families' own
 * attributes (where a family is supported, the day its support started).
 * Every attack here is one that recovered an exact figure from the hub
 * before the cell key method (the issue's reproductions and their kin):
 * differencing by every filter dimension and through every surface that
 * publishes figures, the day-by-day date walk, partnership-set subtraction,
 * totals minus all-but-one group, and averaging repeated questions. For each
 * the test reads the exact figure as the owner of every region and checks
 * the adversary's best estimate is not it with certainty: an estimate that
 * rests on a perturbed figure has a spread (docs/privacy.md's bounds), and
 * lands on the exact value only as one guess among several; only answers the
 * hub marks exact could pin a figure down, and none about families reaches
 * the adversary. Chance landings are counted and printed, and the figures the
 * attacks used are checked to be really moved, not only labelled.
 */

type Headers = Record<string, string>;

/** A figure as the hub gives it (null: withheld, or the question refused), how it says it protected it, and whether it is a count or a sum. */
interface Given {
  figure: number | null;
  protection: string | null;
  kind: "count" | "sum";
}
/** One figure asked of the hub as some caller. */
type Read = (headers: Headers) => Promise<Given>;

/**
 * The adversary's best estimate of its target, and how far the truth may lie
 * from it by the method's published bounds (docs/privacy.md): 0 when every
 * answer it rests on is exact, so the estimate is the figure itself.
 */
interface Estimate {
  value: number | string | null;
  spread: number;
}

interface Attack {
  name: string;
  surface: "compare" | "indicatorSummary" | "siteRanking" | "coverage" | "export" | "dashboard (persisted)" | "book snapshot" | "book evidence";
  audience: "public" | "dashboard";
  estimate(attacker: Headers): Promise<Estimate>;
  /** The target figure itself, read by the owner of every region. */
  truth(owner: Headers): Promise<number | string>;
  /** After both have run: the perturbed figures the estimate used, each beside its exact value. */
  used?(): Used[];
}

/** A perturbed figure an attack used, beside the exact one: the suite checks the method really moved them. */
interface Used {
  published: number;
  exact: number;
  kind: Given["kind"];
}

const MANIFEST = resolve(__dirname, "../../dashboard/dist/persisted-queries.json");
const FAMILY_INDICATORS = ["FAMILIES_ENROLLED", "FAMILIES_WITH_SOCIAL_CONTRACT", "FAMILIES_SUPPORTED", "CONTRACT_GOALS_MET"];
/** Indicators whose figure is a count of families (each counts 1): the adversary knows so from the catalogue. */
const COUNTS = ["FAMILIES_ENROLLED", "FAMILIES_WITH_SOCIAL_CONTRACT"];
const NOTHING: Estimate = { value: null, spread: Infinity };

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * How far the method may have moved a figure, as the published bounds say:
 * a count by at most 3 (noise of ±2, then rounding to a multiple of 3); a
 * sum by at most twice the larger of 1 and a fifth of its largest value,
 * plus the rounding (the adversary knows no value exceeds the sum itself).
 */
function reach(given: Given): number {
  if (given.protection === "EXACT") return 0;
  return given.kind === "count" ? 3 : 2 * Math.max(1, 0.2 * Math.abs(given.figure ?? 0)) + 1.5;
}

/** The sum of figures with coefficients, and how far it may lie from the exact sum; nothing if any figure is withheld or refused. */
function combine(terms: [number, Given][]): Estimate {
  if (terms.some(([, given]) => given.figure === null)) return NOTHING;
  return {
    value: round(terms.reduce((total, [coefficient, given]) => total + coefficient * given.figure!, 0)),
    spread: terms.reduce((total, [coefficient, given]) => total + Math.abs(coefficient) * reach(given), 0),
  };
}

/** An attack that adds and subtracts published figures; its truth is the same sum of the exact figures. */
function linear(name: string, surface: Attack["surface"], audience: Attack["audience"], terms: [number, Read][]): Attack {
  let given: Given[] = [];
  let exact: Given[] = [];
  return {
    name,
    surface,
    audience,
    estimate: async (attacker) => {
      given = await Promise.all(terms.map(([, read]) => read(attacker)));
      return combine(terms.map(([coefficient], index) => [coefficient, given[index]!]));
    },
    truth: async (owner) => {
      exact = await Promise.all(terms.map(([, read]) => read(owner)));
      return combine(terms.map(([coefficient], index) => [coefficient, exact[index]!])).value as number;
    },
    used: () =>
      given.flatMap((figure, index) =>
        figure.protection === "PERTURBED" && figure.figure !== null ? [{ published: figure.figure, exact: exact[index]!.figure!, kind: figure.kind }] : [],
      ),
  };
}

/** Repeats an attack, asking each of its figures in several equivalent ways, and averages: what defeats noise drawn afresh per answer. */
function averaged(name: string, audience: Attack["audience"], variants: Attack[], times: number): Attack {
  return {
    name,
    surface: variants[0]!.surface,
    audience,
    estimate: async (attacker) => {
      const estimates: Estimate[] = [];
      for (let repeat = 0; repeat < times; repeat++) {
        for (const variant of variants) {
          const estimate = await variant.estimate(attacker);
          if (typeof estimate.value === "number") estimates.push(estimate);
        }
      }
      if (estimates.length === 0) return NOTHING;
      return {
        value: round(estimates.reduce((sum, estimate) => sum + (estimate.value as number), 0) / estimates.length),
        spread: Math.max(...estimates.map((estimate) => estimate.spread)),
      };
    },
    truth: (owner) => variants[0]!.truth(owner),
  };
}

interface Outcome {
  estimate: Estimate;
  truth: number | string;
  used: Used[];
}

/** An estimate the adversary can be sure of and that is the exact figure: what the method must never allow. */
const recovered = ({ estimate, truth }: Outcome) => estimate.value !== null && estimate.spread === 0 && estimate.value === truth;
/** An estimate that lands on the exact figure while the answers behind it leave several values possible: a guess the adversary cannot tell from a miss. */
const coincides = ({ estimate, truth }: Outcome) => estimate.value !== null && estimate.spread > 0 && estimate.value === truth;

describe("the privacy attack suite: an adversary against the running hub", () => {
  const results: { hub: string; attack: Attack; outcome: Outcome }[] = [];

  afterAll(() => {
    const shown = (estimate: Estimate) =>
      estimate.value === null ? "—" : estimate.spread === 0 ? String(estimate.value) : `${estimate.value} ±${round(estimate.spread)}`;
    console.log(
      [
        `${"attack".padEnd(100)} ${"surface".padEnd(21)} ${"as".padEnd(9)} ${"best estimate".padEnd(16)} exact`,
        ...results.map(({ hub, attack, outcome }) =>
          [
            `${hub}: ${attack.name}`.padEnd(100),
            attack.surface.padEnd(21),
            attack.audience.padEnd(9),
            shown(outcome.estimate).padEnd(16),
            String(outcome.truth),
          ].join(" "),
        ),
        `${results.length} attacks tried, ${results.filter(({ outcome }) => recovered(outcome)).length} recovered an exact figure ` +
          `(${results.filter(({ outcome }) => outcome.estimate.value === null).length} learned nothing to estimate from; ` +
          `${results.filter(({ outcome }) => coincides(outcome)).length} estimates landed on the exact figure by chance, none of them certain: the answers behind each leave a spread of values)`,
      ].join("\n"),
    );
  });

  // The adversary asks without limit: the rate limit is lifted, so what stops it is the method alone.
  for (const [label, env] of [
    ["demo data", { RATE_LIMIT_PER_MINUTE: "100000000" }],
    ["demo data ×5", { RATE_LIMIT_PER_MINUTE: "100000000", SEED_SCALE: "5" }],
  ] as const) {
    describe(`on the ${label}`, () => {
      let hub: TestHub;
      let owner: Headers;
      const audiences: Record<Attack["audience"], Headers> = { public: {}, dashboard: {} };
      const attacks: Attack[] = [];

      /** `compare` as a caller: its rows, or null when refused. */
      const compareRows = async (headers: Headers, args: { indicators: string[]; by?: string[]; grain?: string; filter?: Record<string, unknown> }) => {
        const result = await graphql(
          hub.gateway.url,
          `
            query ($indicators: [String!]!, $by: [CompareDimension!]!, $grain: PeriodGrain!, $filter: CompareFilter) {
              compare(indicators: $indicators, by: $by, grain: $grain, filter: $filter) {
                rows {
                  indicator
                  partnership
                  voivodeship
                  municipalityKind
                  period
                  value
                  n
                  sum
                  families
                  suppressed
                  protection
                }
              }
            }
          `,
          { indicators: args.indicators, by: args.by ?? [], grain: args.grain ?? "QUARTER", filter: args.filter ?? null },
          headers,
        );
        return result.errors || !result.data?.compare ? null : (result.data.compare.rows as Record<string, any>[]);
      };
      /** One figure of a comparison's row; a row the answer lacks is a group with no facts: exactly 0. */
      const compareCell =
        (
          indicator: string,
          options: { by?: string[]; grain?: string; filter?: Record<string, unknown>; where?: Record<string, unknown>; field?: string } = {},
        ): Read =>
        async (headers) => {
          const kind = options.field === "n" || options.field === "families" || COUNTS.includes(indicator) ? "count" : "sum";
          const rows = await compareRows(headers, { indicators: [indicator], by: options.by, grain: options.grain, filter: options.filter });
          if (!rows) return { figure: null, protection: null, kind };
          const row = rows.find((candidate) => Object.entries(options.where ?? {}).every(([field, value]) => candidate[field] === value));
          if (!row) return { figure: 0, protection: "EXACT", kind };
          return { figure: row.suppressed ? null : (row[options.field ?? "value"] as number), protection: row.protection, kind };
        };
      const summaryCell =
        (indicator: string, filter: Record<string, unknown>): Read =>
        async (headers) => {
          const result = await graphql(
            hub.gateway.url,
            `query($filter: IndicatorValueFilter) { indicatorSummary(indicator: "${indicator}", groupBy: [], filter: $filter) { groups { sum suppressed protection } } }`,
            { filter },
            headers,
          );
          if (result.errors) return { figure: null, protection: null, kind: "sum" };
          const [group] = result.data.indicatorSummary.groups as Record<string, any>[];
          return !group
            ? { figure: 0, protection: "EXACT", kind: "sum" }
            : { figure: group.suppressed ? null : group.sum, protection: group.protection, kind: "sum" };
        };

      beforeAll(async () => {
        hub = await startTestHub(env);
        owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
        audiences.dashboard = await as(Role.DASHBOARD);

        // 1. The reproduction: CONTRACT_GOALS_MET of a partnership, minus the same from a quarter on, is the figure before it.
        for (const partnership of PARTNERSHIP_KEYS) {
          for (const from of ["2020-04-01", "2020-10-01"]) {
            const before = `${Number(from.slice(0, 4)) - (from.endsWith("01-01") ? 1 : 0)}-${from.slice(5) === "04-01" ? "03-31" : "09-30"}`;
            const total = compareCell("CONTRACT_GOALS_MET", { filter: { partnerships: [partnership] }, field: "sum" });
            const later = compareCell("CONTRACT_GOALS_MET", { filter: { partnerships: [partnership], from }, field: "sum" });
            const earlier = compareCell("CONTRACT_GOALS_MET", { filter: { partnerships: [partnership], to: before }, field: "sum" });
            for (const audience of ["public", "dashboard"] as const) {
              attacks.push(
                linear(`${partnership}: CONTRACT_GOALS_MET sum before ${from} = total − from ${from}`, "compare", audience, [
                  [1, total],
                  [-1, later],
                ]),
              );
              attacks.push(
                linear(`${partnership}: CONTRACT_GOALS_MET sum from ${from} = total − to ${before}`, "compare", audience, [
                  [1, total],
                  [-1, earlier],
                ]),
              );
            }
            // The same subtraction through indicatorSummary's quarters.
            const quarter = `${from.slice(0, 4)}-Q${Math.ceil(Number(from.slice(5, 7)) / 3)}`;
            attacks.push(
              linear(`${partnership}: CONTRACT_GOALS_MET sum before ${quarter} = summary − summary from ${quarter}`, "indicatorSummary", "public", [
                [1, summaryCell("CONTRACT_GOALS_MET", { partnerships: [partnership] })],
                [-1, summaryCell("CONTRACT_GOALS_MET", { partnerships: [partnership], periodFrom: quarter })],
              ]),
            );
          }
        }

        // 2. The day-by-day date walk: stepping `from` over a quarter finds the days families' support started.
        const families = new Map<PartnershipKey, { id: string; started: string }[]>();
        for (const partnership of PARTNERSHIP_KEYS) {
          families.set(
            partnership,
            await query<{ id: string; started: string }>(
              hub.databaseUrl(partnership),
              "select id, started_on as started from supported_family where archived_at is null order by started_on",
            ),
          );
        }
        for (const partnership of PARTNERSHIP_KEYS) {
          // The adversary knows two families' own start: a neighbour's knowledge. The walk is to confirm the day.
          for (const family of families.get(partnership)!.slice(0, 2)) {
            for (const audience of ["public", "dashboard"] as const) {
              attacks.push({
                name: `${partnership}: the start of a known family, walking \`from\` day by day over its quarter`,
                surface: "compare",
                audience,
                truth: async () => family.started,
                estimate: async (attacker) => {
                  const [year, month] = family.started.split("-").map(Number) as [number, number];
                  const first = new Date(Date.UTC(year, Math.floor((month - 1) / 3) * 3, 1));
                  const read = (day: string) => compareCell("FAMILIES_ENROLLED", { filter: { partnerships: [partnership], from: day }, field: "n" })(attacker);
                  const changes: string[] = [];
                  let exact = true;
                  let previous = await read(first.toISOString().slice(0, 10));
                  for (let day = 1; day <= 92; day++) {
                    const date = new Date(first.getTime() + day * 86_400_000).toISOString().slice(0, 10);
                    const given = await read(date);
                    // The count drops the day after a family's start: that family started the day before.
                    if (given.figure !== null && previous.figure !== null && given.figure < previous.figure)
                      changes.push(new Date(first.getTime() + (day - 1) * 86_400_000).toISOString().slice(0, 10));
                    if (given.figure !== null) previous = given;
                    exact &&= given.protection === "EXACT";
                  }
                  // Only exact counts pin a drop to the day; perturbed ones move with every change of the set, whoever caused it.
                  const value = changes.includes(family.started) ? family.started : (changes[0] ?? null);
                  return { value, spread: value !== null && exact ? 0 : Infinity };
                },
              });
            }
          }
        }

        // 3. Partnership-set subtraction, and totals minus all-but-one group, by every dimension of a comparison.
        for (const indicator of ["FAMILIES_WITH_SOCIAL_CONTRACT", "FAMILIES_ENROLLED"]) {
          for (const [target, others] of PARTNERSHIP_KEYS.map((key) => [key, PARTNERSHIP_KEYS.filter((other) => other !== key)] as const)) {
            attacks.push(
              linear(`${indicator} of ${target} = all − the other two partnerships`, "compare", "public", [
                [1, compareCell(indicator)],
                ...others.map((other): [number, Read] => [-1, compareCell(indicator, { filter: { partnerships: [other] } })]),
              ]),
            );
            attacks.push(
              linear(`${indicator} of ${target} = {${target}, ${others[0]}} − {${others[0]}}`, "compare", "public", [
                [1, compareCell(indicator, { filter: { partnerships: [target, others[0]] } })],
                [-1, compareCell(indicator, { filter: { partnerships: [others[0]] } })],
              ]),
            );
          }
          for (const [dimension, field] of [
            ["PARTNERSHIP", "partnership"],
            ["MUNICIPALITY_KIND", "municipalityKind"],
            ["VOIVODESHIP", "voivodeship"],
          ] as const) {
            // The groups the data has (the adversary sees which, suppressed or not); each in turn is the one held out.
            const values = ((await compareRows(owner, { indicators: [indicator], by: [dimension] })) ?? []).map((row) => row[field] as string | null);
            for (const held of values) {
              attacks.push(
                linear(`${indicator} of ${field} ${held} = total − every other group by ${dimension}`, "compare", "public", [
                  [1, compareCell(indicator)],
                  ...values
                    .filter((value) => value !== held)
                    .map((value): [number, Read] => [-1, compareCell(indicator, { by: [dimension], where: { [field]: value } })]),
                ]),
              );
            }
          }
          // A series (dashboards only): one partnership's quarter as the quarter's total minus the other partnerships.
          const series = (await compareRows(owner, { indicators: [indicator], by: ["PARTNERSHIP", "PERIOD"] })) ?? [];
          for (const { partnership: target, period } of series) {
            attacks.push(
              linear(`${indicator} of ${target} in ${period} = the quarter's total − the other partnerships`, "compare", "dashboard", [
                [1, compareCell(indicator, { by: ["PERIOD"], where: { period } })],
                ...PARTNERSHIP_KEYS.filter((other) => other !== target).map((other): [number, Read] => [
                  -1,
                  compareCell(indicator, { by: ["PARTNERSHIP", "PERIOD"], where: { partnership: other, period } }),
                ]),
              ]),
            );
          }
        }

        // 4. Differencing by each filter dimension: two cells that differ by one filter value isolate the difference.
        const units = await query<{ id: string }>(hub.databaseUrl("kooperacje3d"), "select id from pilot_site where archived_at is null");
        for (const indicator of FAMILY_INDICATORS) {
          const field = indicator === "CONTRACT_GOALS_MET" ? "sum" : "value";
          // Each pair differs by families of the data (never by none: two answers about the same families are the same answer, by design).
          const dimensions: [string, Record<string, unknown>, Record<string, unknown>][] = [
            ["partnerships", {}, { partnerships: ["liderzy"] }],
            ["macroregions", {}, { macroregions: ["II"] }],
            ["a set of macroregions", {}, { macroregions: ["I", "III"] }],
            ["voivodeships", {}, { voivodeships: ["20"] }],
            ["TERYT units", { voivodeships: ["10"] }, { teryt: [units.map((unit) => unit.id).find((id) => id.length === 7)!] }],
            ["kinds of gmina", {}, { municipalityKinds: ["RURAL"] }],
            ["a set of kinds of gmina", {}, { municipalityKinds: ["RURAL", "URBAN"] }],
            // Family-level values start in 2020; the families' own records and the sites' reports in 2019.
            [
              "quarters",
              { partnerships: ["kooperacje3d"] },
              { partnerships: ["kooperacje3d"], from: indicator === "CONTRACT_GOALS_MET" ? "2020-04-01" : "2019-07-01" },
            ],
            [
              "days",
              { partnerships: ["kooperacje3d"] },
              { partnerships: ["kooperacje3d"], from: indicator === "CONTRACT_GOALS_MET" ? "2020-05-17" : "2019-05-17" },
            ],
          ];
          for (const [dimension, whole, part] of dimensions) {
            attacks.push(
              linear(`${indicator}: differencing by ${dimension}`, "compare", "public", [
                [1, compareCell(indicator, { filter: whole, field })],
                [-1, compareCell(indicator, { filter: part, field })],
              ]),
            );
          }
        }

        // 5. Averaging: the subtraction asked again and again, and in equivalent ways, then averaged.
        for (const partnership of PARTNERSHIP_KEYS) {
          const macroregion = { liderzy: "I", kooperacja: "II", kooperacje3d: "III" }[partnership];
          const ways = [{ partnerships: [partnership] }, { macroregions: [macroregion] }];
          const variants = ways.map((way) =>
            linear("", "compare", "dashboard", [
              [1, compareCell("CONTRACT_GOALS_MET", { filter: way, field: "sum" })],
              [-1, compareCell("CONTRACT_GOALS_MET", { filter: { ...way, from: "2020-04-01" }, field: "sum" })],
            ]),
          );
          attacks.push(
            averaged(`${partnership}: CONTRACT_GOALS_MET sum before 2020-04-01, averaged over 20 rounds and 2 formulations`, "dashboard", variants, 20),
          );
          const published = ways.map((way) => linear("", "compare", "public", [[1, compareCell("FAMILIES_ENROLLED", { filter: way })]]));
          attacks.push(averaged(`${partnership}: FAMILIES_ENROLLED, averaged over 20 rounds and 2 formulations`, "public", published, 20));
        }

        // 6. Site rankings: a partnership's total minus its published sites leaves the withheld ones.
        const ranking = async (headers: Headers, partnership: string, indicator: string) =>
          (
            await graphql(
              hub.gateway.url,
              `{ siteRanking(partnership: "${partnership}", indicator: "${indicator}") { siteId value suppressed protection } }`,
              {},
              headers,
            )
          ).data?.siteRanking as { siteId: string; value: number | null; suppressed: boolean; protection: string }[] | undefined;
        for (const partnership of PARTNERSHIP_KEYS) {
          for (const indicator of ["FAMILIES_ENROLLED", "FAMILIES_WITH_SOCIAL_CONTRACT"]) {
            const total = compareCell(indicator, { filter: { partnerships: [partnership] } });
            attacks.push({
              name: `${partnership}: ${indicator} of the sites withheld from the adversary = total − the ranked sites`,
              surface: "siteRanking",
              audience: "public",
              estimate: async (attacker) => {
                const shown = await ranking(attacker, partnership, indicator);
                if (!shown) return NOTHING;
                const published = shown
                  .filter((site) => !site.suppressed)
                  .map((site): [number, Given] => [-1, { figure: site.value, protection: site.protection, kind: "sum" }]);
                return combine([[1, await total(attacker)], ...published]);
              },
              truth: async (ownerHeaders) => {
                const withheld = new Set((await ranking({}, partnership, indicator))!.filter((site) => site.suppressed).map((site) => site.siteId));
                return round(
                  (await ranking(ownerHeaders, partnership, indicator))!
                    .filter((site) => withheld.has(site.siteId))
                    .reduce((sum, site) => sum + site.value!, 0),
                );
              },
            });
          }
        }

        // 7. Coverage: whether a family-level value exists in a quarter says when a site's families were measured.
        const coveredQuarters = async (partnership: string, headers: Headers) => {
          const result = await graphql(
            hub.gateway.url,
            `{ coverage(indicators: ["CONTRACT_GOALS_MET"], filter: { partnerships: ["${partnership}"] }) { siteName periodsReported } }`,
            {},
            headers,
          );
          const rows = (result.data?.coverage ?? []) as { siteName: string; periodsReported: string[] }[];
          return rows.length > 0 ? rows.map((row) => `${row.siteName}: ${row.periodsReported.join(",")}`).join("; ") : null;
        };
        for (const partnership of PARTNERSHIP_KEYS) {
          attacks.push({
            name: `${partnership}: the quarters a site's families were measured in (CONTRACT_GOALS_MET coverage)`,
            surface: "coverage",
            audience: "dashboard",
            // Coverage rows are exact: whatever one shows is known for certain.
            estimate: async (attacker) => ({ value: await coveredQuarters(partnership, attacker), spread: 0 }),
            truth: async (ownerHeaders) => (await coveredQuarters(partnership, ownerHeaders))!,
          });
        }

        // 8. Exports: the same subtraction through the public CSV download.
        const csvCell =
          (indicator: string, by: string, where: Record<string, string | null>): Read =>
          async (headers) => {
            const response = await fetch(new URL(`/export/comparison.csv?indicators=${indicator}&by=${by}`, hub.gateway.url), { headers });
            if (!response.ok) return { figure: null, protection: null, kind: "sum" };
            const [columns, ...rows] = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][];
            const at = (name: string) => columns!.indexOf(name);
            const row = rows.find((cells) => Object.entries(where).every(([field, value]) => (cells[at(field)] || null) === value));
            if (!row) return { figure: 0, protection: "EXACT", kind: "sum" };
            return { figure: row[at("suppressed")] === "true" ? null : Number(row[at("value")]), protection: row[at("protection")]!, kind: "sum" };
          };
        for (const target of PARTNERSHIP_KEYS) {
          attacks.push(
            linear(`FAMILIES_ENROLLED of ${target} = CSV total − the other partnerships' CSV rows`, "export", "public", [
              [1, csvCell("FAMILIES_ENROLLED", "", {})],
              ...PARTNERSHIP_KEYS.filter((other) => other !== target).map((other): [number, Read] => [
                -1,
                csvCell("FAMILIES_ENROLLED", "PARTNERSHIP", { partnership: other }),
              ]),
            ]),
          );
        }

        // 9. The dashboard's own persisted queries, by hash as the page sends them: kinds of gmina against partnerships.
        const manifest = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>) : {};
        const comparisonHash = Object.keys(manifest).find((hash) => manifest[hash]!.startsWith("query DashboardComparison"));
        const dashboardRows = async (headers: Headers, indicator: string) => {
          const url = new URL(hub.gateway.url);
          url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: comparisonHash } }));
          url.searchParams.set("variables", JSON.stringify({ indicators: [indicator] }));
          const body = (await (await fetch(url, { headers })).json()) as { data?: any; errors?: unknown[] };
          return body.errors || !body.data ? null : (body.data as { byPartnership: { rows: any[] }; byMunicipalityKind: { rows: any[] } });
        };
        for (const indicator of ["FAMILIES_ENROLLED", "FAMILIES_SUPPORTED"]) {
          for (const target of PARTNERSHIP_KEYS) {
            const read =
              (pick: (data: { byPartnership: { rows: any[] }; byMunicipalityKind: { rows: any[] } }) => any[]): Read =>
              async (headers) => {
                const data = await dashboardRows(headers, indicator);
                if (!data) return { figure: null, protection: null, kind: "sum" };
                const rows = pick(data);
                const sum = combine(
                  rows.map((row): [number, Given] => [1, { figure: row.suppressed ? null : row.value, protection: row.protection, kind: "sum" }]),
                );
                // The sum of several shown figures, as one: exact only if every one of them is.
                return { figure: sum.value as number | null, protection: sum.spread === 0 ? "EXACT" : "PERTURBED", kind: "sum" };
              };
            attacks.push(
              linear(`${indicator} of ${target} = the kinds of gmina together − the other partnerships`, "dashboard (persisted)", "public", [
                [1, read((data) => data.byMunicipalityKind.rows)],
                [-1, read((data) => data.byPartnership.rows.filter((row) => row.partnership !== target))],
              ]),
            );
          }
        }

        // 10. The book: an adopted recommendation's snapshot (a series the public may read) against today's public figures,
        //     and a regional record about families cited as evidence.
        const analyst = await as(Role.NATIONAL_ANALYST);
        const book = async (text: string, variables: Record<string, unknown> = {}) => {
          const result = await graphql(hub.gateway.url, text, variables, analyst);
          return result.data;
        };
        const created = await book(`mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`, {
          input: {
            chapterId: "Ym9vazpCb29rQ2hhcHRlcjpjaDQ",
            title: "Enrol families steadily",
            text: "Enrol families in every quarter of the programme, as the pilots did.",
          },
        });
        const recommendation = created.createRecommendation.id as string;
        await book(
          `mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`,
          {
            id: recommendation,
            comparison: {
              note: "Families enrolled per partnership and year.",
              indicators: ["FAMILIES_ENROLLED"],
              by: ["PARTNERSHIP", "PERIOD"],
              grain: "YEAR",
            },
          },
        );
        const value = await query<{ id: string }>(
          hub.databaseUrl("kooperacja"),
          "select id from indicator_value where indicator_id = 'FAMILIES_SUPPORTED' order by period limit 1",
        );
        const evidenceTarget = encodeGlobalId("kooperacja", "IndicatorValue", value[0]!.id);
        await book(
          `mutation($id: ID!, $target: ID!) { addEvidence(recommendationId: $id, targetId: $target, note: "Families at the site that quarter.") { id } }`,
          { id: recommendation, target: evidenceTarget },
        );
        await book(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id: recommendation });
        await book(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id: recommendation });
        const snapshotCell =
          (partnership: string, period: string): Read =>
          async (headers) => {
            const result = await graphql(
              hub.gateway.url,
              `
                query ($id: ID!) {
                  recommendation(id: $id) {
                    comparisons {
                      snapshot {
                        rows {
                          partnership
                          period
                          value
                          suppressed
                          protection
                        }
                      }
                    }
                  }
                }
              `,
              { id: recommendation },
              headers,
            );
            const rows = (result.data?.recommendation?.comparisons?.[0]?.snapshot?.rows ?? []) as Record<string, any>[];
            // The owner's truth: the same cell, exact, as compare gives it today (the data has not changed since adoption).
            if (headers === owner)
              return compareCell("FAMILIES_ENROLLED", { by: ["PARTNERSHIP", "PERIOD"], grain: "YEAR", where: { partnership, period } })(headers);
            const row = rows.find((candidate) => candidate.partnership === partnership && candidate.period === period);
            return !row
              ? { figure: 0, protection: "EXACT", kind: "sum" }
              : { figure: row.suppressed ? null : row.value, protection: row.protection, kind: "sum" };
          };
        for (const partnership of PARTNERSHIP_KEYS) {
          for (const [known, target] of [
            ["2019", "2020"],
            ["2020", "2019"],
          ] as const) {
            attacks.push(
              linear(`FAMILIES_ENROLLED of ${partnership} in ${target} = today's public total − the adopted snapshot's ${known}`, "book snapshot", "public", [
                [1, compareCell("FAMILIES_ENROLLED", { filter: { partnerships: [partnership] } })],
                [-1, snapshotCell(partnership, known)],
              ]),
            );
          }
        }
        attacks.push({
          name: "kooperacja: a site's FAMILIES_SUPPORTED value cited as evidence of an adopted recommendation",
          surface: "book evidence",
          audience: "public",
          estimate: async (attacker) => {
            const result = await graphql(
              hub.gateway.url,
              `
                query ($id: ID!) {
                  recommendation(id: $id) {
                    evidence {
                      target {
                        ... on IndicatorValue {
                          value
                        }
                      }
                    }
                  }
                }
              `,
              { id: recommendation },
              attacker,
            );
            const shown = ((result.data?.recommendation?.evidence ?? []) as { target: { value?: number } | null }[]).find(
              (link) => link.target?.value !== undefined,
            );
            // A cited record's value, if shown, is the record itself: exact.
            return { value: shown?.target?.value ?? null, spread: 0 };
          },
          truth: async () =>
            Number((await query<{ value: number }>(hub.databaseUrl("kooperacja"), "select value from indicator_value where id = ?", [value[0]!.id]))[0]!.value),
        });
      }, 120_000);

      afterAll(() => hub?.close());

      it("recovers no exact figure about families, whatever the attack, surface or audience", async () => {
        const found: string[] = [];
        for (const attack of attacks) {
          const estimate = await attack.estimate(audiences[attack.audience]);
          const outcome = { estimate, truth: await attack.truth(owner), used: attack.used?.() ?? [] };
          results.push({ hub: label, attack, outcome });
          if (recovered(outcome)) found.push(`${attack.name} (${attack.surface}, ${attack.audience}): ${estimate.value}`);
        }
        expect(attacks.length).toBeGreaterThan(100);
        expect(found).toEqual([]);
      }, 600_000);

      it("answered the adversary with figures the method really moved: multiples of 3 within its bounds, most not the exact ones", () => {
        const mine = results.filter((result) => result.hub === label);
        // Attacks the hub had to answer with numbers, not only with refusals and withheld cells.
        expect(mine.filter(({ outcome }) => typeof outcome.estimate.value === "number").length).toBeGreaterThan(20);
        const used = mine.flatMap(({ outcome }) => outcome.used);
        expect(used.length).toBeGreaterThan(50);
        for (const figure of used) {
          expect(Number.isInteger(figure.published / 3), `${figure.published}`).toBe(true);
          if (figure.kind === "count") expect(Math.abs(figure.published - figure.exact)).toBeLessThanOrEqual(3);
        }
        // A method that only labelled its figures would leave them all exact.
        expect(used.filter((figure) => figure.published !== figure.exact).length / used.length).toBeGreaterThan(0.4);
      });
    });
  }
});
