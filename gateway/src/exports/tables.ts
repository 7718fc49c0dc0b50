/**
 * The tables the hub exports, as plain data: a title, columns and rows of
 * cells. The formats (CSV, XLSX, Markdown, HTML) only lay these out, so a
 * cell is the same in every format and the same as the GraphQL answer it
 * comes from.
 */
export type Cell = string | number | boolean | null;

export interface Column {
  key: string;
  /** Header, in English. */
  label: string;
}

export interface Table {
  /** Sheet or section name. */
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** The columns of a comparison row, in the order `compare` declares them. */
export const FIGURE_COLUMNS: Column[] = [
  { key: "indicator", label: "indicator" },
  { key: "unit", label: "unit" },
  { key: "aggregation", label: "aggregation" },
  { key: "macroregion", label: "macroregion" },
  { key: "partnership", label: "partnership" },
  { key: "voivodeship", label: "voivodeship" },
  { key: "voivodeshipName", label: "voivodeshipName" },
  { key: "municipalityKind", label: "municipalityKind" },
  { key: "sector", label: "sector" },
  { key: "period", label: "period" },
  { key: "value", label: "value" },
  { key: "n", label: "n" },
  { key: "mean", label: "mean" },
  { key: "families", label: "families" },
  { key: "suppressed", label: "suppressed" },
  { key: "protection", label: "protection" },
  { key: "origin", label: "origin" },
  { key: "regionsMissing", label: "regionsMissing" },
];

/** What an export's figures are computed from, counted by origin: "12 SYNTHETIC, 3 OBSERVED". */
export function originSummary(rows: Record<string, unknown>[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const origin = typeof row.origin === "string" ? row.origin : "not stated";
    counts.set(origin, (counts.get(origin) ?? 0) + 1);
  }
  return counts.size === 0 ? "no figures" : [...counts].map(([origin, count]) => `${count} ${origin}`).join(", ");
}

/** A sheet of notes: what an export is, when and how it was made, and what its figures are computed from. */
export function notesTable(notes: [string, string][]): Table {
  return {
    title: "Notes",
    columns: [
      { key: "note", label: "note" },
      { key: "value", label: "value" },
    ],
    rows: notes,
  };
}

export const FIGURE_SELECTION = FIGURE_COLUMNS.map((column) => column.key).join(" ");

/** A GraphQL value as one cell: lists joined by ", ", absent or empty as null. */
export function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

export function tableOf(title: string, columns: Column[], records: Record<string, unknown>[]): Table {
  return { title, columns, rows: records.map((record) => columns.map((column) => cell(record[column.key]))) };
}
