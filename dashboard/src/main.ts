import "./style.css";
import { ask, type Answer } from "./api";
import { disposeCharts, drawBars, drawLines, PARTNERSHIP_COLOURS } from "./charts";
import { dataTable, figure, h, type Cell } from "./dom";
import {
  DashboardComparisonDocument as ComparisonQuery,
  DashboardCoverageDocument as CoverageQuery,
  DashboardIndicatorsDocument as IndicatorsQuery,
  DashboardOverviewDocument as OverviewQuery,
  DashboardSeriesDocument as SeriesQuery,
  DashboardVoivodeshipsDocument as VoivodeshipsQuery,
  type DashboardComparisonQuery,
  type DashboardCoverageQuery,
  type DashboardIndicatorsQuery,
  type DashboardOverviewQuery,
  type DashboardSeriesQuery,
  type DashboardVoivodeshipsQuery,
} from "./gql/graphql";
import { formatFigure, formatMoney, formatNumber, formatPercent, indicatorName, kindName, t, type Lang } from "./i18n";

/** Indicators of the table by voivodeship: reach, activity and structures. */
const VOIVODESHIP_INDICATORS = ["FAMILIES_ENROLLED", "ACTIVITY_PARTICIPANTS", "COOPERATION_BODIES"];
const DEFAULT_INDICATOR = "FAMILIES_SUPPORTED";
/** Short names of the three partnerships, for a banner about one that cannot answer (and so cannot name itself). */
const SHORT_NAMES: Record<string, string> = { liderzy: "Liderzy kooperacji", kooperacja: "Kooperacja – efektywna i skuteczna", kooperacje3d: "Kooperacje 3D" };
const TOKEN_KEY = "kooperacja-dashboard-token";
const LANG_KEY = "kooperacja-dashboard-lang";

interface Data {
  overview?: DashboardOverviewQuery;
  indicators?: DashboardIndicatorsQuery;
  voivodeships?: DashboardVoivodeshipsQuery;
  comparison?: DashboardComparisonQuery;
  series?: DashboardSeriesQuery;
  coverage?: DashboardCoverageQuery;
}

const state = {
  lang: (localStorage.getItem(LANG_KEY) === "en" ? "en" : "pl") as Lang,
  token: sessionStorage.getItem(TOKEN_KEY),
  indicator: DEFAULT_INDICATOR,
  data: {} as Data,
  missing: new Map<string, string | undefined>(),
  problems: [] as string[],
  loading: false,
};

const root = document.getElementById("app")!;

/** Keeps what an answer says beyond its data: regions missing, and other errors worth showing. */
function note<T>(answer: Answer<T>): T | undefined {
  for (const error of answer.errors) {
    const code = error.extensions?.code;
    if (code === "SHARD_UNAVAILABLE" || code === "SHARD_TIMEOUT") state.missing.set(error.extensions!.partnership!, error.extensions?.macroregion);
    else state.problems.push(`${code ?? answer.status}: ${error.message}`);
  }
  for (const region of answer.missingRegions) if (!state.missing.has(region)) state.missing.set(region, undefined);
  if (answer.status === 401 && state.token) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
  }
  return answer.data ?? undefined;
}

async function load(parts: (keyof Data)[]): Promise<void> {
  state.loading = true;
  state.problems = [];
  state.missing.clear();
  render();
  const token = state.token;
  const jobs: Promise<void>[] = [];
  const indicators = [state.indicator];
  for (const part of parts) {
    if ((part === "series" || part === "coverage") && !token) {
      delete state.data[part];
      continue;
    }
    const job = async () => {
      if (part === "overview") state.data.overview = note(await ask(OverviewQuery, {}, token));
      if (part === "indicators") state.data.indicators = note(await ask(IndicatorsQuery, {}, token));
      if (part === "voivodeships") state.data.voivodeships = note(await ask(VoivodeshipsQuery, { indicators: VOIVODESHIP_INDICATORS }, token));
      if (part === "comparison") state.data.comparison = note(await ask(ComparisonQuery, { indicators }, token));
      if (part === "series") state.data.series = note(await ask(SeriesQuery, { indicators, grain: "QUARTER" }, token));
      if (part === "coverage") state.data.coverage = note(await ask(CoverageQuery, {}, token));
    };
    jobs.push(job().catch((error: unknown) => void state.problems.push(error instanceof Error ? error.message : String(error))));
  }
  await Promise.all(jobs);
  state.loading = false;
  render();
  document.body.dataset.ready = "true";
}

const ALL: (keyof Data)[] = ["overview", "indicators", "voivodeships", "comparison", "series", "coverage"];

function header(lang: Lang): HTMLElement {
  const switchTo = (next: Lang) => () => {
    state.lang = next;
    localStorage.setItem(LANG_KEY, next);
    render();
  };
  const languageButton = (code: Lang, label: string) => {
    const button = h("button", { type: "button", lang: code, "aria-pressed": String(lang === code) }, label);
    button.addEventListener("click", switchTo(code));
    return button;
  };
  return h(
    "header",
    {},
    h("a", { class: "skip", href: "#main" }, t(lang, "skip")),
    h("div", { class: "titles" }, h("h1", {}, t(lang, "title")), h("p", {}, t(lang, "subtitle"))),
    h("div", { class: "languages", role: "group", "aria-label": t(lang, "language") }, languageButton("pl", "Polski"), languageButton("en", "English")),
  );
}

function accessForm(lang: Lang): HTMLElement {
  const input = h("input", { id: "token", name: "token", type: "password", autocomplete: "off", spellcheck: "false" });
  const form = h(
    "form",
    { class: "access", "aria-labelledby": "access-legend" },
    h("h2", { id: "access-legend", class: "small" }, t(lang, "tokenLegend")),
    h("label", { for: "token" }, t(lang, "tokenLabel")),
    h("div", { class: "row" }, input, h("button", { type: "submit" }, t(lang, "tokenUse"))),
    h("p", { id: "token-status", role: "status" }, t(lang, state.token ? "tokenActive" : "tokenNone")),
  );
  if (state.token) {
    const forget = h("button", { type: "button" }, t(lang, "tokenForget"));
    forget.addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      state.token = null;
      void load(ALL);
    });
    form.querySelector(".row")!.append(forget);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    state.token = token;
    void load(ALL);
  });
  return form;
}

function banner(lang: Lang): HTMLElement {
  // Present (and empty) from the start, so assistive technology announces it when a region goes missing.
  const element = h("div", { id: "banner", role: "alert", class: state.missing.size > 0 ? "banner" : "banner hidden" });
  if (state.missing.size > 0) {
    const regions = [...state.missing].map(([key, macroregion]) => `${SHORT_NAMES[key] ?? key}${macroregion ? ` (${t(lang, "macroregion").toLowerCase()} ${macroregion})` : ""}`);
    element.append(h("strong", {}, `${t(lang, "bannerTitle")}. `), `${t(lang, "bannerText")} ${regions.join(", ")}. ${t(lang, "bannerHint")}`);
  }
  return element;
}

function section(id: string, title: string, ...children: (Node | null | false | undefined)[]): HTMLElement {
  return h("section", { id, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, title), ...children);
}

function overview(lang: Lang): { element: HTMLElement; draw?: () => void } {
  const data = state.data.overview;
  if (!data) return { element: section("overview", t(lang, "overview"), h("p", {}, t(lang, state.loading ? "loading" : "noData"))) };
  const partnerships = data.partnerships;
  const families = new Map(data.families.rows.map((row) => [row.partnership, row]));
  const money = (value: { amount: string } | null | undefined) => (value ? formatMoney(lang, Number(value.amount)) : t(lang, "notStated"));
  const share = (percent: string | null | undefined) => (percent ? formatPercent(lang, Number(percent)) : t(lang, "notStated"));
  const columns = partnerships.map((p) => p.name);
  const metric = (word: Parameters<typeof t>[1], cell: (p: (typeof partnerships)[number]) => Cell): Cell[] => [{ text: t(lang, word) }, ...partnerships.map(cell)];
  const table = dataTable(
    t(lang, "overview"),
    ["", ...columns],
    [
      metric("macroregion", (p) => ({ text: p.macroregion })),
      metric("value", (p) => ({ text: money(p.totalValue), numeric: true })),
      metric("euFunds", (p) => ({ text: money(p.euCofinancing), numeric: true })),
      metric("euShare", (p) => ({ text: share(p.euSharePercent), numeric: true })),
      metric("sites", (p) => ({ text: formatNumber(lang, p.pilotSites.length), numeric: true })),
      metric("families", (p) => {
        const row = families.get(p.key);
        return { text: formatFigure(lang, row?.value, row?.suppressed), suppressed: row?.suppressed, numeric: true };
      }),
      metric("bodies", (p) => ({ text: formatNumber(lang, p.cooperationBodies.length), numeric: true })),
      metric("voivodeships", (p) => ({ text: p.voivodeships.map((v) => v.name).join(", ") })),
    ],
    "overview",
  );
  const withMoney = partnerships.filter((p) => p.totalValue);
  const chartTable = dataTable(
    t(lang, "moneyChart"),
    [t(lang, "partnership"), t(lang, "value"), t(lang, "euFunds"), t(lang, "euShare")],
    withMoney.map((p) => [{ text: p.name }, { text: money(p.totalValue), numeric: true }, { text: money(p.euCofinancing), numeric: true }, { text: share(p.euSharePercent), numeric: true }]),
  );
  const chart = figure("money", t(lang, "moneyChart"), chartTable, t(lang, "chartData"));
  const element = section("overview", t(lang, "overview"), h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": t(lang, "overview") }, table), chart.element);
  const draw = () =>
    drawBars(
      chart.chart,
      withMoney.map((p) => p.name),
      [
        { name: t(lang, "value"), values: withMoney.map((p) => Number(p.totalValue!.amount)), labels: withMoney.map((p) => money(p.totalValue)), colour: "#1f5fa8" },
        {
          name: `${t(lang, "euFunds")}`,
          values: withMoney.map((p) => (p.euCofinancing ? Number(p.euCofinancing.amount) : null)),
          labels: withMoney.map((p) => `${money(p.euCofinancing)} (${share(p.euSharePercent)})`),
          colour: "#2a6e3f",
        },
      ],
      {
        description: withMoney.map((p) => `${p.name}: ${t(lang, "value")} ${money(p.totalValue)}, ${t(lang, "euFunds")} ${money(p.euCofinancing)}, ${t(lang, "euShare")} ${share(p.euSharePercent)}`).join("; "),
        format: (value) => formatNumber(lang, value),
      },
    );
  return { element, draw };
}

function indicatorLabel(lang: Lang, code: string): string {
  const found = state.data.indicators?.indicators.find((indicator) => indicator.code === code);
  return indicatorName(lang, code, found?.name);
}

/**
 * Every voivodeship of the three macroregions, with its partnership and its
 * figures; one without figures shows that no pilot site there reported.
 */
function voivodeships(lang: Lang): HTMLElement {
  const data = state.data.voivodeships;
  const title = t(lang, "byVoivodeship");
  if (!data) return section("voivodeships", title, h("p", {}, t(lang, state.loading ? "loading" : "noData")));
  type Row = (typeof data.compare.rows)[number];
  const entries = new Map<string, { name: string; partnership: string; cells: Map<string, Row> }>();
  for (const partnership of state.data.overview?.partnerships ?? []) {
    for (const unit of partnership.voivodeships) entries.set(unit.teryt, { name: unit.name, partnership: partnership.name, cells: new Map() });
  }
  for (const row of data.compare.rows) {
    const key = row.voivodeship ?? "";
    const entry = entries.get(key) ?? { name: row.voivodeshipName ?? t(lang, "noVoivodeship"), partnership: "", cells: new Map() };
    entry.cells.set(row.indicator, row);
    entries.set(key, entry);
  }
  const rows = [...entries.entries()]
    // By TERYT code, the facts of no voivodeship last.
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([teryt, { name, partnership, cells }]): Cell[] => [
      { text: teryt ? `${name} (${teryt})` : name },
      { text: partnership },
      ...VOIVODESHIP_INDICATORS.map((code) => {
        const row = cells.get(code);
        return { text: formatFigure(lang, row?.value, row?.suppressed), suppressed: row?.suppressed, numeric: true };
      }),
    ]);
  return section(
    "voivodeships",
    title,
    h(
      "div",
      { class: "scroll", tabindex: "0", role: "region", "aria-label": title },
      dataTable(title, [t(lang, "voivodeship"), t(lang, "partnership"), ...VOIVODESHIP_INDICATORS.map((code) => indicatorLabel(lang, code))], rows),
    ),
    h("p", { class: "note" }, t(lang, "voivodeshipNote")),
  );
}

function indicatorPicker(lang: Lang): HTMLElement {
  const select = h("select", { id: "indicator", name: "indicator" });
  for (const indicator of state.data.indicators?.indicators ?? []) {
    const option = h("option", { value: indicator.code }, indicatorLabel(lang, indicator.code));
    option.selected = indicator.code === state.indicator;
    select.append(option);
  }
  select.addEventListener("change", () => {
    state.indicator = select.value;
    void load(["comparison", "series"]).then(() => document.getElementById("indicator")?.focus());
  });
  return h("div", { class: "picker" }, h("label", { for: "indicator" }, t(lang, "indicator")), select);
}

function comparison(lang: Lang): { element: HTMLElement; draw?: () => void } {
  const data = state.data.comparison;
  const title = t(lang, "comparison");
  if (!data) return { element: section("comparison", title, indicatorPicker(lang), h("p", {}, t(lang, state.loading ? "loading" : "noData"))) };
  const name = indicatorLabel(lang, state.indicator);
  const partnershipRows = data.byPartnership.rows;
  const kindRows = data.byMunicipalityKind.rows;
  const partnershipName = (key: string | null | undefined) => state.data.overview?.partnerships.find((p) => p.key === key)?.name ?? SHORT_NAMES[key ?? ""] ?? key ?? "";
  const headers = [t(lang, "indicator"), t(lang, "n"), t(lang, "familiesBehind")];
  const rowCells = (label: string, row: (typeof partnershipRows)[number] | (typeof kindRows)[number]): Cell[] => [
    { text: label },
    { text: formatFigure(lang, row.value, row.suppressed), suppressed: row.suppressed, numeric: true },
    { text: formatFigure(lang, row.n, row.suppressed), suppressed: row.suppressed, numeric: true },
    { text: formatFigure(lang, row.families, row.suppressed), suppressed: row.suppressed, numeric: true },
  ];
  const byPartnership = figure(
    "by-partnership",
    `${name}: ${t(lang, "byPartnership").toLowerCase()}`,
    dataTable(`${name}: ${t(lang, "byPartnership").toLowerCase()}`, [t(lang, "partnership"), ...headers], partnershipRows.map((row) => rowCells(partnershipName(row.partnership), row))),
    t(lang, "chartData"),
  );
  const byKind = figure(
    "by-kind",
    `${name}: ${t(lang, "byKind").toLowerCase()}`,
    dataTable(`${name}: ${t(lang, "byKind").toLowerCase()}`, [t(lang, "kind"), ...headers], kindRows.map((row) => rowCells(kindName(lang, row.municipalityKind), row))),
    t(lang, "chartData"),
  );
  const element = section("comparison", title, indicatorPicker(lang), h("div", { class: "pair" }, byPartnership.element, byKind.element), h("p", { class: "note" }, t(lang, "suppressedNote")));
  const describe = (labels: string[], rows: { value?: number | null; suppressed: boolean }[]) => labels.map((label, index) => `${label}: ${formatFigure(lang, rows[index]!.value, rows[index]!.suppressed)}`).join("; ");
  const format = (value: number) => formatNumber(lang, value);
  const draw = () => {
    const pLabels = partnershipRows.map((row) => partnershipName(row.partnership));
    drawBars(byPartnership.chart, pLabels, [{ name, values: partnershipRows.map((row) => (row.suppressed ? null : (row.value ?? null))), labels: partnershipRows.map((row) => formatFigure(lang, row.value, row.suppressed)) }], {
      description: `${name}. ${describe(pLabels, partnershipRows)}`,
      format,
    });
    const kLabels = kindRows.map((row) => kindName(lang, row.municipalityKind));
    drawBars(byKind.chart, kLabels, [{ name, values: kindRows.map((row) => (row.suppressed ? null : (row.value ?? null))), labels: kindRows.map((row) => formatFigure(lang, row.value, row.suppressed)), colour: "#7a4b00" }], {
      description: `${name}. ${describe(kLabels, kindRows)}`,
      format,
    });
  };
  return { element, draw };
}

function series(lang: Lang): { element: HTMLElement; draw?: () => void } {
  const title = t(lang, "series");
  if (!state.token) return { element: section("series", title, h("p", { class: "note" }, t(lang, "needsToken"))) };
  const data = state.data.series;
  if (!data) return { element: section("series", title, h("p", {}, t(lang, state.loading ? "loading" : "noData"))) };
  const name = indicatorLabel(lang, state.indicator);
  const periods = [...new Set(data.compare.rows.map((row) => row.period ?? ""))].sort();
  const partnerships = [...new Set(data.compare.rows.map((row) => row.partnership ?? ""))];
  const at = (partnership: string, period: string) => data.compare.rows.find((row) => row.partnership === partnership && row.period === period);
  const partnershipName = (key: string) => state.data.overview?.partnerships.find((p) => p.key === key)?.name ?? SHORT_NAMES[key] ?? key;
  const table = dataTable(
    `${name}: ${title.toLowerCase()}`,
    [t(lang, "period"), ...partnerships.map(partnershipName)],
    periods.map((period) => [
      { text: period },
      ...partnerships.map((partnership) => {
        const row = at(partnership, period);
        return { text: formatFigure(lang, row?.value, row?.suppressed), suppressed: row?.suppressed, numeric: true };
      }),
    ]),
  );
  const chart = figure("series-figure", `${name}: ${title.toLowerCase()}`, table, t(lang, "chartData"), true);
  const element = section("series", title, chart.element);
  const draw = () =>
    drawLines(
      chart.chart,
      periods,
      partnerships.map((partnership) => ({
        name: partnershipName(partnership),
        colour: PARTNERSHIP_COLOURS[partnership],
        values: periods.map((period) => {
          const row = at(partnership, period);
          return row && !row.suppressed ? (row.value ?? null) : null;
        }),
      })),
      { description: `${name}, ${periods[0] ?? ""}–${periods.at(-1) ?? ""}`, format: (value) => formatNumber(lang, value) },
    );
  return { element, draw };
}

function coverage(lang: Lang): HTMLElement {
  const title = t(lang, "coverage");
  if (!state.token) return section("coverage", title, h("p", { class: "note" }, t(lang, "needsToken")));
  const data = state.data.coverage;
  if (!data) return section("coverage", title, h("p", {}, t(lang, state.loading ? "loading" : "noData")));
  const gaps = data.coverage.filter((row) => !row.complete);
  if (gaps.length === 0) return section("coverage", title, h("p", {}, t(lang, "complete")));
  return section(
    "coverage",
    title,
    h("p", {}, `${t(lang, "coverageSummary")}: ${formatNumber(lang, gaps.length)} / ${formatNumber(lang, data.coverage.length)}`),
    h(
      "div",
      { class: "scroll tall", tabindex: "0", role: "region", "aria-label": title },
      dataTable(
        title,
        [t(lang, "site"), t(lang, "partnership"), t(lang, "indicator"), t(lang, "missing"), t(lang, "reported")],
        gaps.map((row) => [
          { text: row.siteName },
          { text: SHORT_NAMES[row.partnership] ?? row.partnership },
          { text: indicatorLabel(lang, row.indicator) },
          { text: row.periodsMissing.join(", ") || "–" },
          { text: formatNumber(lang, row.periodsReported.length), numeric: true },
        ]),
      ),
    ),
  );
}

function render(): void {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = `${t(lang, "title")} · Kooperacja Hub`;
  disposeCharts();
  const parts = [overview(lang), comparison(lang), series(lang)];
  const problems = state.problems.length > 0 ? h("div", { class: "problems", role: "status" }, h("strong", {}, `${t(lang, "error")}: `), state.problems.join(" · ")) : null;
  root.replaceChildren(
    header(lang),
    h(
      "main",
      { id: "main", tabindex: "-1", "aria-busy": String(state.loading) },
      banner(lang),
      problems,
      accessForm(lang),
      parts[0]!.element,
      voivodeships(lang),
      parts[1]!.element,
      parts[2]!.element,
      coverage(lang),
      h("p", { class: "note" }, t(lang, "synthetic")),
    ),
  );
  for (const part of parts) part.draw?.();
}

void load(ALL);
