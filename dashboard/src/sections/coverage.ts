import { dataTable, h } from "../dom";
import { formatNumber, t, type Lang } from "../i18n";
import { placeholder, section } from "../page";
import { isSynthetic, originNote, SYNTHETIC_MARK } from "../protection";
import { indicatorLabel, partnershipName, state } from "../state";

/** At national size thousands of sites can lack a quarter: the list shows the worst first, up to this many. */
const LISTED_SITES = 50;

/**
 * The quarters each pilot site has not reported, for the chosen indicator
 * (needs a token): a summary per partnership, then the sites with gaps.
 */
export function coverage(lang: Lang): HTMLElement {
  const title = t(lang, "coverage");
  if (!state.token) return section("coverage", title, h("p", { class: "note" }, t(lang, "needsToken")));
  const indicator = state.data.indicators?.indicators.find((candidate) => candidate.code === state.indicator);
  if (indicator?.basis === "RECORDS") return section("coverage", title, h("p", {}, t(lang, "fromRecords")));
  const data = state.data.coverage;
  if (!data) return section("coverage", title, placeholder(lang));
  const gaps = data.coverage
    .filter((row) => !row.complete)
    .sort((a, b) => b.periodsMissing.length - a.periodsMissing.length || a.siteName.localeCompare(b.siteName));
  if (gaps.length === 0) return section("coverage", title, h("p", {}, t(lang, "complete")));
  const name = indicatorLabel(lang, state.indicator);
  const partnerships = [...new Set(data.coverage.map((row) => row.partnership))];
  const summary = dataTable(
    `${name}: ${title.toLowerCase()}`,
    [t(lang, "partnership"), t(lang, "coverageSites"), t(lang, "coverageGaps"), t(lang, "coverageMissing")],
    partnerships.map((partnership) => {
      const rows = data.coverage.filter((row) => row.partnership === partnership);
      const withGaps = rows.filter((row) => !row.complete);
      return [
        { text: partnershipName(partnership) },
        { text: formatNumber(lang, rows.length), numeric: true },
        { text: formatNumber(lang, withGaps.length), numeric: true },
        {
          text: formatNumber(
            lang,
            withGaps.reduce((sum, row) => sum + row.periodsMissing.length, 0),
          ),
          numeric: true,
        },
      ];
    }),
    "coverage-summary",
  );
  const listed = gaps.slice(0, LISTED_SITES);
  return section(
    "coverage",
    title,
    summary,
    h(
      "div",
      { class: "scroll tall", tabindex: "0", role: "region", "aria-label": t(lang, "coverageList") },
      dataTable(
        t(lang, "coverageList"),
        [t(lang, "site"), t(lang, "partnership"), t(lang, "missing"), t(lang, "reported")],
        listed.map((row) => [
          { text: row.siteName },
          { text: partnershipName(row.partnership) },
          { text: row.periodsMissing.join(", ") },
          // The reported quarters' count, marked when the values reported are synthetic demo data.
          {
            text: `${formatNumber(lang, row.periodsReported.length)}${isSynthetic(row) ? `\u00a0${SYNTHETIC_MARK}` : ""}`,
            numeric: true,
            origin: row.origin ?? undefined,
          },
        ]),
        "coverage-sites",
      ),
    ),
    h("p", { class: "note" }, t(lang, "coverageShown").replace("{shown}", formatNumber(lang, listed.length)).replace("{all}", formatNumber(lang, gaps.length))),
    originNote(lang, listed),
  );
}
