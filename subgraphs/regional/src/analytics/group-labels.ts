import type { RegionalContext } from "../context";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import type { FactGroup } from "./facts";

/** The names of the voivodeships the groups name, by TERYT code (one batched load). */
export async function voivodeshipNames(ctx: RegionalContext, groups: FactGroup[]): Promise<Map<string, string>> {
  const codes = [...new Set(groups.map((group) => group.voivodeship).filter((code): code is string => typeof code === "string"))];
  const units = await ctx.loaders.byId(TerritorialUnit).loadMany(codes);
  return new Map(units.filter((unit): unit is TerritorialUnit => unit instanceof TerritorialUnit).map((unit) => [unit.id, unit.name]));
}

/** A group's key as text, or null for a dimension not grouped by. */
export function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
