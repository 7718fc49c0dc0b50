import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/core";
import { Authorized, Directive, Field, Int, ObjectType } from "type-graphql";
import { Node } from "../nodes/node";
import { Access } from "../access/access-rules";
import { ImportKind } from "./import-kind";

/** One file a regional owner imported: what, by whom, when, and with what outcome. */
@Entity({ tableName: "import_batch" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A file imported by a regional owner; imported records point to it as their origin." })
export class ImportBatch {
  /** Its global ID is the import resolver's. */
  @PrimaryKey({ type: "string" })
  id!: string;

  @Property({ type: "string" })
  partnership!: string;

  @Field(() => ImportKind, { description: "Kind of records in the file." })
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Field(() => String, { description: "Name of the file as uploaded." })
  @Property({ type: "string" })
  fileName!: string;

  @Field(() => String, { description: "SHA-256 of the file's bytes, hex." })
  @Property({ type: "string" })
  checksum!: string;

  @Field(() => String, { description: "When the import was written (ISO 8601, UTC)." })
  @Property({ type: "string" })
  importedAt!: string;

  @Authorized(Access.OWN_PARTNERSHIP)
  @Field(() => String, { nullable: true, description: "Subject (token `sub`) of the owner who imported it (the region's owner only)." })
  @Property({ type: "string" })
  importedBy!: string;

  @Field(() => Int, { description: "Data rows in the file." })
  @Property({ type: "integer" })
  rows!: number;

  @Field(() => Int, { description: "Records the import created." })
  @Property({ type: "integer" })
  created!: number;

  @Field(() => Int, { description: "Records the import changed." })
  @Property({ type: "integer" })
  updated!: number;

  @Field(() => Int, { description: "Rows identical to the record already stored." })
  @Property({ type: "integer" })
  unchanged!: number;
}
