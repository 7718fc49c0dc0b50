import { ErrorCode, hubError, type ErrorCode as Code } from "@kooperacja/contract";
import { traceHeaders } from "@kooperacja/service-kit";
import type { GraphQLFormattedError } from "graphql";

/** The parameters of a comparison, as `compare` takes them. */
export interface ComparisonParameters {
  indicators: string[];
  by: string[];
  grain: string;
  filter: Record<string, unknown> | null;
}

/** One row of `compare`, as the hub answers it. */
export type ComparisonFigure = Record<(typeof FIGURE_FIELDS)[number], unknown>;

export const FIGURE_FIELDS = [
  "indicator",
  "unit",
  "aggregation",
  "macroregion",
  "partnership",
  "voivodeship",
  "voivodeshipName",
  "municipalityKind",
  "sector",
  "period",
  "n",
  "value",
  "mean",
  "families",
  "suppressed",
  "protection",
  "origin",
  "regionsMissing",
] as const;

/** The GraphQL a saved comparison runs; also shown to analysts so they can run it by hand. */
export const COMPARE_QUERY = `query SavedComparison($indicators: [String!]!, $by: [CompareDimension!]!, $grain: PeriodGrain!, $filter: CompareFilter) {
  compare(indicators: $indicators, by: $by, grain: $grain, filter: $filter) {
    rows { ${FIGURE_FIELDS.join(" ")} }
  }
}`;

export interface ComparisonRun {
  rows: ComparisonFigure[];
  /** Partnerships whose figures are missing (a region did not answer). */
  missingRegions: string[];
}

/**
 * The book asks the hub (the gateway) for the figures behind its evidence:
 * only the gateway merges the regions and protects the figures about
 * families, so the book never computes a figure itself. It asks as itself
 * (signed with its own key) on behalf of its caller, with the credentials
 * that speak for that caller, and the gateway grants it that caller's
 * rights: a figure is never shown to someone the hub would not show it to.
 */
export class HubClient {
  private readonly url: () => string;
  private readonly actFor: (forward: Record<string, string>) => Promise<Record<string, string>>;
  private readonly timeoutMs: number;

  /** `actFor` adds the book's own signed token to the caller's credentials (`TokenVerifier.actorHeaders`). */
  constructor(options: { url: () => string; actFor(forward: Record<string, string>): Promise<Record<string, string>>; timeoutMs?: number }) {
    this.url = options.url;
    this.actFor = options.actFor;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async compare(forward: Record<string, string>, parameters: ComparisonParameters): Promise<ComparisonRun> {
    const body = await this.request(forward, COMPARE_QUERY, { ...parameters });
    const missing = new Set<string>((body.extensions?.missingRegions as string[] | undefined) ?? []);
    const refusal = body.errors?.find((error) => !regionMissing(error));
    if (refusal || !body.data?.compare) {
      const code = String(refusal?.extensions?.code ?? ErrorCode.SHARD_UNAVAILABLE);
      throw hubError(
        code === ErrorCode.INTERNAL_SERVER_ERROR ? ErrorCode.SHARD_UNAVAILABLE : (code as Code),
        `The hub refused the comparison: ${refusal?.message ?? "no answer"}`,
        {
          ...(refusal?.extensions?.field ? { field: refusal.extensions.field } : {}),
        },
      );
    }
    return { rows: (body.data.compare as { rows: ComparisonFigure[] }).rows, missingRegions: [...missing] };
  }

  /** Whether a regional record with this global ID exists and the caller may see it. */
  async exists(forward: Record<string, string>, id: string): Promise<boolean> {
    const body = await this.request(forward, "query EvidenceTarget($id: ID!) { node(id: $id) { id } }", { id });
    const unavailable = body.errors?.find(regionMissing);
    if (unavailable) throw hubError(ErrorCode.SHARD_UNAVAILABLE, `Cannot check ${id}: ${unavailable.message}`, { id });
    return Boolean((body.data?.node as { id?: string } | null | undefined)?.id);
  }

  private async request(
    forward: Record<string, string>,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown> }> {
    let response: Response;
    const headers = await this.actFor(forward);
    try {
      response = await fetch(this.url(), {
        method: "POST",
        headers: { "content-type": "application/json", ...headers, ...traceHeaders() },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw hubError(ErrorCode.SHARD_UNAVAILABLE, `The book could not reach the hub at ${this.url()} to run its evidence.`, { cause: String(cause) });
    }
    const body = (await response.json().catch(() => ({}))) as {
      data?: Record<string, unknown> | null;
      errors?: GraphQLFormattedError[];
      extensions?: Record<string, unknown>;
    };
    if (!response.ok && !body.errors) throw hubError(ErrorCode.SHARD_UNAVAILABLE, `The hub answered HTTP ${response.status} to the book's evidence query.`);
    return body;
  }
}

/** An error that says a region did not answer (its figures are missing), not that the request was refused. */
function regionMissing(error: GraphQLFormattedError): boolean {
  return error.extensions?.code === ErrorCode.SHARD_UNAVAILABLE || error.extensions?.code === ErrorCode.SHARD_TIMEOUT;
}
