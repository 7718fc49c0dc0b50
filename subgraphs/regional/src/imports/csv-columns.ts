import type { EntityClass } from "@mikro-orm/core";

/** How one column of an import file's cells become one field of the input. */
export type CellType =
  | { type: "text" }
  | { type: "integer" }
  /** A number; the Polish decimal comma is accepted ("12,5"), and spaces between thousands. */
  | { type: "decimal" }
  | { type: "boolean" }
  /** An enum value, written as in the API (e.g. ACTIVE). */
  | { type: "enum" }
  /** A record of this shard by its key; with `by`, looked up by another unique column (a family's code). */
  | { type: "reference"; entity: EntityClass<{ id: string }>; by?: string };

export type CsvColumn<I> = CellType & {
  /** Header of the column in the file (snake_case, as in the templates). */
  name: string;
  field: keyof I & string;
  required: boolean;
  /** One line for the owners' guide and the template's documentation. */
  description: string;
};

export const column = <I>(name: string, field: keyof I & string, required: boolean, cell: CellType, description: string): CsvColumn<I> => ({
  name,
  field,
  required,
  description,
  ...cell,
});
