import { ErrorCode } from "@kooperacja/contract";
import { type Identity } from "@kooperacja/service-kit";
import { Router, type Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import { identityOf } from "../access/http";
import {
  BOOK_QUERY,
  bookMarkdown,
  chapterFigures,
  chapterTables,
  CHAPTER_QUERY,
  comparisonTable,
  COMPARISON_QUERY,
  exportNotes,
  incompleteFigures,
  type Chapter,
  type IndicatorDefinition,
} from "./documents";
import { HTML_CONTENT_SECURITY_POLICY, MEDIA_TYPES, toCsv, toHtml, toXlsx, type Format } from "./formats";
import type { Table } from "./tables";
import type { Logger } from "pino";

/** Runs one GraphQL operation through the gateway as this caller, exactly as a POST to /graphql would. */
export type RunOperation = (
  identity: Identity,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

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

/**
 * Fields a reader may be refused inside a recommendation they may read: a
 * saved comparison re-run now (the public may not re-run a series, but reads
 * the adopted snapshot) and a cited record they may not see (the export says so).
 */
const MAY_BE_REFUSED = ["live", "differsFromSnapshot", "liveRegionsMissing", "target"];
const DENIED: string[] = [ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN];

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
export function exportRouter(run: RunOperation, logger: Logger): Router {
  const router = Router();
  /** The query's data; any error refuses the export, except those `tolerated` (the caller may not re-run an adopted comparison: its snapshot is exported). */
  const answer = async (
    res: Response,
    query: string,
    variables: Record<string, unknown>,
    tolerated: (error: GraphQLFormattedError) => boolean = () => false,
  ) => {
    const result = await run(identityOf(res), res.locals.requestId as string, query, variables);
    const errors = (result.errors ?? []).filter((error) => !tolerated(error));
    if (errors.length > 0) {
      const code = String(errors[0]!.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      throw new ExportRefused(STATUS[code] ?? 500, errors);
    }
    if (!result.data)
      throw new ExportRefused(500, [{ message: "The hub gave no data for the export.", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }]);
    return result.data;
  };
  const chapters = async (res: Response, query: string, variables: Record<string, unknown>, field: string): Promise<Chapter[]> => {
    const data = await answer(
      res,
      query,
      variables,
      (error) => MAY_BE_REFUSED.includes(String(error.path?.at(-1))) && DENIED.includes(String(error.extensions?.code)),
    );
    const found = ([] as Chapter[]).concat(data[field] as Chapter | Chapter[]);
    const problem = incompleteFigures(found);
    if (problem)
      throw new ExportRefused(503, [{ message: `${problem} Try again when every region answers.`, extensions: { code: ErrorCode.SHARD_UNAVAILABLE } }]);
    return found;
  };
  /** Files download; the book's web page opens in the browser (`?download=1` saves it), confined by its Content-Security-Policy. */
  const send = async (res: Response, name: string, format: Format, content: Buffer | string, inline = false) => {
    res.set("content-type", MEDIA_TYPES[format]).set("x-content-type-options", "nosniff");
    if (format === "html") res.set("content-security-policy", HTML_CONTENT_SECURITY_POLICY);
    res.set("content-disposition", inline ? "inline" : `attachment; filename="${name}.${format}"`).send(content);
  };
  const tables = async (res: Response, name: string, format: string, build: () => Promise<Table[]>) => {
    if (format !== "csv" && format !== "xlsx") throw badRequest(`${name} exports as csv or xlsx, not ${JSON.stringify(format)}.`, "format");
    const built = await build();
    // One CSV holds one table: the last before the notes is the tidy table of figures (its origin column says what they are computed from).
    const figures = built.filter((table) => table.title !== "Notes");
    await send(res, name, format, format === "csv" ? toCsv(figures[figures.length - 1]!) : await toXlsx(built));
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
      const rows = (data.compare as { rows: Record<string, unknown>[] }).rows;
      const notes = exportNotes({
        what: "Comparison of indicators (compare)",
        exportedAt: new Date(),
        as: identityOf(res).role,
        parameters: variables,
        figures: rows,
        indicators: data.indicators as IndicatorDefinition[],
      });
      return [comparisonTable(rows), notes];
    });
  });

  router.get("/chapter/:id.:format", async (req, res) => {
    await tables(res, "chapter", req.params.format, async () => {
      const [chapter] = await chapters(res, CHAPTER_QUERY, { id: req.params.id }, "bookChapter");
      const demo = chapter!.demo || chapter!.recommendations.some((recommendation) => recommendation.demo);
      const notes = exportNotes({
        what: `Chapter ${chapter!.number} of the recommendation book: ${chapter!.title}`,
        exportedAt: new Date(),
        as: identityOf(res).role,
        parameters: { chapter: req.params.id },
        figures: chapterFigures(chapter!),
        indicators: [],
        extra: demo ? [["demo content", "Rows marked demo (and a demo chapter) are seeded examples so the hub has something to show: not the real book"]] : [],
      });
      return [...chapterTables(chapter!), notes];
    });
  });

  router.get("/book.:format", async (req, res) => {
    const format = req.params.format;
    if (format !== "md" && format !== "html") throw badRequest(`The book exports as md or html, not ${JSON.stringify(format)}.`, "format");
    const markdown = bookMarkdown(await chapters(res, BOOK_QUERY, {}, "bookChapters"), new Date());
    await send(
      res,
      "ksiega-rekomendacyjna",
      format,
      format === "md" ? markdown : toHtml("Księga rekomendacyjna", markdown),
      format === "html" && req.query.download === undefined,
    );
  });

  router.use((req, res) => {
    res.status(404).json({
      errors: [
        {
          message: `No export at ${req.path}: try /export/comparison.csv, /export/chapter/<id>.xlsx or /export/book.md.`,
          extensions: { code: ErrorCode.NOT_FOUND },
        },
      ],
    });
  });

  router.use((error: unknown, _req: unknown, res: Response, _next: unknown) => {
    if (error instanceof ExportRefused) {
      res.status(error.status).json({ errors: error.errors });
      return;
    }
    // Like GraphQL's masked errors: logged here, never a stack trace to the client.
    logger.error({ err: error, requestId: res.locals.requestId }, "export failed");
    res.status(500).json({ errors: [{ message: "Internal server error.", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  });
  return router;
}

/** A query parameter as a list: comma-separated, or repeated. */
function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap((item) => (typeof item === "string" ? item.split(",") : []))
    .map((item) => item.trim())
    .filter(Boolean);
}
