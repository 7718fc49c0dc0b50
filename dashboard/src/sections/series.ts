import { drawLines, PARTNERSHIP_COLOURS } from "../charts";
import { dataTable, figure, h } from "../dom";
import { formatNumber, t, type Lang } from "../i18n";
import { placeholder, section, type Drawn } from "../page";
import { figureCell, originNote, protectionNote } from "../protection";
import { indicatorLabel, partnershipName, state } from "../state";

/** The chosen indicator quarter by quarter, one line per partnership (needs a token). */
export function series(lang: Lang): Drawn {
  const title = t(lang, "series");
  if (!state.token) return { element: section("series", title, h("p", { class: "note" }, t(lang, "needsToken"))) };
  const data = state.data.series;
  if (!data) return { element: section("series", title, placeholder(lang)) };
  const name = indicatorLabel(lang, state.indicator);
  const periods = [...new Set(data.compare.rows.map((row) => row.period ?? ""))].sort();
  const partnerships = [...new Set(data.compare.rows.map((row) => row.partnership ?? ""))];
  const cells = new Map(data.compare.rows.map((row) => [`${row.partnership ?? ""}\n${row.period ?? ""}`, row]));
  const at = (partnership: string, period: string) => cells.get(`${partnership}\n${period}`);
  const table = dataTable(
    `${name}: ${title.toLowerCase()}`,
    [t(lang, "period"), ...partnerships.map(partnershipName)],
    periods.map((period) => [
      { text: period },
      ...partnerships.map((partnership) => figureCell(lang, at(partnership, period)?.value, at(partnership, period))),
    ]),
  );
  const chart = figure("series-figure", `${name}: ${title.toLowerCase()}`, table, t(lang, "chartData"), true);
  // A suppressed quarter is a gap in its line: said beside the chart, and marked on it.
  const gaps = partnerships.flatMap((partnership) =>
    periods.filter((period) => at(partnership, period)?.suppressed).map((period) => ({ partnership, period })),
  );
  const gapNote =
    gaps.length > 0
      ? h(
          "p",
          { class: "note gap-note" },
          `${t(lang, "seriesGaps")} ${partnerships
            .map((partnership) => [partnershipName(partnership), gaps.filter((gap) => gap.partnership === partnership).map((gap) => gap.period)] as const)
            .filter(([, periods]) => periods.length > 0)
            .map(([name, periods]) => `${name}: ${periods.join(", ")}`)
            .join("; ")}.`,
        )
      : null;
  const element = section("series", title, chart.element, gapNote, protectionNote(lang, data.compare.rows), originNote(lang, data.compare.rows));
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
        gaps: gaps.filter((gap) => gap.partnership === partnership).map((gap) => gap.period),
      })),
      { description: `${name}, ${periods[0] ?? ""}–${periods.at(-1) ?? ""}`, format: (value) => formatNumber(lang, value) },
      t(lang, "suppressedShort"),
    );
  return { element, draw };
}
