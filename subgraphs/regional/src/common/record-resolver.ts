import { encodeGlobalId, type PartnershipKey } from "@kooperacja/shared";
import { Ctx, FieldResolver, ID, Resolver, Root, type ClassType } from "type-graphql";
import type { RegionalContext } from "../context";
import { Source } from "../sources/source.entity";
import { ProvenanceKind } from "./enums";
import { Provenance } from "./provenance";
import type { RegionalRecord } from "./regional-record";

type Record = RegionalRecord & { id: string };

/** The global ID of a regional row: its owner, its GraphQL type and its key. */
export function globalIdOf(typeName: string, row: Record): string {
  return encodeGlobalId(row.partnership as PartnershipKey, typeName, row.id);
}

/**
 * The fields every regional entity has, `id` and `provenance`, written once
 * and inherited by each entity's resolver.
 */
export function recordResolver<T extends Record>(entity: ClassType<T>) {
  const typeName = entity.name;

  @Resolver(() => entity)
  abstract class RecordResolver {
    @FieldResolver(() => ID, { description: "Global, opaque ID. It carries the owning partnership, so the gateway can route by it." })
    id(@Root() row: T): string {
      return globalIdOf(typeName, row);
    }

    @FieldResolver(() => Provenance, { description: "Where this record comes from." })
    provenance(@Root() row: T): Provenance {
      return Object.assign(new Provenance(), {
        kind: row.provenanceKind,
        synthetic: row.provenanceKind === ProvenanceKind.SYNTHETIC_DEMO,
        note: row.provenanceNote ?? null,
        sourceId: row.source?.id ?? null,
      });
    }
  }
  return RecordResolver;
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The source page, when the record was taken from one." })
  async source(@Root() provenance: Provenance, @Ctx() ctx: RegionalContext): Promise<Source | null> {
    return provenance.sourceId ? ctx.loaders.byId(Source).load(provenance.sourceId) : null;
  }
}
