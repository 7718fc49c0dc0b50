import { ErrorCode, type Identity } from "@kooperacja/shared";
import { Router, type Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import { identityOf } from "../access/http";
import { BOOK_QUERY, bookMarkdown, chapterTables, CHAPTER_QUERY, comparisonTable, COMPARISON_QUERY, type Chapter } from "./documents";
import { MEDIA_TYPES, toCsv, toHtml, toXlsx, type Format } from "./formats";
import type { Table } from "./tables";

/** Runs one GraphQL operation through the gateway as this caller, exactly as a POST to /graphql would. */
export type RunOperation = (identity: Identity, query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.LIMIT_EXCEEDED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.SHARD_UNAVAILABLE]: 503,
  [ErrorCode.SHARD_TIMEOUT]: 503,
};

class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(errors[0]?.message ?? "Export refused.");
  }
}

function badRequest(message: string, field: string): ExportRefused {
  return new ExportRefused(400, [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, field } }]);
}

/**
 * Downloads for the book team: a comparison or a chapter as CSV or XLSX, the
 * whole book as Markdown or HTML. Each export is a GraphQL query run through
 * the gateway as the caller (same token, same rights, same suppression), and
 * any error, a region missing included, refuses the download rather than
 * hand out a table that silently lacks figures.
 */
export function exportRouter(run: RunOperation): Router {
  const router = Router();
  const answer = async (res: Response, query: string, variables: Record<string, unknown>) => {
    const result = await run(identityOf(res), query, variables);
    if (result.errors && result.errors.length > 0) {
      const code = String(result.errors[0]!.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      throw new ExportRefused(STATUS[code] ?? 500, result.errors);
    }
    return result.data!;
  };
  const send = async (res: Response, name: string, format: Format, content: Buffer | string) => {
    res.set("content-type", MEDIA_TYPES[format]).set("content-disposition", `attachment; filename="${name}.${format}"`).send(content);
  };
  const tables = async (res: Response, name: string, format: string, build: () => Promise<Table[]>) => {
    if (format !== "csv" && format !== "xlsx") throw badRequest(`${name} exports as csv or xlsx, not ${JSON.stringify(format)}.`, "format");
    const built = await build();
    // One CSV holds one table: the last is the tidy table of figures.
    await send(res, name, format, format === "csv" ? toCsv(built[built.length - 1]!) : await toXlsx(built));
  };

  router.get("/comparison.:format", async (req, res) => {
    const indicators = list(req.query.indicators);
    if (indicators.length === 0) throw badRequest("Name the indicators: ?indicators=FAMILIES_SUPPORTED,WORKERS_COACHED", "indicators");
    let filter: Record<string, unknown> | null = null;
    if (typeof req.query.filter === "string" && req.query.filter !== "") {
      try {
        filter = JSON.parse(req.query.filter) as Record<string, unknown>;
      } catch {
        throw badRequest("filter must be a JSON object (a CompareFilter).", "filter");
      }
    }
    const variables = { indicators, by: list(req.query.by), grain: typeof req.query.grain === "string" ? req.query.grain : "QUARTER", filter };
    await tables(res, "comparison", req.params.format, async () => {
      const data = await answer(res, COMPARISON_QUERY, variables);
      return [comparisonTable((data.compare as { rows: Record<string, unknown>[] }).rows)];
    });
  });

  router.get("/chapter/:id.:format", async (req, res) => {
    await tables(res, "chapter", req.params.format, async () => {
      const data = await answer(res, CHAPTER_QUERY, { id: req.params.id });
      return chapterTables(data.bookChapter as Chapter);
    });
  });

  router.get("/book.:format", async (req, res) => {
    const format = req.params.format;
    if (format !== "md" && format !== "html") throw badRequest(`The book exports as md or html, not ${JSON.stringify(format)}.`, "format");
    const data = await answer(res, BOOK_QUERY, {});
    const markdown = bookMarkdown(data.bookChapters as Chapter[], new Date());
    await send(res, "ksiega-rekomendacyjna", format, format === "md" ? markdown : toHtml("Księga rekomendacyjna", markdown));
  });

  router.use((req, res) => {
    res.status(404).json({
      errors: [{ message: `No export at ${req.path}: try /export/comparison.csv, /export/chapter/<id>.xlsx or /export/book.md.`, extensions: { code: ErrorCode.NOT_FOUND } }],
    });
  });

  router.use((error: unknown, _req: unknown, res: Response, next: (error: unknown) => void) => {
    if (!(error instanceof ExportRefused)) return next(error);
    res.status(error.status).json({ errors: error.errors });
  });
  return router;
}

/** A query parameter as a list: comma-separated, or repeated. */
function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => (typeof item === "string" ? item.split(",") : [])).map((item) => item.trim()).filter(Boolean);
}
