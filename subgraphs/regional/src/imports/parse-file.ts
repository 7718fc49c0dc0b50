import { encodeRecordId, type PartnershipKey } from "@kooperacja/contract";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { parse } from "csv-parse/sync";
import type { CsvColumn } from "./csv-columns";

/** One problem of an import file: the file's row (the header is row 1 of a CSV), the column, the cell's value, and why. */
export interface RowProblem {
  row: number;
  column: string;
  /** The cell as the file has it (clipped); null for the file or a row as a whole, an unknown column, or what looks like a PESEL. */
  value: string | null;
  message: string;
}

export type FileFormat = "CSV" | "JSON";

/** A data row read from the file: its input (cells that did not convert are left out) and its cells as the file has them. */
export interface ParsedRow<I> {
  row: number;
  input: I;
  /** Cells by column name, as in the file. */
  cells: ReadonlyMap<string, string>;
  /** Fields whose cell has a problem already (the value checks of the input skip them). */
  failed: ReadonlySet<string>;
}

export interface ParsedFile<I> {
  format: FileFormat;
  /** Data rows in the file. */
  rows: number;
  /** Every data row that could be read, whether or not each cell converted: value checks run on them all. */
  parsed: ParsedRow<I>[];
  problems: RowProblem[];
}

type Cells = { row: number; values: Map<string, string> };

/**
 * Reads an import file into inputs of one kind. CSV (`;` or `,` separated,
 * detected from the header; UTF-8 with or without BOM) or JSON (an array of
 * objects with the same keys as the CSV columns). Cells are converted by
 * their column's type; references become global IDs of this shard.
 */
export async function parseImportFile<I extends object>(
  content: Buffer,
  filename: string,
  columns: CsvColumn<I>[],
  input: new () => I,
  partnership: PartnershipKey,
  em: SqlEntityManager,
): Promise<ParsedFile<I>> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content).replace(/^\uFEFF/, "");
  } catch {
    return fail("CSV", 0, "file", 'is not UTF-8 text; save it as "CSV UTF-8" (Excel) or UTF-8 (LibreOffice)');
  }
  const json = /\.json$/i.test(filename) || /^\s*\[/.test(text);
  const format: FileFormat = json ? "JSON" : "CSV";
  const known = new Map(columns.map((column) => [column.name, column]));
  const unknown = () => `unknown column; the columns are ${columns.map((column) => column.name).join(", ")}`;
  const read = json ? readJson(text, known, unknown) : readCsv(text);
  if ("problem" in read) return fail(format, 0, read.problem.column, read.problem.message, read.problem.row);

  // Every problem of every row, however many: the file is fixed once, not once per problem.
  const problems: RowProblem[] = [...read.problems];
  const absent = new Set<string>();
  if (!json) {
    for (const header of read.headers) if (!known.has(header)) problems.push({ row: 1, column: header, value: null, message: unknown() });
    for (const column of columns) {
      if (column.required && !read.headers.includes(column.name)) {
        problems.push({ row: 1, column: column.name, value: null, message: "required column is missing" });
        absent.add(column.name);
      }
    }
  }

  const lookups = await lookUpReferences(read.rows, columns, em);
  const parsed: ParsedRow<I>[] = [];
  for (const cells of read.rows) {
    const fields: Record<string, unknown> = {};
    const failed = new Set<string>();
    for (const column of columns) {
      const raw = cells.values.get(column.name) ?? "";
      if (raw === "") {
        if (column.required) {
          // A column missing from the header is reported once, not on every row.
          if (!absent.has(column.name)) problems.push({ row: cells.row, column: column.name, value: null, message: "is required" });
          failed.add(column.field as string);
        } else fields[column.field] = null;
        continue;
      }
      const converted = convert(column, raw, partnership, lookups);
      if ("problem" in converted) {
        problems.push({ row: cells.row, column: column.name, value: shown(raw), message: converted.problem });
        failed.add(column.field as string);
      } else fields[column.field] = converted.value;
    }
    parsed.push({ row: cells.row, input: Object.assign(new input(), fields), cells: cells.values, failed });
  }
  return { format, rows: read.rows.length + read.skipped, parsed, problems };
}

function fail(format: FileFormat, rows: number, column: string, message: string, row = 1): ParsedFile<never> {
  return { format, rows, parsed: [], problems: [{ row, column, value: null, message }] };
}

/** A cell's value for a report: clipped, and never what looks like a PESEL (a report is read and forwarded). */
export function shown(raw: string): string | null {
  return /\d{11}/.test(raw) ? null : clip(raw);
}

/** The rows read, and the problems of rows that could not be read at all (`skipped` of them). */
type Read = { headers: string[]; rows: Cells[]; problems: RowProblem[]; skipped: number } | { problem: RowProblem };

function readCsv(text: string): Read {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A Polish spreadsheet writes `;` between cells so that `,` can be the decimal comma.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) && firstLine.includes(";") ? ";" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as never;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return { problem: { row: lines ?? 1, column: "file", value: null, message: `is not valid CSV: ${(error as Error).message}` } };
  }
  const [header, ...body] = records;
  if (!header) return { problem: { row: 1, column: "file", value: null, message: "is empty; the first line must name the columns" } };
  const headers = header.record.map((name) => name.toLowerCase());
  const duplicate = headers.find((name, index) => headers.indexOf(name) !== index);
  if (duplicate) return { problem: { row: 1, column: duplicate, value: null, message: "column appears twice" } };
  const rows: Cells[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of body) {
    // A row that does not fit the header cannot be read cell by cell; the others still are.
    if (record.length > headers.length)
      problems.push({ row: info.lines, column: "file", value: null, message: `row has ${record.length} cells, the header ${headers.length}` });
    else rows.push({ row: info.lines, values: new Map(headers.map((name, index) => [name, record[index] ?? ""])) });
  }
  return { headers, rows, problems, skipped: problems.length };
}

function readJson(text: string, known: ReadonlyMap<string, unknown>, unknown: () => string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: { row: 1, column: "file", value: null, message: `is not valid JSON: ${(error as Error).message}` } };
  }
  if (!Array.isArray(data)) return { problem: { row: 1, column: "file", value: null, message: "must be a JSON array of objects, one per record" } };
  const headers = new Set<string>();
  const rows: Cells[] = [];
  const problems: RowProblem[] = [];
  let skipped = 0;
  for (const [index, item] of data.entries()) {
    // An item's row is its position from 1, and each item is checked on its own.
    const row = index + 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      problems.push({ row, column: "file", value: null, message: "each item must be an object" });
      skipped += 1;
      continue;
    }
    const values = new Map<string, string>();
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      headers.add(key);
      if (!known.has(key)) problems.push({ row, column: key, value: null, message: unknown() });
      else if (value === null || value === undefined) values.set(key, "");
      else if (typeof value === "object") problems.push({ row, column: key, value: null, message: "must be a string, number or boolean" });
      else values.set(key, String(value).trim());
    }
    rows.push({ row, values });
  }
  return { headers: [...headers], rows, problems, skipped };
}

type Lookups = Map<string, Map<string, string>>;

/** References by another unique column (a family by its code): one query per column, not per row. */
async function lookUpReferences<I>(rows: Cells[], columns: CsvColumn<I>[], em: SqlEntityManager): Promise<Lookups> {
  const lookups: Lookups = new Map();
  for (const column of columns) {
    if (column.type !== "reference" || !column.by) continue;
    const wanted = [...new Set(rows.map((cells) => cells.values.get(column.name) ?? "").filter((value) => value !== ""))];
    const found = new Map<string, string>();
    for (let start = 0; start < wanted.length; start += 500) {
      const chunk = wanted.slice(start, start + 500);
      for (const row of (await em.find(column.entity as never, { [column.by]: { $in: chunk } } as never, { fields: ["id", column.by] as never })) as Record<
        string,
        string
      >[]) {
        found.set(row[column.by]!, row.id!);
      }
    }
    lookups.set(column.name, found);
  }
  return lookups;
}

const TRUE = new Set(["tak", "t", "true", "yes", "y", "1", "prawda"]);
const FALSE = new Set(["nie", "n", "false", "no", "0", "fałsz", "falsz"]);

function convert<I>(column: CsvColumn<I>, raw: string, partnership: PartnershipKey, lookups: Lookups): { value: unknown } | { problem: string } {
  switch (column.type) {
    case "text":
    case "enum":
      return { value: raw };
    case "integer":
      return /^-?\d{1,15}$/.test(raw.replace(/[\s\u00A0]/g, ""))
        ? { value: Number(raw.replace(/[\s\u00A0]/g, "")) }
        : { problem: `must be a whole number, got ${JSON.stringify(clip(raw))}` };
    case "decimal": {
      const compact = raw.replace(/[\s\u00A0]/g, "");
      return /^-?\d{1,15}([.,]\d{1,10})?$/.test(compact)
        ? { value: Number(compact.replace(",", ".")) }
        : { problem: `must be a number (decimal comma or point), got ${JSON.stringify(clip(raw))}` };
    }
    case "boolean": {
      const lower = raw.toLowerCase();
      return TRUE.has(lower)
        ? { value: true }
        : FALSE.has(lower)
          ? { value: false }
          : { problem: `must be tak or nie (or true/false, 1/0), got ${JSON.stringify(clip(raw))}` };
    }
    case "reference": {
      const type = column.entity.name;
      if (!column.by) return { value: encodeRecordId(partnership, type, raw) };
      const id = lookups.get(column.name)?.get(raw);
      return id ? { value: encodeRecordId(partnership, type, id) } : { problem: `no ${type} with ${column.by} ${JSON.stringify(clip(raw))} in this region` };
    }
  }
}

const clip = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);
