import { h, type Cell } from "./dom";
import { t, type Lang } from "./i18n";

/** Beside a fact the source pages do not state but the hub infers or computes from them. */
export const REASONED_MARK = "‡";

/** What the hub says about one field of a record (`provenance.fields`). */
export interface FieldClaim {
  field: string;
  kind: string;
  note?: string | null;
}

const REASONED = new Set(["DERIVED", "INFERRED"]);

/** The claim of a field that is derived or inferred rather than stated, if it is. */
export function reasonedClaim(claims: readonly FieldClaim[], field: string): FieldClaim | undefined {
  return claims.find((claim) => claim.field === field && REASONED.has(claim.kind));
}

/** A fact as a table cell, marked ‡ with its reasoning on hover when the pages do not state it: read from the data, never fixed in the page. */
export function factCell(text: string, claim: FieldClaim | undefined, numeric = false): Cell {
  if (!claim) return { text, numeric };
  return { text: `${text}\u00a0${REASONED_MARK}`, reasoned: claim.kind, title: claim.note ?? undefined, numeric };
}

/** The legend of the mark, shown only when a fact on the page carries it. */
export function reasonedNote(lang: Lang, claims: readonly (FieldClaim | undefined)[]): HTMLElement | null {
  if (!claims.some(Boolean)) return null;
  return h("p", { class: "note provenance-note" }, `${REASONED_MARK} ${t(lang, "reasonedFacts")}`);
}
