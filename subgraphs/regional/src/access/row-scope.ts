import { accessDenied, owns, Role } from "@kooperacja/service-kit";
import type { RegionalContext } from "../context";
import { SupportActivity } from "../activities/support-activity.entity";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { AuditEntry } from "../audit/audit-entry.entity";

/**
 * Which rows of a table the caller may read in this shard. Family-level
 * rows, and values of indicators about families (small counts of families
 * per site and quarter), are the owner's only: analysts see them in
 * aggregates, with small-cell suppression.
 */
export type RowScope = "all" | "not-about-families" | "none";

export function indicatorValueScope(ctx: RegionalContext): RowScope {
  if (owns(ctx.identity, ctx.partnership)) return "all";
  return ctx.identity.role === Role.NATIONAL_ANALYST ? "not-about-families" : "none";
}

/** Support activities are operational records: analysts read them all, owners their own. */
export function activityScope(ctx: RegionalContext): RowScope {
  return owns(ctx.identity, ctx.partnership) || ctx.identity.role === Role.NATIONAL_ANALYST ? "all" : "none";
}

export function familyScope(ctx: RegionalContext): RowScope {
  return owns(ctx.identity, ctx.partnership) ? "all" : "none";
}

/** Indicator values the caller may read, of those loaded. */
export async function readableValues(ctx: RegionalContext, values: IndicatorValue[]): Promise<IndicatorValue[]> {
  const scope = indicatorValueScope(ctx);
  if (scope === "all") return values;
  if (scope === "none") return [];
  const aboutFamilies = await ctx.familyIndicatorCodes();
  return values.filter((value) => !value.family && !aboutFamilies.has(value.indicator.id));
}

/**
 * Guards a row reached by its global ID (`node`, `nodes`, `_entities`):
 * the same rules as the lists, so no lookup path shows more than a list would.
 */
export async function assertReadable(ctx: RegionalContext, row: object | null, typeName: string): Promise<void> {
  if (!row) return;
  const readable =
    row instanceof SupportedFamily
      ? familyScope(ctx) === "all"
      : row instanceof SupportActivity
        ? activityScope(ctx) === "all"
        : row instanceof IndicatorValue
          ? (await readableValues(ctx, [row])).length === 1
          : row instanceof AuditEntry
            ? // As `auditTrail` and `provenance.history`: the region's owner only.
              owns(ctx.identity, ctx.partnership)
            : true;
  if (!readable) throw accessDenied(ctx.identity, `a ${typeName} record`);
}

/** The scope as a condition on a query over the table (alias-free, for `qb.andWhere`). */
export async function scopeCondition(ctx: RegionalContext, scope: RowScope): Promise<Record<string, unknown>> {
  if (scope === "all") return {};
  if (scope === "none") return { id: { $in: [] } };
  return { family: null, indicator: { $nin: [...(await ctx.familyIndicatorCodes())] } };
}
