import type { EntityClass } from "@mikro-orm/core";
import { AuditEntry } from "../audit/audit-entry.entity";
import { RegionalRecord } from "../common/regional-record";
import { ENTITIES } from "../entities";
import { ImportBatch } from "../imports/import-batch.entity";

/**
 * Every regional type with a global ID, by GraphQL type name (which is also
 * the entity's class name): every table of regional records, the imports and
 * the audit trail (not the sources, which are cited by code).
 */
export const NODE_TYPES: ReadonlyMap<string, EntityClass<{ id: string }>> = new Map([
  ...ENTITIES.filter((entity) => entity.prototype instanceof RegionalRecord).map((entity) => [entity.name, entity as EntityClass<{ id: string }>] as const),
  ["AuditEntry", AuditEntry as unknown as EntityClass<{ id: string }>],
  ["ImportBatch", ImportBatch as EntityClass<{ id: string }>],
]);

/** Types other subgraphs may reference by `@key(fields: "id")`: every node type (an entity interface's implementations are all entities). */
export const ENTITY_TYPES: EntityClass<{ id: string }>[] = [...NODE_TYPES.values()];
