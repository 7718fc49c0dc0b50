import { Migration } from "@mikro-orm/migrations";

export class Migration20261202132510_FieldClaims extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "field_claim" ("id" varchar(255) not null, "partnership" varchar(255) not null, "record_type" varchar(255) not null, "record_id" varchar(255) not null, "field" varchar(255) not null, "kind" varchar(255) null, "omission" varchar(255) null, "sources" jsonb not null, "note" text null, constraint "field_claim_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "field_claim_record_id_record_type_index" on "field_claim" ("record_id", "record_type");`);

    this.addSql(`alter table "source" add column "published_by" varchar(255) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "field_claim" cascade;`);

    this.addSql(`alter table "source" drop column "published_by";`);
  }
}
