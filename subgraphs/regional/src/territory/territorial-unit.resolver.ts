import { findRows } from "@kooperacja/database";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { UnitLevel } from "../common/enums";
import { loadByGlobalId } from "../common/lookup";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { TerritorialUnit } from "./territorial-unit.entity";

@Resolver(() => TerritorialUnit)
export class TerritorialUnitResolver extends recordResolver(TerritorialUnit) {
  @Shard.concat()
  @Query(() => [TerritorialUnit], { description: "Territorial units known to the partnerships, optionally of one tier." })
  territorialUnits(
    @Arg("level", () => UnitLevel, { nullable: true, description: "Only units of this tier." }) level: UnitLevel | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<TerritorialUnit[]> {
    return findRows(ctx.em, TerritorialUnit, level ? { level } : {}, { teryt: "asc" });
  }

  @Shard.route("id")
  @Query(() => TerritorialUnit, { nullable: true, description: "One territorial unit by ID." })
  territorialUnit(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<TerritorialUnit> {
    return loadByGlobalId(ctx, TerritorialUnit, id);
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: "The unit one tier up (powiat of a gmina, voivodeship of a powiat)." })
  async parent(@Root() unit: TerritorialUnit, @Ctx() ctx: RegionalContext): Promise<TerritorialUnit | null> {
    return unit.parent ? ctx.loaders.byId(TerritorialUnit).load(unit.parent.id) : null;
  }
}
