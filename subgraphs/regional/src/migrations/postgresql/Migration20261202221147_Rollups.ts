import { Migration } from "@mikro-orm/migrations";

export class Migration20261202221147_Rollups extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "indicator_rollup" ("indicator_id" varchar(255) not null, "grain" varchar(255) not null, "period" varchar(255) not null, "sector" varchar(255) not null, "site_id" varchar(255) not null, "partnership" varchar(255) not null, "n" int not null, "sum" double precision not null, "min" double precision null, "max" double precision null, "record_key" int not null, "synthetic" int not null, "families" int null, "family_key" int null, constraint "indicator_rollup_pkey" primary key ("indicator_id", "grain", "period", "sector", "site_id"));`,
    );

    this.addSql(
      `create table "rollup_build" ("name" varchar(255) not null, "partnership" varchar(255) not null, "version" int not null, "built_at" varchar(255) not null, "cells" int not null, constraint "rollup_build_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "indicator_rollup" cascade;`);

    this.addSql(`drop table if exists "rollup_build" cascade;`);
  }
}
