import { h, type Cell } from "./dom";
import { formatFigure, t, type Lang } from "./i18n";

/** How the hub protected a figure (the rows' `protection`, docs/privacy.md). */
export type Protection = "EXACT" | "PERTURBED" | "SUPPRESSED";

interface Shown {
  value?: number | null;
  suppressed: boolean;
  protection: Protection;
}

/** A figure as a table cell: "utajnione" when suppressed, "≈ 21" when protected by the cell key method, else the figure. */
export function figureCell(lang: Lang, value: number | null | undefined, row: Shown | undefined): Cell {
  const perturbed = row?.protection === "PERTURBED";
  const text = formatFigure(lang, value, row?.suppressed);
  return { text: perturbed && value !== null && value !== undefined ? `≈\u00a0${text}` : text, suppressed: row?.suppressed, perturbed, numeric: true };
}

/** The reader's note beside figures about families: shown when any of them is protected, never as fixed page text. */
export function protectionNote(lang: Lang, rows: readonly (Shown | undefined)[]): HTMLElement | null {
  const kinds = new Set(rows.map((row) => row?.protection));
  if (!kinds.has("PERTURBED") && !kinds.has("SUPPRESSED")) return null;
  return h("p", { class: "note protection-note" }, t(lang, "protectedNote"));
}
