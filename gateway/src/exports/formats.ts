import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { marked } from "marked";
import type { Table } from "./tables";

export const MEDIA_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
} as const;
export type Format = keyof typeof MEDIA_TYPES;

/** One table as CSV, RFC 4180, with a byte order mark so spreadsheet programs read the Polish letters as UTF-8. */
export function toCsv(table: Table): Buffer {
  const text = stringify([table.columns.map((column) => column.label), ...table.rows], {
    bom: true,
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
  return Buffer.from(text, "utf8");
}

/** Tables as sheets of one workbook: a bold, frozen header row; numbers stay numbers. */
export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kooperacja Hub";
  for (const table of tables) {
    // Excel limits sheet names to 31 characters and forbids a few.
    const sheet = workbook.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(table.columns.map((column) => column.label)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((value) => value ?? null));
    table.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(column.label.length, ...table.rows.map((row) => String(row[index] ?? "").length)) + 2);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Text for a Markdown document: HTML in it is shown, never run, and table pipes stay inside their cell. */
export function mdText(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

export function mdTable(table: Table): string {
  const header = `| ${table.columns.map((column) => mdText(column.label)).join(" | ")} |`;
  const rule = `| ${table.columns.map(() => "---").join(" | ")} |`;
  const rows = table.rows.map((row) => `| ${row.map((value) => mdText(value === null ? "" : value)).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
}

/** A Markdown document as a standalone HTML page. */
export function toHtml(title: string, markdown: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true });
  return `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>${mdText(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}th{background:#eee}</style>
</head>
<body>
${body}</body>
</html>
`;
}
