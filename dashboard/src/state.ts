import { ask, type Answer } from "./api";
import {
  DashboardComparisonDocument as ComparisonQuery,
  DashboardCoverageDocument as CoverageQuery,
  DashboardIndicatorsDocument as IndicatorsQuery,
  DashboardMapDocument as MapQuery,
  DashboardOverviewDocument as OverviewQuery,
  DashboardSeriesDocument as SeriesQuery,
  DashboardSiteFiguresDocument as SiteFiguresQuery,
  DashboardVoivodeshipsDocument as VoivodeshipsQuery,
  type DashboardComparisonQuery,
  type DashboardCoverageQuery,
  type DashboardIndicatorsQuery,
  type DashboardMapQuery,
  type DashboardOverviewQuery,
  type DashboardSeriesQuery,
  type DashboardSiteFiguresQuery,
  type DashboardVoivodeshipsQuery,
} from "./gql/graphql";
import { indicatorName, t, type Lang } from "./i18n";

/** Indicators of the table by voivodeship: reach, activity and structures. */
export const VOIVODESHIP_INDICATORS = ["FAMILIES_ENROLLED", "ACTIVITY_PARTICIPANTS", "COOPERATION_BODIES"];
const DEFAULT_INDICATOR = "FAMILIES_SUPPORTED";
/** At national size thousands of sites can lack a quarter: the coverage list shows the worst first, up to this many. */
export const LISTED_SITES = 50;
/** Short names of the three partnerships, for a banner about one that cannot answer (and so cannot name itself). */
export const SHORT_NAMES: Record<string, string> = {
  liderzy: "Liderzy kooperacji",
  kooperacja: "Kooperacja – efektywna i skuteczna",
  kooperacje3d: "Kooperacje 3D",
};
const TOKEN_KEY = "kooperacja-dashboard-token";
const LANG_KEY = "kooperacja-dashboard-lang";

/** The map's answers: the figures by voivodeship, and each partnership's pilot sites on their own (a region down takes only its sites off). */
export interface MapData extends DashboardMapQuery {
  sites: Record<string, DashboardSiteFiguresQuery["siteRanking"]>;
}

/** The answers the page shows, one per part. */
export interface Data {
  overview?: DashboardOverviewQuery;
  indicators?: DashboardIndicatorsQuery;
  voivodeships?: DashboardVoivodeshipsQuery;
  comparison?: DashboardComparisonQuery;
  map?: MapData;
  series?: DashboardSeriesQuery;
  coverage?: DashboardCoverageQuery;
}
export type Part = keyof Data;
export const ALL: Part[] = ["overview", "indicators", "voivodeships", "comparison", "map", "series", "coverage"];
/** Parts that need a token: series by PERIOD and coverage. */
const WITH_TOKEN: Part[] = ["series", "coverage"];

/** A region missing from an answer: its macroregion when the error named it, and whether it was only too slow. */
export interface MissingRegion {
  macroregion?: string;
  timedOut: boolean;
}

/** What one answer said besides its data. */
interface Outcome {
  missing: Map<string, MissingRegion>;
  problems: string[];
}

export const state = {
  lang: (localStorage.getItem(LANG_KEY) === "en" ? "en" : "pl") as Lang,
  token: sessionStorage.getItem(TOKEN_KEY),
  indicator: DEFAULT_INDICATOR,
  data: {} as Data,
  outcomes: {} as Partial<Record<Part, Outcome>>,
  /** Said once, after a refused token was dropped. */
  notice: null as string | null,
  loading: false,
};

let render: () => void = () => undefined;

/** The page's renderer, called after every change of state. */
export function onChange(renderer: () => void): void {
  render = renderer;
}

export function setLang(lang: Lang): void {
  state.lang = lang;
  localStorage.setItem(LANG_KEY, lang);
  render();
}

/** Keeps a token for this browser tab only (sessionStorage), or forgets it; then asks everything again. */
export function setToken(token: string | null): Promise<void> {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  state.token = token;
  state.notice = null;
  return load(ALL);
}

export function setIndicator(code: string): Promise<void> {
  state.indicator = code;
  return load(["comparison", "map", "series", "coverage"]);
}

/** Regions missing from any answer on the page now: the banner names them. A region down in one answer is down, not slow. */
export function missingRegions(): Map<string, MissingRegion> {
  const all = new Map<string, MissingRegion>();
  for (const outcome of Object.values(state.outcomes)) {
    for (const [region, missing] of outcome.missing) {
      const known = all.get(region);
      all.set(region, { macroregion: missing.macroregion ?? known?.macroregion, timedOut: missing.timedOut && (known?.timedOut ?? true) });
    }
  }
  return all;
}

export function problems(): string[] {
  return Object.values(state.outcomes).flatMap((outcome) => outcome.problems);
}

function outcomeOf(answer: Answer<unknown>): Outcome {
  const outcome: Outcome = { missing: new Map(), problems: [] };
  for (const error of answer.errors) {
    const code = error.extensions?.code;
    if ((code === "SHARD_UNAVAILABLE" || code === "SHARD_TIMEOUT") && error.extensions?.partnership) {
      outcome.missing.set(error.extensions.partnership, { macroregion: error.extensions.macroregion, timedOut: code === "SHARD_TIMEOUT" });
    } else outcome.problems.push(`${code ?? answer.status}: ${error.message}`);
  }
  for (const region of answer.missingRegions) if (!outcome.missing.has(region)) outcome.missing.set(region, { timedOut: false });
  return outcome;
}

async function fetchPart(part: Part, token: string | null): Promise<Answer<unknown>> {
  const indicators = [state.indicator];
  switch (part) {
    case "overview":
      return ask(OverviewQuery, {}, token);
    case "indicators":
      return ask(IndicatorsQuery, {}, token);
    case "voivodeships":
      return ask(VoivodeshipsQuery, { indicators: VOIVODESHIP_INDICATORS }, token);
    case "comparison":
      return ask(ComparisonQuery, { indicators }, token);
    case "map":
      return mapAnswer(token);
    case "series":
      return ask(SeriesQuery, { indicators, grain: "QUARTER" }, token);
    case "coverage":
      return ask(CoverageQuery, { indicators, worst: LISTED_SITES }, token);
  }
}

/** The map's operations, asked side by side and read as one answer: the errors and missing regions of all of them. */
async function mapAnswer(token: string | null): Promise<Answer<MapData>> {
  const keys = Object.keys(SHORT_NAMES);
  const [map, ...sites] = await Promise.all([
    ask(MapQuery, { indicators: [state.indicator] }, token),
    ...keys.map((partnership) => ask(SiteFiguresQuery, { partnership, indicator: state.indicator }, token)),
  ]);
  const answers = [map!, ...sites];
  return {
    data: map!.data ? { ...map!.data, sites: Object.fromEntries(keys.map((key, index) => [key, sites[index]?.data?.siteRanking ?? []])) } : null,
    errors: answers.flatMap((answer) => answer.errors),
    missingRegions: [...new Set(answers.flatMap((answer) => answer.missingRegions))],
    status: Math.max(...answers.map((answer) => answer.status)),
  };
}

/** Asks the hub for these parts, all at once, and draws the page before, as each answer arrives, and after. */
export async function load(parts: Part[]): Promise<void> {
  state.loading = true;
  render();
  const token = state.token;
  let refused = false;
  await Promise.all(
    parts.map(async (part) => {
      if (WITH_TOKEN.includes(part) && !token) {
        delete state.data[part];
        delete state.outcomes[part];
        return;
      }
      try {
        const answer = await fetchPart(part, token);
        refused ||= answer.status === 401;
        (state.data as Record<Part, unknown>)[part] = answer.data ?? undefined;
        state.outcomes[part] = outcomeOf(answer);
      } catch (error) {
        state.outcomes[part] = { missing: new Map(), problems: [error instanceof Error ? error.message : String(error)] };
      }
      // Each part shows as soon as it is there: at national size the overview is ready seconds before the comparisons.
      if (!refused) render();
    }),
  );
  if (refused && token) {
    // An expired or foreign token: drop it, say so, and show what the public may see.
    await setToken(null);
    state.notice = t(state.lang, "tokenRefused");
    render();
    return;
  }
  state.loading = false;
  render();
  document.body.dataset.ready = "true";
}

export function indicatorLabel(lang: Lang, code: string): string {
  const found = state.data.indicators?.indicators.find((indicator) => indicator.code === code);
  return indicatorName(lang, code, found?.name);
}

/** A partnership's name where space is short (table headers, chart labels): the short form, which fits a line. */
export function partnershipName(key: string | null | undefined): string {
  return SHORT_NAMES[key ?? ""] ?? state.data.overview?.partnerships.find((p) => p.key === key)?.name ?? key ?? "";
}
