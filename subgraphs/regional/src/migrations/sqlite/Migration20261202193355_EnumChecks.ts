import { Migration } from "@mikro-orm/migrations";

/**
 * CHECK constraints on the vocabulary columns. SQLite cannot alter a column, so each table is rebuilt (MikroORM's
 * generated copy, with its foreign-key pragmas left out: they do nothing inside the migration's transaction; the
 * database opener runs migrations with foreign keys off and checks every key before enforcing them again).
 */
export class Migration20261202193355_EnumChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`field_claim__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`record_type\` text not null, \`record_id\` text not null, \`field\` text not null, \`kind\` text check (\`kind\` in ('SOURCE_PAGE', 'DERIVED', 'INFERRED', 'REFERENCE_DATA', 'SYNTHETIC_DEMO', 'SYNTHETIC', 'IMPORT', 'ENTERED')) null, \`omission\` text check (\`omission\` in ('PERSONAL_DATA')) null, \`sources\` json not null, \`note\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`field_claim__temp_alter\` select \`id\`, \`partnership\`, \`record_type\`, \`record_id\`, \`field\`, \`kind\`, \`omission\`, \`sources\`, \`note\` from \`field_claim\`;`,
    );
    this.addSql(`drop table \`field_claim\`;`);
    this.addSql(`alter table \`field_claim__temp_alter\` rename to \`field_claim\`;`);
    this.addSql(`create index \`field_claim_record_id_record_type_index\` on \`field_claim\` (\`record_id\`, \`record_type\`);`);
    this.addSql(
      `create table \`import_batch__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`kind\` text check (\`kind\` in ('SITES', 'BODIES', 'MEETINGS', 'ACTIVITIES', 'FAMILIES', 'INDICATOR_VALUES', 'INSTITUTIONS', 'BODY_MEMBERS')) not null, \`file_name\` text not null, \`checksum\` text not null, \`imported_at\` text not null, \`imported_by\` text not null, \`rows\` integer not null, \`created\` integer not null, \`updated\` integer not null, \`unchanged\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`import_batch__temp_alter\` select \`id\`, \`partnership\`, \`kind\`, \`file_name\`, \`checksum\`, \`imported_at\`, \`imported_by\`, \`rows\`, \`created\`, \`updated\`, \`unchanged\` from \`import_batch\`;`,
    );
    this.addSql(`drop table \`import_batch\`;`);
    this.addSql(`alter table \`import_batch__temp_alter\` rename to \`import_batch\`;`);
    this.addSql(
      `create table \`audit_entry__temp_alter\` (\`id\` integer not null primary key autoincrement, \`partnership\` text not null, \`at\` text not null, \`actor\` text not null, \`actor_role\` text not null, \`action\` text check (\`action\` in ('CREATED', 'UPDATED', 'ARCHIVED')) not null, \`entity_type\` text not null, \`entity_id\` text not null, \`before\` json null, \`after\` json null, \`import_batch_id\` text null, constraint \`audit_entry_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(
      `insert into \`audit_entry__temp_alter\` select \`id\`, \`partnership\`, \`at\`, \`actor\`, \`actor_role\`, \`action\`, \`entity_type\`, \`entity_id\`, \`before\`, \`after\`, \`import_batch_id\` from \`audit_entry\`;`,
    );
    this.addSql(`drop table \`audit_entry\`;`);
    this.addSql(`alter table \`audit_entry__temp_alter\` rename to \`audit_entry\`;`);
    this.addSql(`create index \`audit_entry_import_batch_id_index\` on \`audit_entry\` (\`import_batch_id\`);`);
    this.addSql(`create index \`audit_entry_entity_type_entity_id_id_index\` on \`audit_entry\` (\`entity_type\`, \`entity_id\`, \`id\`);`);
    this.addSql(
      `create table \`outcome_indicator__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`code\` text not null, \`name\` text not null, \`unit\` text not null, \`definition\` text not null, \`level\` text check (\`level\` in ('SITE', 'FAMILY')) not null, \`about_families\` integer not null default false, \`basis\` text check (\`basis\` in ('REPORTED', 'RECORDS')) not null default 'REPORTED', \`aggregation\` text check (\`aggregation\` in ('SUM', 'MEAN')) not null default 'SUM', \`direction\` text check (\`direction\` in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')) not null default 'HIGHER_IS_BETTER', \`reported_by\` json not null default '["liderzy","kooperacja","kooperacje3d"]', \`region_specific\` integer not null default false, constraint \`outcome_indicator_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`outcome_indicator_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`outcome_indicator__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`code\`, \`name\`, \`unit\`, \`definition\`, \`level\`, \`about_families\`, \`basis\`, \`aggregation\`, \`direction\`, \`reported_by\`, \`region_specific\` from \`outcome_indicator\`;`,
    );
    this.addSql(`drop table \`outcome_indicator\`;`);
    this.addSql(`alter table \`outcome_indicator__temp_alter\` rename to \`outcome_indicator\`;`);
    this.addSql(`create index \`outcome_indicator_partnership_index\` on \`outcome_indicator\` (\`partnership\`);`);
    this.addSql(`create index \`outcome_indicator_source_id_index\` on \`outcome_indicator\` (\`source_id\`);`);
    this.addSql(`create index \`outcome_indicator_import_batch_id_index\` on \`outcome_indicator\` (\`import_batch_id\`);`);
    this.addSql(
      `create table \`model_structure__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`kind\` text check (\`kind\` in ('COUNTY_REFLECTIVE_GROUP', 'COUNTY_DECISION_MAKERS_GROUP', 'REGIONAL_REFLECTIVE_GROUP', 'PARTNERSHIP_COOPERATION_TEAM', 'SCHOOL_OF_COOPERATION')) not null, \`local_name\` text not null, \`description\` text not null, \`typical_members\` integer null, \`meeting_format\` text null, constraint \`model_structure_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`model_structure_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`model_structure__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`kind\`, \`local_name\`, \`description\`, \`typical_members\`, \`meeting_format\` from \`model_structure\`;`,
    );
    this.addSql(`drop table \`model_structure\`;`);
    this.addSql(`alter table \`model_structure__temp_alter\` rename to \`model_structure\`;`);
    this.addSql(`create index \`model_structure_partnership_index\` on \`model_structure\` (\`partnership\`);`);
    this.addSql(`create index \`model_structure_source_id_index\` on \`model_structure\` (\`source_id\`);`);
    this.addSql(`create index \`model_structure_import_batch_id_index\` on \`model_structure\` (\`import_batch_id\`);`);
    this.addSql(
      `create table \`territorial_unit__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`teryt\` text not null, \`name\` text not null, \`level\` text check (\`level\` in ('VOIVODESHIP', 'POWIAT', 'GMINA')) not null, \`municipality_kind\` text check (\`municipality_kind\` in ('URBAN', 'RURAL', 'URBAN_RURAL')) null, \`population\` integer null, \`parent_id\` text null, constraint \`territorial_unit_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`territorial_unit_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`territorial_unit_parent_id_foreign\` foreign key(\`parent_id\`) references \`territorial_unit\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`territorial_unit__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`teryt\`, \`name\`, \`level\`, \`municipality_kind\`, \`population\`, \`parent_id\` from \`territorial_unit\`;`,
    );
    this.addSql(`drop table \`territorial_unit\`;`);
    this.addSql(`alter table \`territorial_unit__temp_alter\` rename to \`territorial_unit\`;`);
    this.addSql(`create index \`territorial_unit_partnership_index\` on \`territorial_unit\` (\`partnership\`);`);
    this.addSql(`create index \`territorial_unit_source_id_index\` on \`territorial_unit\` (\`source_id\`);`);
    this.addSql(`create index \`territorial_unit_import_batch_id_index\` on \`territorial_unit\` (\`import_batch_id\`);`);
    this.addSql(`create index \`territorial_unit_parent_id_index\` on \`territorial_unit\` (\`parent_id\`);`);
    this.addSql(
      `create table \`pilot_site__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`name\` text not null, \`unit_id\` text not null, \`status\` text check (\`status\` in ('INVITED', 'QUALIFIED', 'ACTIVE', 'COMPLETED')) not null, \`joined_on\` text null, \`agreement\` text null, constraint \`pilot_site_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`pilot_site_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`pilot_site_unit_id_foreign\` foreign key(\`unit_id\`) references \`territorial_unit\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`pilot_site__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`name\`, \`unit_id\`, \`status\`, \`joined_on\`, \`agreement\` from \`pilot_site\`;`,
    );
    this.addSql(`drop table \`pilot_site\`;`);
    this.addSql(`alter table \`pilot_site__temp_alter\` rename to \`pilot_site\`;`);
    this.addSql(`create index \`pilot_site_partnership_index\` on \`pilot_site\` (\`partnership\`);`);
    this.addSql(`create index \`pilot_site_source_id_index\` on \`pilot_site\` (\`source_id\`);`);
    this.addSql(`create index \`pilot_site_import_batch_id_index\` on \`pilot_site\` (\`import_batch_id\`);`);
    this.addSql(`create index \`pilot_site_unit_id_index\` on \`pilot_site\` (\`unit_id\`);`);
    this.addSql(`create index \`pilot_site_name_id_index\` on \`pilot_site\` (\`name\`, \`id\`);`);
    this.addSql(
      `create table \`supported_family__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`code\` text not null, \`site_id\` text not null, \`cooperation_level\` text check (\`cooperation_level\` in ('INSTITUTION', 'WORKER', 'CLIENT')) not null, \`social_contract\` integer not null, \`started_on\` text not null, \`ended_on\` text null, \`record_key\` integer not null default 0, constraint \`supported_family_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`supported_family_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`supported_family_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`supported_family__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`code\`, \`site_id\`, \`cooperation_level\`, \`social_contract\`, \`started_on\`, \`ended_on\`, \`record_key\` from \`supported_family\`;`,
    );
    this.addSql(`drop table \`supported_family\`;`);
    this.addSql(`alter table \`supported_family__temp_alter\` rename to \`supported_family\`;`);
    this.addSql(`create index \`supported_family_partnership_index\` on \`supported_family\` (\`partnership\`);`);
    this.addSql(`create index \`supported_family_source_id_index\` on \`supported_family\` (\`source_id\`);`);
    this.addSql(`create index \`supported_family_import_batch_id_index\` on \`supported_family\` (\`import_batch_id\`);`);
    this.addSql(`create unique index \`supported_family_code_unique\` on \`supported_family\` (\`code\`);`);
    this.addSql(`create index \`supported_family_site_id_index\` on \`supported_family\` (\`site_id\`);`);
    this.addSql(`create index \`supported_family_started_on_id_index\` on \`supported_family\` (\`started_on\`, \`id\`);`);
    this.addSql(
      `create table \`support_activity__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`kind\` text check (\`kind\` in ('TRAINING', 'COACHING', 'SUPERVISION', 'ADVISORY', 'CONFERENCE', 'WORKSHOP', 'CONSULTATION_MEETING', 'EDUCATIONAL_MEETING', 'EXPERIENCE_EXCHANGE', 'EDUCATIONAL_PLATFORM', 'ANIMATION')) not null, \`title\` text not null, \`held_on\` text not null, \`site_id\` text null, \`participants\` integer not null, \`cost_grosze\` bigint null, constraint \`support_activity_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`support_activity_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`support_activity_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`support_activity__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`kind\`, \`title\`, \`held_on\`, \`site_id\`, \`participants\`, \`cost_grosze\` from \`support_activity\`;`,
    );
    this.addSql(`drop table \`support_activity\`;`);
    this.addSql(`alter table \`support_activity__temp_alter\` rename to \`support_activity\`;`);
    this.addSql(`create index \`support_activity_partnership_index\` on \`support_activity\` (\`partnership\`);`);
    this.addSql(`create index \`support_activity_source_id_index\` on \`support_activity\` (\`source_id\`);`);
    this.addSql(`create index \`support_activity_import_batch_id_index\` on \`support_activity\` (\`import_batch_id\`);`);
    this.addSql(`create index \`support_activity_held_on_index\` on \`support_activity\` (\`held_on\`);`);
    this.addSql(`create index \`support_activity_site_id_index\` on \`support_activity\` (\`site_id\`);`);
    this.addSql(`create index \`support_activity_title_id_index\` on \`support_activity\` (\`title\`, \`id\`);`);
    this.addSql(`create index \`support_activity_held_on_id_index\` on \`support_activity\` (\`held_on\`, \`id\`);`);
    this.addSql(
      `create table \`cooperation_body__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`kind\` text check (\`kind\` in ('COUNTY_REFLECTIVE_GROUP', 'COUNTY_DECISION_MAKERS_GROUP', 'REGIONAL_REFLECTIVE_GROUP', 'PARTNERSHIP_COOPERATION_TEAM', 'SCHOOL_OF_COOPERATION')) not null, \`name\` text not null, \`site_id\` text null, \`member_count\` integer null, \`meeting_format\` text null, constraint \`cooperation_body_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`cooperation_body_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`cooperation_body_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`cooperation_body__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`kind\`, \`name\`, \`site_id\`, \`member_count\`, \`meeting_format\` from \`cooperation_body\`;`,
    );
    this.addSql(`drop table \`cooperation_body\`;`);
    this.addSql(`alter table \`cooperation_body__temp_alter\` rename to \`cooperation_body\`;`);
    this.addSql(`create index \`cooperation_body_partnership_index\` on \`cooperation_body\` (\`partnership\`);`);
    this.addSql(`create index \`cooperation_body_source_id_index\` on \`cooperation_body\` (\`source_id\`);`);
    this.addSql(`create index \`cooperation_body_import_batch_id_index\` on \`cooperation_body\` (\`import_batch_id\`);`);
    this.addSql(`create index \`cooperation_body_site_id_index\` on \`cooperation_body\` (\`site_id\`);`);
    this.addSql(
      `create table \`institution__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`name\` text not null, \`short_name\` text not null, \`kind\` text check (\`kind\` in ('ROPS', 'RCPS', 'PCPR', 'OPS', 'UNIVERSITY', 'NGO', 'LOCAL_GOVERNMENT', 'OTHER')) not null, \`sector\` text check (\`sector\` in ('SOCIAL_ASSISTANCE', 'LABOUR_MARKET', 'EDUCATION', 'HEALTH', 'JUSTICE', 'POLICE', 'NGO', 'LOCAL_GOVERNMENT', 'SCIENCE', 'OTHER')) not null default 'OTHER', \`city\` text null, \`voivodeship_id\` text null, constraint \`institution_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`institution_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`institution_voivodeship_id_foreign\` foreign key(\`voivodeship_id\`) references \`territorial_unit\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`institution__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`name\`, \`short_name\`, \`kind\`, \`sector\`, \`city\`, \`voivodeship_id\` from \`institution\`;`,
    );
    this.addSql(`drop table \`institution\`;`);
    this.addSql(`alter table \`institution__temp_alter\` rename to \`institution\`;`);
    this.addSql(`create index \`institution_partnership_index\` on \`institution\` (\`partnership\`);`);
    this.addSql(`create index \`institution_source_id_index\` on \`institution\` (\`source_id\`);`);
    this.addSql(`create index \`institution_import_batch_id_index\` on \`institution\` (\`import_batch_id\`);`);
    this.addSql(`create index \`institution_voivodeship_id_index\` on \`institution\` (\`voivodeship_id\`);`);
    this.addSql(`create index \`institution_name_id_index\` on \`institution\` (\`name\`, \`id\`);`);
    this.addSql(`create index \`institution_short_name_id_index\` on \`institution\` (\`short_name\`, \`id\`);`);
    this.addSql(
      `create table \`partnership_member__temp_alter\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`institution_id\` text not null, \`role\` text check (\`role\` in ('PARTNER', 'ACADEMIC_PARTNER', 'PARTICIPANT')) not null, \`role_description\` text null, constraint \`partnership_member_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`partnership_member_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`partnership_member_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`partnership_member__temp_alter\` select \`id\`, \`partnership\`, \`provenance_kind\`, \`source_id\`, \`provenance_note\`, \`import_batch_id\`, \`version\`, \`archived_at\`, \`institution_id\`, \`role\`, \`role_description\` from \`partnership_member\`;`,
    );
    this.addSql(`drop table \`partnership_member\`;`);
    this.addSql(`alter table \`partnership_member__temp_alter\` rename to \`partnership_member\`;`);
    this.addSql(`create index \`partnership_member_partnership_index\` on \`partnership_member\` (\`partnership\`);`);
    this.addSql(`create index \`partnership_member_source_id_index\` on \`partnership_member\` (\`source_id\`);`);
    this.addSql(`create index \`partnership_member_import_batch_id_index\` on \`partnership_member\` (\`import_batch_id\`);`);
    this.addSql(`create index \`partnership_member_institution_id_index\` on \`partnership_member\` (\`institution_id\`);`);
  }
}
