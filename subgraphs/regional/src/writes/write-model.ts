import type { EntityClass } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { ClassType } from "type-graphql";
import type { RegionalRecord } from "../common/regional-record";
import type { RegionalContext } from "../context";
import type { ImportKind } from "../imports/import-kind";
import type { CsvColumn } from "../imports/csv-columns";

export type WritableRecord = RegionalRecord & { id: string };

/** A rule broken by one field of an input (a CSV column, once mapped back). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A field of an input holding the global ID of another record of the shard. */
export interface Reference {
  field: string;
  entity: EntityClass<{ id: string }>;
  id: string | null | undefined;
}

/**
 * How one kind of regional record is written, by form (mutations) and by
 * file (imports) alike: the same input class, the same rules, the same
 * natural key. The writer runs the steps; a model only says what differs.
 */
export interface WriteModel<E extends WritableRecord = WritableRecord, I extends object = object> {
  entity: EntityClass<E> & ClassType<E>;
  /** The class-validator-decorated input, also the GraphQL input type. */
  input: ClassType<I>;
  kind: ImportKind;
  /** The input field holding the natural key; when it is the primary key, it cannot change. */
  keyField: keyof I & string;
  keyIsId: boolean;
  keyOf(input: I): string;
  rowKeyOf(row: E): string;
  /** Stored rows, archived ones too, with these natural keys. */
  findByKeys(em: SqlEntityManager, inputs: I[]): Promise<E[]>;
  newId(input: I): string;
  references(input: I): Reference[];
  /** Rules that need to know the shard (e.g. a TERYT code in the partnership's voivodeships). */
  check?(input: I, ctx: RegionalContext): FieldProblem[];
  /** Rules across records of the shard (a family's value belongs to the family's site), for inputs valid so far; problems by input position. */
  checkStored?(em: SqlEntityManager, inputs: I[]): Promise<Map<number, FieldProblem[]>>;
  /** Column values from a valid input; relations as the local IDs of the rows they point at. */
  data(input: I): Record<string, unknown>;
  /** Creates what new rows need first (a territorial unit for a new site); returns the rows it created. */
  prepare?(em: SqlEntityManager, inputs: I[], ctx: RegionalContext): Promise<WritableRecord[]>;
  /** Live rows pointing at a record keep it from being archived. */
  dependents: { entity: EntityClass<object>; column: string; label: string }[];
  /** Columns of the import file, in template order. */
  columns: CsvColumn<I>[];
}
