import { ErrorCode, hubError } from "@kooperacja/contract";
import type { RegionalContext } from "../context";
import { OutcomeIndicator } from "../indicators/outcome-indicator.entity";

/** The most indicators one comparison may name. */
export const MAX_INDICATORS = 20;

/** The catalogue entries of the codes, in the order asked; an unknown or repeated code is refused. */
export async function catalogueEntries(ctx: RegionalContext, codes: string[]): Promise<OutcomeIndicator[]> {
  if (codes.length === 0 || codes.length > MAX_INDICATORS) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Name 1 to ${MAX_INDICATORS} indicators; got ${codes.length}.`, { field: "indicators" });
  }
  if (new Set(codes).size !== codes.length) throw hubError(ErrorCode.BAD_USER_INPUT, "indicators names an indicator twice.", { field: "indicators" });
  const found = new Map((await ctx.em.find(OutcomeIndicator, { id: { $in: codes } })).map((row) => [row.id, row]));
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length > 0) {
    throw hubError(
      ErrorCode.BAD_USER_INPUT,
      `Unknown indicator ${unknown.map((code) => JSON.stringify(code)).join(", ")}; the catalogue is in \`indicators\`.`,
      {
        field: "indicators",
      },
    );
  }
  return codes.map((code) => found.get(code)!);
}
