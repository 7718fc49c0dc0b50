import { h, type Cell } from "./dom";
import { formatFigure, t, type Lang } from "./i18n";

/** How the hub protected a figure (the rows' `protection`, docs/privacy.md). */
export type Protection = "EXACT" | "PERTURBED" | "SUPPRESSED";

/** What the hub says a figure is computed from (the rows' `origin`). */
export type Origin = "OBSERVED" | "SYNTHETIC" | "MIXED";

interface Shown {
  value?: number | null;
  suppressed: boolean;
  protection: Protection;
  origin?: Origin | null;
}

/** The mark beside a figure computed (in whole or in part) from synthetic demo records; the legend explains it. */
export const SYNTHETIC_MARK = "†";

/** Whether the hub says the figure is not a real observation. */
export function isSynthetic(row: { origin?: Origin | null } | undefined): boolean {
  return row?.origin === "SYNTHETIC" || row?.origin === "MIXED";
}

/**
 * A figure as a table cell: "utajnione" when suppressed, "≈ 21" when
 * protected by the cell key method, else the figure; followed by † when the
 * hub says it is computed from synthetic demo records.
 */
export function figureCell(lang: Lang, value: number | null | undefined, row: Shown | undefined): Cell {
  const perturbed = row?.protection === "PERTURBED";
  const text = formatFigure(lang, value, row?.suppressed);
  const shown = perturbed && value !== null && value !== undefined ? `≈\u00a0${text}` : text;
  const synthetic = isSynthetic(row);
  return {
    text: synthetic ? `${shown}\u00a0${SYNTHETIC_MARK}` : shown,
    suppressed: row?.suppressed,
    perturbed,
    origin: row?.origin ?? undefined,
    numeric: true,
  };
}

/** The legend of the mark, beside the figures that carry it: read from the data, so real figures get none. */
export function originNote(lang: Lang, rows: readonly ({ origin?: Origin | null } | undefined)[]): HTMLElement | null {
  const synthetic = rows.filter(isSynthetic);
  if (synthetic.length === 0) return null;
  return h(
    "p",
    { class: "note origin-note" },
    `${SYNTHETIC_MARK} ${t(lang, synthetic.every((row) => row?.origin === "SYNTHETIC") ? "syntheticFigures" : "mixedFigures")}`,
  );
}

/** The reader's note beside figures about families: shown when any of them is protected, never as fixed page text. */
export function protectionNote(lang: Lang, rows: readonly (Shown | undefined)[]): HTMLElement | null {
  const kinds = new Set(rows.map((row) => row?.protection));
  if (!kinds.has("PERTURBED") && !kinds.has("SUPPRESSED")) return null;
  return h("p", { class: "note protection-note" }, t(lang, "protectedNote"));
}
