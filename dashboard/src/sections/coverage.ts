import { dataTable, h } from "../dom";
import { formatNumber, t, type Lang } from "../i18n";
import { placeholder, section } from "../page";
import { indicatorLabel, partnershipName, state } from "../state";

/** The quarters each pilot site has not reported, per indicator (needs a token). */
export function coverage(lang: Lang): HTMLElement {
  const title = t(lang, "coverage");
  if (!state.token) return section("coverage", title, h("p", { class: "note" }, t(lang, "needsToken")));
  const data = state.data.coverage;
  if (!data) return section("coverage", title, placeholder(lang));
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
          { text: partnershipName(row.partnership) },
          { text: indicatorLabel(lang, row.indicator) },
          { text: row.periodsMissing.join(", ") || "–" },
          { text: formatNumber(lang, row.periodsReported.length), numeric: true },
        ]),
      ),
    ),
  );
}
