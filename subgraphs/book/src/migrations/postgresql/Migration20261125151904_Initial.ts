import { Migration } from "@mikro-orm/migrations";

export class Migration20261125151904_Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "book_change" ("id" serial primary key, "subject_type" varchar(255) not null, "subject_id" varchar(255) not null, "at" timestamptz not null, "author" varchar(255) not null, "action" varchar(255) not null, "changes" jsonb not null);`,
    );
    this.addSql(`create index "book_change_subject_type_subject_id_at_index" on "book_change" ("subject_type", "subject_id", "at");`);

    this.addSql(
      `create table "book_chapter" ("id" varchar(255) not null, "number" int not null, "title" varchar(255) not null, "summary" text not null, "demo" boolean not null, constraint "book_chapter_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "book_chapter" add constraint "book_chapter_number_unique" unique ("number");`);

    this.addSql(
      `create table "recommendation" ("id" varchar(255) not null, "chapter_id" varchar(255) not null, "number" int not null, "title" varchar(255) not null, "text" text not null, "version" int not null default 1, "status" varchar(255) not null, "target_municipality_kinds" jsonb not null, "target_sectors" jsonb not null default '[]', "created_by" varchar(255) null, "created_at" timestamptz null, "adopted_by" varchar(255) null, "adopted_at" timestamptz null, "demo" boolean not null, constraint "recommendation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "recommendation_chapter_id_index" on "recommendation" ("chapter_id");`);
    this.addSql(`create index "recommendation_status_index" on "recommendation" ("status");`);

    this.addSql(
      `create table "evidence_link" ("id" varchar(255) not null, "recommendation_id" varchar(255) not null, "target_type" varchar(255) not null, "target_id" varchar(255) not null, "note" text not null, constraint "evidence_link_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "evidence_link_recommendation_id_index" on "evidence_link" ("recommendation_id");`);

    this.addSql(
      `create table "recommendation_partnership" ("id" varchar(255) not null, "recommendation_id" varchar(255) not null, "partnership_id" varchar(255) not null, constraint "recommendation_partnership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "recommendation_partnership_recommendation_id_index" on "recommendation_partnership" ("recommendation_id");`);
    this.addSql(`create index "recommendation_partnership_partnership_id_index" on "recommendation_partnership" ("partnership_id");`);

    this.addSql(
      `create table "saved_comparison" ("id" varchar(255) not null, "recommendation_id" varchar(255) not null, "note" text not null, "indicators" jsonb not null, "by" jsonb not null, "grain" varchar(255) not null, "filter" jsonb null, "saved_by" varchar(255) not null, "saved_at" timestamptz not null, "snapshot" jsonb null, "snapshot_at" timestamptz null, constraint "saved_comparison_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "saved_comparison_recommendation_id_index" on "saved_comparison" ("recommendation_id");`);

    this.addSql(
      `alter table "recommendation" add constraint "recommendation_chapter_id_foreign" foreign key ("chapter_id") references "book_chapter" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "evidence_link" add constraint "evidence_link_recommendation_id_foreign" foreign key ("recommendation_id") references "recommendation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "recommendation_partnership" add constraint "recommendation_partnership_recommendation_id_foreign" foreign key ("recommendation_id") references "recommendation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "saved_comparison" add constraint "saved_comparison_recommendation_id_foreign" foreign key ("recommendation_id") references "recommendation" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "recommendation" drop constraint "recommendation_chapter_id_foreign";`);

    this.addSql(`alter table "evidence_link" drop constraint "evidence_link_recommendation_id_foreign";`);

    this.addSql(`alter table "recommendation_partnership" drop constraint "recommendation_partnership_recommendation_id_foreign";`);

    this.addSql(`alter table "saved_comparison" drop constraint "saved_comparison_recommendation_id_foreign";`);

    this.addSql(`drop table if exists "book_change" cascade;`);

    this.addSql(`drop table if exists "book_chapter" cascade;`);

    this.addSql(`drop table if exists "recommendation" cascade;`);

    this.addSql(`drop table if exists "evidence_link" cascade;`);

    this.addSql(`drop table if exists "recommendation_partnership" cascade;`);

    this.addSql(`drop table if exists "saved_comparison" cascade;`);
  }
}
