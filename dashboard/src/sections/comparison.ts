import { drawBars } from "../charts";
import { dataTable, figure, h, type Cell } from "../dom";
import { formatNumber, indicatorDefinition, kindName, t, type Lang } from "../i18n";
import { placeholder, section, type Drawn } from "../page";
import { figureCell, originNote, protectionNote } from "../protection";
import { indicatorLabel, partnershipName, setIndicator, state } from "../state";

/** The list of the catalogue's indicators the comparison and the series show. */
function indicatorPicker(lang: Lang): HTMLElement {
  const select = h("select", { id: "indicator", name: "indicator" });
  for (const indicator of state.data.indicators?.indicators ?? []) {
    const option = h("option", { value: indicator.code }, indicatorLabel(lang, indicator.code));
    option.selected = indicator.code === state.indicator;
    select.append(option);
  }
  select.addEventListener("change", () => void setIndicator(select.value));
  const chosen = state.data.indicators?.indicators.find((indicator) => indicator.code === state.indicator);
  // What the chosen indicator counts, beside the picker: names alone were read as synonyms (issue 20).
  const definition = chosen
    ? h(
        "p",
        { class: "note indicator-definition", id: "indicator-definition" },
        `${t(lang, "definition")} (${chosen.unit}): ${indicatorDefinition(lang, chosen.code, chosen.definition)}`,
      )
    : null;
  return h("div", { class: "picker" }, h("label", { for: "indicator" }, t(lang, "indicator")), select, definition);
}

/** One indicator by partnership and by kind of gmina, each as a chart over a table. */
export function comparison(lang: Lang): Drawn {
  const data = state.data.comparison;
  const title = t(lang, "comparison");
  if (!data) return { element: section("comparison", title, indicatorPicker(lang), placeholder(lang)) };
  const name = indicatorLabel(lang, state.indicator);
  const partnershipRows = data.byPartnership.rows;
  const kindRows = data.byMunicipalityKind.rows;
  const headers = [t(lang, "indicator"), t(lang, "n"), t(lang, "familiesBehind")];
  const rowCells = (label: string, row: (typeof partnershipRows)[number] | (typeof kindRows)[number]): Cell[] => [
    { text: label },
    figureCell(lang, row.value, row),
    figureCell(lang, row.n, row),
    figureCell(lang, row.families, row),
  ];
  const byPartnership = figure(
    "by-partnership",
    `${name}: ${t(lang, "byPartnership").toLowerCase()}`,
    dataTable(
      `${name}: ${t(lang, "byPartnership").toLowerCase()}`,
      [t(lang, "partnership"), ...headers],
      partnershipRows.map((row) => rowCells(partnershipName(row.partnership), row)),
    ),
    t(lang, "chartData"),
  );
  const byKind = figure(
    "by-kind",
    `${name}: ${t(lang, "byKind").toLowerCase()}`,
    dataTable(
      `${name}: ${t(lang, "byKind").toLowerCase()}`,
      [t(lang, "kind"), ...headers],
      kindRows.map((row) => rowCells(kindName(lang, row.municipalityKind), row)),
    ),
    t(lang, "chartData"),
  );
  const element = section(
    "comparison",
    title,
    indicatorPicker(lang),
    h("div", { class: "pair" }, byPartnership.element, byKind.element),
    protectionNote(lang, [...partnershipRows, ...kindRows]),
    originNote(lang, [...partnershipRows, ...kindRows]),
  );
  const describe = (labels: string[], rows: typeof partnershipRows | typeof kindRows) =>
    labels.map((label, index) => `${label}: ${figureCell(lang, rows[index]!.value, rows[index]).text}`).join("; ");
  const format = (value: number) => formatNumber(lang, value);
  const draw = () => {
    const pLabels = partnershipRows.map((row) => partnershipName(row.partnership));
    drawBars(
      byPartnership.chart,
      pLabels,
      [
        {
          name,
          values: partnershipRows.map((row) => (row.suppressed ? null : (row.value ?? null))),
          labels: partnershipRows.map((row) => figureCell(lang, row.value, row).text),
        },
      ],
      {
        description: `${name}. ${describe(pLabels, partnershipRows)}`,
        format,
      },
    );
    const kLabels = kindRows.map((row) => kindName(lang, row.municipalityKind));
    drawBars(
      byKind.chart,
      kLabels,
      [
        {
          name,
          values: kindRows.map((row) => (row.suppressed ? null : (row.value ?? null))),
          labels: kindRows.map((row) => figureCell(lang, row.value, row).text),
          colour: "#7a4b00",
        },
      ],
      {
        description: `${name}. ${describe(kLabels, kindRows)}`,
        format,
      },
    );
  };
  return { element, draw };
}
