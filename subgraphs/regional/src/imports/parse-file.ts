import { encodeRecordId, type PartnershipKey } from "@kooperacja/shared";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { parse } from "csv-parse/sync";
import type { CsvColumn } from "./csv-columns";

/** One problem of an import file: the file's row (the header is row 1 of a CSV), the column, and why. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export type FileFormat = "CSV" | "JSON";

export interface ParsedFile<I> {
  format: FileFormat;
  /** Data rows in the file. */
  rows: number;
  /** Rows whose cells all parsed, as inputs, with their row numbers. */
  inputs: { row: number; input: I }[];
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
    return fail("CSV", 0, "file", "is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or UTF-8 (LibreOffice)");
  }
  const json = /\.json$/i.test(filename) || /^\s*\[/.test(text);
  const format: FileFormat = json ? "JSON" : "CSV";
  const read = json ? readJson(text) : readCsv(text);
  if ("problem" in read) return fail(format, 0, read.problem.column, read.problem.message, read.problem.row);

  const problems: RowProblem[] = [];
  const known = new Map(columns.map((column) => [column.name, column]));
  for (const header of read.headers) {
    if (!known.has(header)) problems.push({ row: 1, column: header, message: `unknown column; the columns are ${columns.map((column) => column.name).join(", ")}` });
  }
  for (const column of columns) {
    if (column.required && !read.headers.includes(column.name)) problems.push({ row: 1, column: column.name, message: "required column is missing" });
  }
  if (problems.length > 0) return { format, rows: read.rows.length, inputs: [], problems };

  const lookups = await lookUpReferences(read.rows, columns, em);
  const inputs: { row: number; input: I }[] = [];
  for (const cells of read.rows) {
    const fields: Record<string, unknown> = {};
    let ok = true;
    for (const column of columns) {
      const raw = cells.values.get(column.name) ?? "";
      if (raw === "") {
        if (column.required) {
          problems.push({ row: cells.row, column: column.name, message: "is required" });
          ok = false;
        } else fields[column.field] = null;
        continue;
      }
      const converted = convert(column, raw, partnership, lookups);
      if ("problem" in converted) {
        problems.push({ row: cells.row, column: column.name, message: converted.problem });
        ok = false;
      } else fields[column.field] = converted.value;
    }
    if (ok) inputs.push({ row: cells.row, input: Object.assign(new input(), fields) });
  }
  return { format, rows: read.rows.length, inputs, problems };
}

function fail(format: FileFormat, rows: number, column: string, message: string, row = 1): ParsedFile<never> {
  return { format, rows, inputs: [], problems: [{ row, column, message }] };
}

type Read = { headers: string[]; rows: Cells[] } | { problem: RowProblem };

function readCsv(text: string): Read {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A Polish spreadsheet writes `;` between cells so that `,` can be the decimal comma.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) && firstLine.includes(";") ? ";" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as never;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return { problem: { row: lines ?? 1, column: "file", message: `is not valid CSV: ${(error as Error).message}` } };
  }
  const [header, ...body] = records;
  if (!header) return { problem: { row: 1, column: "file", message: "is empty; the first line must name the columns" } };
  const headers = header.record.map((name) => name.toLowerCase());
  const duplicate = headers.find((name, index) => headers.indexOf(name) !== index);
  if (duplicate) return { problem: { row: 1, column: duplicate, message: "column appears twice" } };
  const rows: Cells[] = [];
  for (const { record, info } of body) {
    if (record.length > headers.length) return { problem: { row: info.lines, column: "file", message: `row has ${record.length} cells, the header ${headers.length}` } };
    rows.push({ row: info.lines, values: new Map(headers.map((name, index) => [name, record[index] ?? ""])) });
  }
  return { headers, rows };
}

function readJson(text: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: { row: 1, column: "file", message: `is not valid JSON: ${(error as Error).message}` } };
  }
  if (!Array.isArray(data)) return { problem: { row: 1, column: "file", message: "must be a JSON array of objects, one per record" } };
  const headers = new Set<string>();
  const rows: Cells[] = [];
  for (const [index, item] of data.entries()) {
    if (!item || typeof item !== "object" || Array.isArray(item)) return { problem: { row: index + 1, column: "file", message: "each item must be an object" } };
    const values = new Map<string, string>();
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      headers.add(key);
      if (value === null || value === undefined) values.set(key, "");
      else if (typeof value === "object") return { problem: { row: index + 1, column: key, message: "must be a string, number or boolean" } };
      else values.set(key, String(value).trim());
    }
    rows.push({ row: index + 1, values });
  }
  return { headers: [...headers], rows };
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
      for (const row of (await em.find(column.entity as never, { [column.by]: { $in: chunk } } as never, { fields: ["id", column.by] as never })) as Record<string, string>[]) {
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
      return /^-?\d{1,15}$/.test(raw.replace(/[\s\u00A0]/g, "")) ? { value: Number(raw.replace(/[\s\u00A0]/g, "")) } : { problem: `must be a whole number, got ${JSON.stringify(clip(raw))}` };
    case "decimal": {
      const compact = raw.replace(/[\s\u00A0]/g, "");
      return /^-?\d{1,15}([.,]\d{1,10})?$/.test(compact) ? { value: Number(compact.replace(",", ".")) } : { problem: `must be a number (decimal comma or point), got ${JSON.stringify(clip(raw))}` };
    }
    case "boolean": {
      const lower = raw.toLowerCase();
      return TRUE.has(lower) ? { value: true } : FALSE.has(lower) ? { value: false } : { problem: `must be tak or nie (or true/false, 1/0), got ${JSON.stringify(clip(raw))}` };
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
