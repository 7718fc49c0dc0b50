import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { marked } from "marked";
import { createHash } from "node:crypto";
import sanitizeHtml from "sanitize-html";
import type { Table } from "./tables";

export const MEDIA_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
} as const;
export type Format = keyof typeof MEDIA_TYPES;

/**
 * A text cell a spreadsheet would take for a formula (it starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe, as
 * OWASP's advice on CSV injection says: a note an analyst wrote can neither
 * compute nor call out on a reader's machine. Numbers stay numbers.
 */
export function neutralise<T>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One table as CSV, RFC 4180, with a byte order mark so spreadsheet programs read the Polish letters as UTF-8. */
export function toCsv(table: Table): Buffer {
  const text = stringify([table.columns.map((column) => column.label), ...table.rows.map((row) => row.map(neutralise))], {
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
    for (const row of table.rows) sheet.addRow(row.map((value) => neutralise(value ?? null)));
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

const PAGE_STYLE =
  "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}" +
  "table{border-collapse:collapse;margin:1rem 0;max-width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;overflow-wrap:anywhere}th{background:#eee}" +
  // Printed: the page's full width, tables split between rows (never inside one), headings kept with what follows.
  "@media print{body{max-width:none;margin:0;font-size:10pt}table{font-size:9pt}tr{break-inside:avoid}h2,h3{break-after:avoid}blockquote{border-left:2px solid #999;margin-left:0;padding-left:.5rem}}";

/**
 * The page may do nothing but show itself: no script, no request anywhere
 * (images, fonts, frames, forms), its one style block allowed by its hash.
 */
export const HTML_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(PAGE_STYLE).digest("base64")}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * What the book's Markdown may become in HTML (sanitize-html, decision 0013):
 * text, headings, lists, emphasis, tables and links to
 * http(s) and mailto addresses only; no images, no raw HTML that runs, no
 * `javascript:` or `data:` links.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

/** A Markdown document as a standalone HTML page. */
export function toHtml(title: string, markdown: string): string {
  const body = sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), SANITIZE);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${mdText(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}</body>
</html>
`;
}
