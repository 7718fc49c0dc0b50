import { Migration } from "@mikro-orm/migrations";

export class Migration20261125151902_Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "import_batch" ("id" varchar(255) not null, "partnership" varchar(255) not null, "kind" varchar(255) not null, "file_name" varchar(255) not null, "checksum" varchar(255) not null, "imported_at" varchar(255) not null, "imported_by" varchar(255) not null, "rows" int not null, "created" int not null, "updated" int not null, "unchanged" int not null, constraint "import_batch_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "audit_entry" ("id" serial primary key, "partnership" varchar(255) not null, "at" varchar(255) not null, "actor" varchar(255) not null, "actor_role" varchar(255) not null, "action" varchar(255) not null, "entity_type" varchar(255) not null, "entity_id" varchar(255) not null, "before" jsonb null, "after" jsonb null, "import_batch_id" varchar(255) null);`,
    );
    this.addSql(`create index "audit_entry_entity_type_entity_id_id_index" on "audit_entry" ("entity_type", "entity_id", "id");`);

    this.addSql(
      `create table "source" ("id" varchar(255) not null, "partnership" varchar(255) not null, "code" varchar(255) not null, "file_name" varchar(255) not null, "publisher" varchar(255) not null, "title" text not null, constraint "source_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "partnership" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "name" varchar(255) not null, "macroregion" varchar(255) not null, "target_municipality_kinds" jsonb not null, "target_description" text not null, "programme" varchar(255) not null, "priority_axis" varchar(255) not null, "action" varchar(255) not null, "fund" varchar(255) not null, "starts_on" varchar(255) not null, "ends_on" varchar(255) not null, "total_value_grosze" bigint null, "eu_cofinancing_grosze" bigint null, "goal" text not null, "model_description" text not null, "cooperation_levels" jsonb not null, "selection_criteria" jsonb not null, "support_forms" jsonb not null, constraint "partnership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "partnership_partnership_index" on "partnership" ("partnership");`);

    this.addSql(
      `create table "outcome_indicator" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "code" varchar(255) not null, "name" varchar(255) not null, "unit" varchar(255) not null, "definition" text not null, "level" varchar(255) not null, "about_families" boolean not null default false, "basis" varchar(255) not null default 'REPORTED', "aggregation" varchar(255) not null default 'SUM', "direction" varchar(255) not null default 'HIGHER_IS_BETTER', "reported_by" jsonb not null default '["liderzy","kooperacja","kooperacje3d"]', "region_specific" boolean not null default false, constraint "outcome_indicator_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outcome_indicator_partnership_index" on "outcome_indicator" ("partnership");`);

    this.addSql(
      `create table "model_structure" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "kind" varchar(255) not null, "local_name" varchar(255) not null, "description" text not null, "typical_members" int null, "meeting_format" text null, constraint "model_structure_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "model_structure_partnership_index" on "model_structure" ("partnership");`);

    this.addSql(
      `create table "territorial_unit" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "teryt" varchar(255) not null, "name" varchar(255) not null, "level" varchar(255) not null, "municipality_kind" varchar(255) null, "population" int null, "parent_id" varchar(255) null, constraint "territorial_unit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "territorial_unit_partnership_index" on "territorial_unit" ("partnership");`);

    this.addSql(
      `create table "pilot_site" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "name" varchar(255) not null, "unit_id" varchar(255) not null, "status" varchar(255) not null, "joined_on" varchar(255) null, "agreement" text null, constraint "pilot_site_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pilot_site_partnership_index" on "pilot_site" ("partnership");`);
    this.addSql(`create index "pilot_site_name_id_index" on "pilot_site" ("name", "id");`);

    this.addSql(
      `create table "supported_family" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "code" varchar(255) not null, "site_id" varchar(255) not null, "cooperation_level" varchar(255) not null, "social_contract" boolean not null, "started_on" varchar(255) not null, "ended_on" varchar(255) null, constraint "supported_family_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "supported_family_partnership_index" on "supported_family" ("partnership");`);
    this.addSql(`alter table "supported_family" add constraint "supported_family_code_unique" unique ("code");`);
    this.addSql(`create index "supported_family_site_id_index" on "supported_family" ("site_id");`);
    this.addSql(`create index "supported_family_started_on_id_index" on "supported_family" ("started_on", "id");`);

    this.addSql(
      `create table "support_activity" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "kind" varchar(255) not null, "title" text not null, "held_on" varchar(255) not null, "site_id" varchar(255) null, "participants" int not null, "cost_grosze" bigint null, constraint "support_activity_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_activity_partnership_index" on "support_activity" ("partnership");`);
    this.addSql(`create index "support_activity_held_on_index" on "support_activity" ("held_on");`);
    this.addSql(`create index "support_activity_site_id_index" on "support_activity" ("site_id");`);
    this.addSql(`create index "support_activity_title_id_index" on "support_activity" ("title", "id");`);
    this.addSql(`create index "support_activity_held_on_id_index" on "support_activity" ("held_on", "id");`);

    this.addSql(
      `create table "indicator_value" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "indicator_id" varchar(255) not null, "site_id" varchar(255) not null, "family_id" varchar(255) null, "period" varchar(255) not null, "value" double precision not null, constraint "indicator_value_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "indicator_value_partnership_index" on "indicator_value" ("partnership");`);
    this.addSql(`create index "indicator_value_indicator_id_index" on "indicator_value" ("indicator_id");`);
    this.addSql(`create index "indicator_value_site_id_index" on "indicator_value" ("site_id");`);
    this.addSql(`create index "indicator_value_family_id_index" on "indicator_value" ("family_id");`);
    this.addSql(`create index "indicator_value_period_index" on "indicator_value" ("period");`);
    this.addSql(`create index "indicator_value_indicator_id_period_index" on "indicator_value" ("indicator_id", "period");`);
    this.addSql(`create index "indicator_value_value_id_index" on "indicator_value" ("value", "id");`);
    this.addSql(`create index "indicator_value_period_id_index" on "indicator_value" ("period", "id");`);

    this.addSql(
      `create table "cooperation_body" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "kind" varchar(255) not null, "name" text not null, "site_id" varchar(255) null, "member_count" int null, "meeting_format" text null, constraint "cooperation_body_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cooperation_body_partnership_index" on "cooperation_body" ("partnership");`);

    this.addSql(
      `create table "body_meeting" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "body_id" varchar(255) not null, "held_on" varchar(255) not null, "participants" int null, "topic" text null, constraint "body_meeting_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "body_meeting_partnership_index" on "body_meeting" ("partnership");`);
    this.addSql(`create index "body_meeting_body_id_held_on_index" on "body_meeting" ("body_id", "held_on");`);

    this.addSql(
      `create table "institution" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "name" text not null, "short_name" varchar(255) not null, "kind" varchar(255) not null, "sector" varchar(255) not null default 'OTHER', "city" varchar(255) null, "voivodeship_id" varchar(255) null, constraint "institution_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "institution_partnership_index" on "institution" ("partnership");`);
    this.addSql(`create index "institution_name_id_index" on "institution" ("name", "id");`);
    this.addSql(`create index "institution_short_name_id_index" on "institution" ("short_name", "id");`);

    this.addSql(
      `create table "partnership_member" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "institution_id" varchar(255) not null, "role" varchar(255) not null, "role_description" text null, constraint "partnership_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "partnership_member_partnership_index" on "partnership_member" ("partnership");`);

    this.addSql(
      `create table "lead_partner_claim" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "institution_id" varchar(255) not null, "quote" text not null, constraint "lead_partner_claim_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "lead_partner_claim_partnership_index" on "lead_partner_claim" ("partnership");`);

    this.addSql(
      `create table "body_member" ("id" varchar(255) not null, "partnership" varchar(255) not null, "provenance_kind" varchar(255) not null, "source_id" varchar(255) null, "provenance_note" text null, "import_batch_id" varchar(255) null, "version" int not null default 1, "archived_at" varchar(255) null, "body_id" varchar(255) not null, "institution_id" varchar(255) not null, "joined_on" varchar(255) null, "representation" text null, constraint "body_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "body_member_partnership_index" on "body_member" ("partnership");`);

    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "partnership" add constraint "partnership_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "partnership" add constraint "partnership_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "outcome_indicator" add constraint "outcome_indicator_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "outcome_indicator" add constraint "outcome_indicator_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "model_structure" add constraint "model_structure_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "model_structure" add constraint "model_structure_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "territorial_unit" add constraint "territorial_unit_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "territorial_unit" add constraint "territorial_unit_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "territorial_unit" add constraint "territorial_unit_parent_id_foreign" foreign key ("parent_id") references "territorial_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "pilot_site" add constraint "pilot_site_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pilot_site" add constraint "pilot_site_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pilot_site" add constraint "pilot_site_unit_id_foreign" foreign key ("unit_id") references "territorial_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "supported_family" add constraint "supported_family_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "supported_family" add constraint "supported_family_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "supported_family" add constraint "supported_family_site_id_foreign" foreign key ("site_id") references "pilot_site" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "support_activity" add constraint "support_activity_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_activity" add constraint "support_activity_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_activity" add constraint "support_activity_site_id_foreign" foreign key ("site_id") references "pilot_site" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_indicator_id_foreign" foreign key ("indicator_id") references "outcome_indicator" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_site_id_foreign" foreign key ("site_id") references "pilot_site" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_family_id_foreign" foreign key ("family_id") references "supported_family" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "cooperation_body" add constraint "cooperation_body_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cooperation_body" add constraint "cooperation_body_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cooperation_body" add constraint "cooperation_body_site_id_foreign" foreign key ("site_id") references "pilot_site" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "body_meeting" add constraint "body_meeting_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "body_meeting" add constraint "body_meeting_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "body_meeting" add constraint "body_meeting_body_id_foreign" foreign key ("body_id") references "cooperation_body" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "institution" add constraint "institution_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "institution" add constraint "institution_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "institution" add constraint "institution_voivodeship_id_foreign" foreign key ("voivodeship_id") references "territorial_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "partnership_member" add constraint "partnership_member_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "partnership_member" add constraint "partnership_member_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "partnership_member" add constraint "partnership_member_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "lead_partner_claim" add constraint "lead_partner_claim_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "lead_partner_claim" add constraint "lead_partner_claim_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "lead_partner_claim" add constraint "lead_partner_claim_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "body_member" add constraint "body_member_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "body_member" add constraint "body_member_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "body_member" add constraint "body_member_body_id_foreign" foreign key ("body_id") references "cooperation_body" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "body_member" add constraint "body_member_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_import_batch_id_foreign";`);

    this.addSql(`alter table "partnership" drop constraint "partnership_import_batch_id_foreign";`);

    this.addSql(`alter table "outcome_indicator" drop constraint "outcome_indicator_import_batch_id_foreign";`);

    this.addSql(`alter table "model_structure" drop constraint "model_structure_import_batch_id_foreign";`);

    this.addSql(`alter table "territorial_unit" drop constraint "territorial_unit_import_batch_id_foreign";`);

    this.addSql(`alter table "pilot_site" drop constraint "pilot_site_import_batch_id_foreign";`);

    this.addSql(`alter table "supported_family" drop constraint "supported_family_import_batch_id_foreign";`);

    this.addSql(`alter table "support_activity" drop constraint "support_activity_import_batch_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_import_batch_id_foreign";`);

    this.addSql(`alter table "cooperation_body" drop constraint "cooperation_body_import_batch_id_foreign";`);

    this.addSql(`alter table "body_meeting" drop constraint "body_meeting_import_batch_id_foreign";`);

    this.addSql(`alter table "institution" drop constraint "institution_import_batch_id_foreign";`);

    this.addSql(`alter table "partnership_member" drop constraint "partnership_member_import_batch_id_foreign";`);

    this.addSql(`alter table "lead_partner_claim" drop constraint "lead_partner_claim_import_batch_id_foreign";`);

    this.addSql(`alter table "body_member" drop constraint "body_member_import_batch_id_foreign";`);

    this.addSql(`alter table "partnership" drop constraint "partnership_source_id_foreign";`);

    this.addSql(`alter table "outcome_indicator" drop constraint "outcome_indicator_source_id_foreign";`);

    this.addSql(`alter table "model_structure" drop constraint "model_structure_source_id_foreign";`);

    this.addSql(`alter table "territorial_unit" drop constraint "territorial_unit_source_id_foreign";`);

    this.addSql(`alter table "pilot_site" drop constraint "pilot_site_source_id_foreign";`);

    this.addSql(`alter table "supported_family" drop constraint "supported_family_source_id_foreign";`);

    this.addSql(`alter table "support_activity" drop constraint "support_activity_source_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_source_id_foreign";`);

    this.addSql(`alter table "cooperation_body" drop constraint "cooperation_body_source_id_foreign";`);

    this.addSql(`alter table "body_meeting" drop constraint "body_meeting_source_id_foreign";`);

    this.addSql(`alter table "institution" drop constraint "institution_source_id_foreign";`);

    this.addSql(`alter table "partnership_member" drop constraint "partnership_member_source_id_foreign";`);

    this.addSql(`alter table "lead_partner_claim" drop constraint "lead_partner_claim_source_id_foreign";`);

    this.addSql(`alter table "body_member" drop constraint "body_member_source_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_indicator_id_foreign";`);

    this.addSql(`alter table "territorial_unit" drop constraint "territorial_unit_parent_id_foreign";`);

    this.addSql(`alter table "pilot_site" drop constraint "pilot_site_unit_id_foreign";`);

    this.addSql(`alter table "institution" drop constraint "institution_voivodeship_id_foreign";`);

    this.addSql(`alter table "supported_family" drop constraint "supported_family_site_id_foreign";`);

    this.addSql(`alter table "support_activity" drop constraint "support_activity_site_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_site_id_foreign";`);

    this.addSql(`alter table "cooperation_body" drop constraint "cooperation_body_site_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_family_id_foreign";`);

    this.addSql(`alter table "body_meeting" drop constraint "body_meeting_body_id_foreign";`);

    this.addSql(`alter table "body_member" drop constraint "body_member_body_id_foreign";`);

    this.addSql(`alter table "partnership_member" drop constraint "partnership_member_institution_id_foreign";`);

    this.addSql(`alter table "lead_partner_claim" drop constraint "lead_partner_claim_institution_id_foreign";`);

    this.addSql(`alter table "body_member" drop constraint "body_member_institution_id_foreign";`);

    this.addSql(`drop table if exists "import_batch" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "source" cascade;`);

    this.addSql(`drop table if exists "partnership" cascade;`);

    this.addSql(`drop table if exists "outcome_indicator" cascade;`);

    this.addSql(`drop table if exists "model_structure" cascade;`);

    this.addSql(`drop table if exists "territorial_unit" cascade;`);

    this.addSql(`drop table if exists "pilot_site" cascade;`);

    this.addSql(`drop table if exists "supported_family" cascade;`);

    this.addSql(`drop table if exists "support_activity" cascade;`);

    this.addSql(`drop table if exists "indicator_value" cascade;`);

    this.addSql(`drop table if exists "cooperation_body" cascade;`);

    this.addSql(`drop table if exists "body_meeting" cascade;`);

    this.addSql(`drop table if exists "institution" cascade;`);

    this.addSql(`drop table if exists "partnership_member" cascade;`);

    this.addSql(`drop table if exists "lead_partner_claim" cascade;`);

    this.addSql(`drop table if exists "body_member" cascade;`);
  }
}
