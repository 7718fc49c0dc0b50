import { dataTable, h } from "../dom";
import { formatNumber, t, type Lang } from "../i18n";
import { placeholder, section } from "../page";
import { isSynthetic, originNote, SYNTHETIC_MARK } from "../protection";
import { indicatorLabel, LISTED_SITES, partnershipName, state } from "../state";

const collator = new Intl.Collator("pl");

/** The hub's order of a coverage summary's sites (most quarters missing, then name, then ID): the regions' lists merge in it. */
function worstFirst(a: { periodsMissing: string[]; siteName: string; siteId: string }, b: typeof a): number {
  return (
    b.periodsMissing.length - a.periodsMissing.length || collator.compare(a.siteName, b.siteName) || (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0)
  );
}

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
  // One summary per partnership (the chosen indicator only), each with its worst sites: the N worst of all are among them.
  const summaries = data.coverageSummary.filter((summary) => summary.indicator === state.indicator);
  const withGaps = summaries.reduce((sum, summary) => sum + summary.sitesWithGaps, 0);
  if (withGaps === 0) return section("coverage", title, h("p", {}, t(lang, "complete")));
  const name = indicatorLabel(lang, state.indicator);
  const summary = dataTable(
    `${name}: ${title.toLowerCase()}`,
    [t(lang, "partnership"), t(lang, "coverageSites"), t(lang, "coverageGaps"), t(lang, "coverageMissing")],
    summaries.map((entry) => [
      { text: partnershipName(entry.partnership) },
      { text: formatNumber(lang, entry.sites), numeric: true },
      { text: formatNumber(lang, entry.sitesWithGaps), numeric: true },
      { text: formatNumber(lang, entry.periodsMissing), numeric: true },
    ]),
    "coverage-summary",
  );
  const listed = summaries
    .flatMap((entry) => entry.worst)
    .sort(worstFirst)
    .slice(0, LISTED_SITES);
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
    h("p", { class: "note" }, t(lang, "coverageShown").replace("{shown}", formatNumber(lang, listed.length)).replace("{all}", formatNumber(lang, withGaps))),
    originNote(lang, listed),
  );
}
