import { ErrorCode, hubError } from "@kooperacja/contract";
import { owns } from "@kooperacja/service-kit";
import { firstDayOf, lastDayOf, quarterOfDay } from "../common/quarters";
import type { RegionalContext } from "../context";
import type { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import type { FactFilter } from "./facts";
import { Grain } from "./facts";

/** What a query asks of the facts, as far as the published boundaries care. */
export interface FactQuery {
  indicators: OutcomeIndicator[];
  filter: FactFilter | null | undefined;
  /** Grouped (or ranked) by period, and at which grain. */
  byPeriod: boolean;
  grain: Grain;
  /** Grouped or ranked by pilot site. */
  bySite: boolean;
}

const LIST_FIELDS = ["partnerships", "macroregions", "voivodeships", "teryt", "municipalityKinds", "sectors", "quarters"] as const;

/**
 * The published boundaries of figures about families (docs/privacy.md): a
 * caller who does not own this region gets such figures only for cells the
 * hub publishes, so no query can single a family out by its day, by a set of
 * places chosen to differ from another set by one, or by a quarter at one
 * site. Each filter names one unit at most (one partnership, voivodeship,
 * TERYT unit, kind of gmina, sector or quarter); dates are whole quarters;
 * no months; and time is not combined with places below a voivodeship
 * (powiats, gminas, pilot sites). The owner of the region is not held to
 * them: its own figures are exact anyway.
 */
export function assertPublishedBoundaries(
  ctx: RegionalContext,
  query: FactQuery,
  /** The arguments as the caller wrote them: the filter, the grouping and the grain, and filter fields named otherwise than in FactFilter. */
  names: { filter: string; by: string; grain: string; fields?: Partial<Record<keyof FactFilter, string>> },
): void {
  if (owns(ctx.identity, ctx.partnership)) return;
  const aboutFamilies = query.indicators.filter((indicator) => indicator.aboutFamilies).map((indicator) => indicator.id);
  if (aboutFamilies.length === 0) return;
  const which = `${aboutFamilies.join(", ")} ${aboutFamilies.length > 1 ? "are" : "is"} about families`;
  const refuse = (field: string, rule: string) => {
    throw hubError(ErrorCode.BAD_USER_INPUT, `${field}: ${which}, and ${rule} (docs/privacy.md; a region's owner is not held to this for its own figures).`, {
      field,
      privacy: true,
    });
  };
  const filter = query.filter;
  for (const name of LIST_FIELDS) {
    const values = filter?.[name];
    if (values && values.length > 1)
      refuse(`${names.filter}.${names.fields?.[name] ?? name}`, "such figures are published for one unit at a time: name one value, or none for all");
  }
  const from = filter?.from && firstDayOf(quarterOfDay(filter.from));
  if (filter?.from && filter.from !== from)
    refuse(`${names.filter}.from`, `such figures are published for whole quarters: start on a quarter's first day (e.g. ${from})`);
  const to = filter?.to && lastDayOf(quarterOfDay(filter.to));
  if (filter?.to && filter.to !== to) refuse(`${names.filter}.to`, `such figures are published for whole quarters: end on a quarter's last day (e.g. ${to})`);
  if (query.byPeriod && query.grain === Grain.MONTH) refuse(names.grain, "such figures are published by quarter or year, not by month");
  const timed = query.byPeriod || Boolean(filter?.from || filter?.to || filter?.quarters || filter?.quarterFrom || filter?.quarterTo);
  const belowVoivodeship = query.bySite || Boolean(filter?.teryt?.some((code) => code.length > 2));
  if (timed && belowVoivodeship) {
    const field = query.bySite ? names.by : `${names.filter}.teryt`;
    refuse(field, "such figures of a powiat, gmina or pilot site are published for the whole programme period only, never by period or dates");
  }
}
