import { Migration } from "@mikro-orm/migrations";

export class Migration20261203004615_FamilyCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "family_count" ("site_id" varchar(255) not null, "social_contract" int not null, "cooperation_level" varchar(255) not null, "partnership" varchar(255) not null, "n" int not null, constraint "family_count_pkey" primary key ("site_id", "social_contract", "cooperation_level"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "family_count" cascade;`);
  }
}
