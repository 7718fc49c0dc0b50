import { encodeRecordId, type PartnershipKey } from "@kooperacja/contract";
import { Authorized, Ctx, FieldResolver, ID, Resolver, Root, type ClassType } from "type-graphql";
import { Access } from "../access/access-rules";
import { AuditEntry } from "../audit/audit-entry.entity";
import { ImportBatch } from "../imports/import-batch.entity";
import type { RegionalContext } from "../context";
import { Source } from "../sources/source.entity";
import { ProvenanceKind } from "./enums";
import { FieldClaim } from "./field-claim.entity";
import { FieldProvenance, Omission, Provenance } from "./provenance";
import type { RegionalRecord } from "./regional-record";

type Record = RegionalRecord & { id: string };

/** The global ID of a regional row: its owner, its GraphQL type and its key (a catalogue entry's is the same in every region). */
export function globalIdOf(typeName: string, row: Record): string {
  return encodeRecordId(row.partnership as PartnershipKey, typeName, row.id);
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
        synthetic: row.provenanceKind === ProvenanceKind.SYNTHETIC_DEMO || row.provenanceKind === ProvenanceKind.SYNTHETIC,
        note: row.provenanceNote ?? null,
        sourceId: row.source?.id ?? null,
        importBatchId: row.importBatch?.id ?? null,
        recordType: typeName,
        recordId: row.id,
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

  @FieldResolver(() => ImportBatch, {
    nullable: true,
    description: "The import that created the record (file name, checksum, time, by whom); null for other origins.",
  })
  async import(@Root() provenance: Provenance, @Ctx() ctx: RegionalContext): Promise<ImportBatch | null> {
    return provenance.importBatchId ? ctx.loaders.byId(ImportBatch).load(provenance.importBatchId) : null;
  }

  @FieldResolver(() => [FieldProvenance], {
    description:
      "Fields whose origin differs from the record's: taken from another page or several, derived (with the formula) or inferred (with the reasoning). A field not listed comes from where the record does.",
  })
  async fields(@Root() provenance: Provenance, @Ctx() ctx: RegionalContext): Promise<FieldProvenance[]> {
    const claims = await claimsOf(provenance, ctx);
    return claims
      .filter((claim) => claim.kind)
      .map((claim) =>
        Object.assign(new FieldProvenance(), {
          field: claim.field,
          kind: claim.kind!,
          note: claim.note ?? null,
          sourceIds: claim.sources.map((code) => `${claim.partnership}:${code}`),
        }),
      );
  }

  @FieldResolver(() => [Omission], {
    description: "Facts the record's pages state that the hub leaves out on purpose (a person's name, a telephone number), each with its reason.",
  })
  async omissions(@Root() provenance: Provenance, @Ctx() ctx: RegionalContext): Promise<Omission[]> {
    const claims = await claimsOf(provenance, ctx);
    return claims
      .filter((claim) => claim.omission)
      .map((claim) =>
        Object.assign(new Omission(), {
          what: claim.field,
          reason: claim.omission!,
          note: claim.note ?? null,
          sourceId: claim.sources[0] ? `${claim.partnership}:${claim.sources[0]}` : null,
        }),
      );
  }

  @Authorized(Access.OWN_PARTNERSHIP)
  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: "Every change of the record since it came to the hub, oldest first; the origin above is never overwritten (the region's owner only).",
  })
  history(@Root() provenance: Provenance, @Ctx() ctx: RegionalContext): Promise<AuditEntry[]> {
    return ctx.loaders.manyBy(AuditEntry, "entityId", { id: "asc" }, { entityType: provenance.recordType }).load(provenance.recordId);
  }
}

function claimsOf(provenance: Provenance, ctx: RegionalContext): Promise<FieldClaim[]> {
  return ctx.loaders.manyBy(FieldClaim, "recordId", { id: "asc" }, { recordType: provenance.recordType }).load(provenance.recordId);
}

@Resolver(() => FieldProvenance)
export class FieldProvenanceResolver {
  @FieldResolver(() => [Source], { description: "The pages that state the field (SOURCE_PAGE), or that it was derived or inferred from." })
  async sources(@Root() claim: FieldProvenance, @Ctx() ctx: RegionalContext): Promise<Source[]> {
    const sources = await ctx.loaders.byId(Source).loadMany(claim.sourceIds);
    return sources.filter((source): source is Source => source instanceof Source);
  }
}

@Resolver(() => Omission)
export class OmissionResolver {
  @FieldResolver(() => Source, { nullable: true, description: "The page that states what was left out." })
  async source(@Root() omission: Omission, @Ctx() ctx: RegionalContext): Promise<Source | null> {
    return omission.sourceId ? ctx.loaders.byId(Source).load(omission.sourceId) : null;
  }
}
