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
  { key: "regionsMissing", label: "regionsMissing" },
];

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
