import { drawBars } from "../charts";
import { dataTable, figure, h, type Cell } from "../dom";
import { formatMoney, formatNumber, formatPercent, t, type Lang } from "../i18n";
import { placeholder, section, type Drawn } from "../page";
import { figureCell, originNote, protectionNote } from "../protection";
import { factCell, reasonedClaim, reasonedNote } from "../provenance";
import { partnershipName, state } from "../state";

/** The three partnerships side by side, and their money as a chart. */
export function overview(lang: Lang): Drawn {
  const data = state.data.overview;
  if (!data) return { element: section("overview", t(lang, "overview"), placeholder(lang)) };
  const partnerships = data.partnerships;
  const families = new Map(data.families.rows.map((row) => [row.partnership, row]));
  const money = (value: { amount: string } | null | undefined) => (value ? formatMoney(lang, Number(value.amount)) : t(lang, "notStated"));
  const share = (percent: string | null | undefined) => (percent ? formatPercent(lang, Number(percent)) : t(lang, "notStated"));
  // Short names in the headers, so a column is not four lines of one name; the full names are in the voivodeship table and the API.
  const columns = partnerships.map((p) => partnershipName(p.key));
  const reasoned = (p: (typeof partnerships)[number], field: string) => reasonedClaim(p.provenance.fields, field);
  const metric = (word: Parameters<typeof t>[1], cell: (p: (typeof partnerships)[number]) => Cell): Cell[] => [
    { text: t(lang, word) },
    ...partnerships.map(cell),
  ];
  const table = dataTable(
    t(lang, "overview"),
    ["", ...columns],
    [
      metric("macroregion", (p) => factCell(p.macroregion, reasoned(p, "macroregion"))),
      metric("value", (p) => ({ text: money(p.totalValue), numeric: true })),
      metric("euFunds", (p) => ({ text: money(p.euCofinancing), numeric: true })),
      metric("euShare", (p) => factCell(share(p.euSharePercent), p.euSharePercent ? reasoned(p, "euSharePercent") : undefined, true)),
      metric("sites", (p) => ({ text: formatNumber(lang, p.pilotSiteCount), numeric: true })),
      metric("families", (p) => figureCell(lang, families.get(p.key)?.value, families.get(p.key))),
      metric("bodies", (p) => ({ text: formatNumber(lang, p.cooperationBodyCount), numeric: true })),
      metric("voivodeships", (p) => ({ text: p.voivodeships.map((v) => v.name).join(", ") })),
    ],
    "overview",
  );
  const withMoney = partnerships.filter((p) => p.totalValue);
  const chartTable = dataTable(
    t(lang, "moneyChart"),
    [t(lang, "partnership"), t(lang, "value"), t(lang, "euFunds"), t(lang, "euShare")],
    withMoney.map((p) => [
      { text: partnershipName(p.key) },
      { text: money(p.totalValue), numeric: true },
      { text: money(p.euCofinancing), numeric: true },
      { text: share(p.euSharePercent), numeric: true },
    ]),
  );
  const chart = figure("money", t(lang, "moneyChart"), chartTable, t(lang, "chartData"));
  const element = section(
    "overview",
    t(lang, "overview"),
    h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": t(lang, "overview") }, table),
    protectionNote(lang, data.families.rows),
    originNote(lang, data.families.rows),
    reasonedNote(
      lang,
      partnerships.flatMap((p) => [reasoned(p, "macroregion"), p.euSharePercent ? reasoned(p, "euSharePercent") : undefined]),
    ),
    chart.element,
    // A partnership the chart leaves out, and why: read from the data, so it names whoever has no value.
    ...partnerships.filter((p) => !p.totalValue).map((p) => h("p", { class: "note money-note" }, `${partnershipName(p.key)}: ${t(lang, "notInMoneyChart")}`)),
  );
  const draw = () =>
    drawBars(
      chart.chart,
      withMoney.map((p) => partnershipName(p.key)),
      [
        {
          name: t(lang, "value"),
          values: withMoney.map((p) => Number(p.totalValue!.amount)),
          labels: withMoney.map((p) => money(p.totalValue)),
          colour: "#1f5fa8",
        },
        {
          name: `${t(lang, "euFunds")}`,
          values: withMoney.map((p) => (p.euCofinancing ? Number(p.euCofinancing.amount) : null)),
          labels: withMoney.map((p) => `${money(p.euCofinancing)} (${share(p.euSharePercent)})`),
          colour: "#2a6e3f",
        },
      ],
      {
        description: withMoney
          .map(
            (p) =>
              `${partnershipName(p.key)}: ${t(lang, "value")} ${money(p.totalValue)}, ${t(lang, "euFunds")} ${money(p.euCofinancing)}, ${t(lang, "euShare")} ${share(p.euSharePercent)}`,
          )
          .join("; "),
        format: (value) => formatNumber(lang, value),
      },
    );
  return { element, draw };
}
