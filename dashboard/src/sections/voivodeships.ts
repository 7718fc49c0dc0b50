import { dataTable, h, type Cell } from "../dom";
import { t, type Lang } from "../i18n";
import { placeholder, section } from "../page";
import { figureCell, originNote, protectionNote } from "../protection";
import { indicatorLabel, state, VOIVODESHIP_INDICATORS, partnershipName } from "../state";

/**
 * Every voivodeship of the three macroregions, with its partnership and its
 * figures; one without figures shows that no pilot site there reported.
 */
export function voivodeships(lang: Lang): HTMLElement {
  const data = state.data.voivodeships;
  const title = t(lang, "byVoivodeship");
  if (!data) return section("voivodeships", title, placeholder(lang));
  type Row = (typeof data.compare.rows)[number];
  const entries = new Map<string, { name: string; partnership: string; cells: Map<string, Row> }>();
  for (const partnership of state.data.overview?.partnerships ?? []) {
    for (const unit of partnership.voivodeships) entries.set(unit.teryt, { name: unit.name, partnership: partnershipName(partnership.key), cells: new Map() });
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
      ...VOIVODESHIP_INDICATORS.map((code) => figureCell(lang, cells.get(code)?.value, cells.get(code))),
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
    protectionNote(lang, data.compare.rows),
    originNote(lang, data.compare.rows),
  );
}
