import { Migration } from "@mikro-orm/migrations";

export class Migration20261125033837_Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`source\` (\`id\` text not null, \`partnership\` text not null, \`code\` text not null, \`file_name\` text not null, \`publisher\` text not null, \`title\` text not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`partnership\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`name\` text not null, \`macroregion\` text not null, \`target_municipality_kinds\` json not null, \`target_description\` text not null, \`programme\` text not null, \`priority_axis\` text not null, \`action\` text not null, \`fund\` text not null, \`starts_on\` text not null, \`ends_on\` text not null, \`total_value_grosze\` bigint null, \`eu_cofinancing_grosze\` bigint null, \`goal\` text not null, \`model_description\` text not null, \`cooperation_levels\` json not null, \`selection_criteria\` json not null, \`support_forms\` json not null, constraint \`partnership_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`partnership_partnership_index\` on \`partnership\` (\`partnership\`);`);
    this.addSql(`create index \`partnership_source_id_index\` on \`partnership\` (\`source_id\`);`);

    this.addSql(
      `create table \`outcome_indicator\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`code\` text not null, \`name\` text not null, \`unit\` text not null, \`definition\` text not null, \`level\` text not null, constraint \`outcome_indicator_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`outcome_indicator_partnership_index\` on \`outcome_indicator\` (\`partnership\`);`);
    this.addSql(`create index \`outcome_indicator_source_id_index\` on \`outcome_indicator\` (\`source_id\`);`);

    this.addSql(
      `create table \`model_structure\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`kind\` text not null, \`local_name\` text not null, \`description\` text not null, \`typical_members\` integer null, \`meeting_format\` text null, constraint \`model_structure_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`model_structure_partnership_index\` on \`model_structure\` (\`partnership\`);`);
    this.addSql(`create index \`model_structure_source_id_index\` on \`model_structure\` (\`source_id\`);`);

    this.addSql(
      `create table \`territorial_unit\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`teryt\` text not null, \`name\` text not null, \`level\` text not null, \`municipality_kind\` text null, \`population\` integer null, \`parent_id\` text null, constraint \`territorial_unit_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`territorial_unit_parent_id_foreign\` foreign key(\`parent_id\`) references \`territorial_unit\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`territorial_unit_partnership_index\` on \`territorial_unit\` (\`partnership\`);`);
    this.addSql(`create index \`territorial_unit_source_id_index\` on \`territorial_unit\` (\`source_id\`);`);
    this.addSql(`create index \`territorial_unit_parent_id_index\` on \`territorial_unit\` (\`parent_id\`);`);

    this.addSql(
      `create table \`pilot_site\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`name\` text not null, \`unit_id\` text not null, \`status\` text not null, \`joined_on\` text null, \`agreement\` text null, constraint \`pilot_site_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`pilot_site_unit_id_foreign\` foreign key(\`unit_id\`) references \`territorial_unit\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`pilot_site_partnership_index\` on \`pilot_site\` (\`partnership\`);`);
    this.addSql(`create index \`pilot_site_source_id_index\` on \`pilot_site\` (\`source_id\`);`);
    this.addSql(`create index \`pilot_site_unit_id_index\` on \`pilot_site\` (\`unit_id\`);`);

    this.addSql(
      `create table \`supported_family\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`code\` text not null, \`site_id\` text not null, \`cooperation_level\` text not null, \`social_contract\` integer not null, \`started_on\` text not null, \`ended_on\` text null, constraint \`supported_family_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`supported_family_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`supported_family_partnership_index\` on \`supported_family\` (\`partnership\`);`);
    this.addSql(`create index \`supported_family_source_id_index\` on \`supported_family\` (\`source_id\`);`);
    this.addSql(`create unique index \`supported_family_code_unique\` on \`supported_family\` (\`code\`);`);
    this.addSql(`create index \`supported_family_site_id_index\` on \`supported_family\` (\`site_id\`);`);

    this.addSql(
      `create table \`support_activity\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`kind\` text not null, \`title\` text not null, \`held_on\` text not null, \`site_id\` text null, \`participants\` integer not null, constraint \`support_activity_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`support_activity_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`support_activity_partnership_index\` on \`support_activity\` (\`partnership\`);`);
    this.addSql(`create index \`support_activity_source_id_index\` on \`support_activity\` (\`source_id\`);`);
    this.addSql(`create index \`support_activity_held_on_index\` on \`support_activity\` (\`held_on\`);`);
    this.addSql(`create index \`support_activity_site_id_index\` on \`support_activity\` (\`site_id\`);`);

    this.addSql(
      `create table \`indicator_value\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`indicator_id\` text not null, \`site_id\` text not null, \`family_id\` text null, \`period\` text not null, \`value\` double not null, constraint \`indicator_value_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`indicator_value_indicator_id_foreign\` foreign key(\`indicator_id\`) references \`outcome_indicator\`(\`id\`) on update cascade, constraint \`indicator_value_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on update cascade, constraint \`indicator_value_family_id_foreign\` foreign key(\`family_id\`) references \`supported_family\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`indicator_value_partnership_index\` on \`indicator_value\` (\`partnership\`);`);
    this.addSql(`create index \`indicator_value_source_id_index\` on \`indicator_value\` (\`source_id\`);`);
    this.addSql(`create index \`indicator_value_indicator_id_index\` on \`indicator_value\` (\`indicator_id\`);`);
    this.addSql(`create index \`indicator_value_site_id_index\` on \`indicator_value\` (\`site_id\`);`);
    this.addSql(`create index \`indicator_value_family_id_index\` on \`indicator_value\` (\`family_id\`);`);
    this.addSql(`create index \`indicator_value_period_index\` on \`indicator_value\` (\`period\`);`);

    this.addSql(
      `create table \`cooperation_body\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`kind\` text not null, \`name\` text not null, \`site_id\` text null, \`member_count\` integer null, \`meeting_format\` text null, constraint \`cooperation_body_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`cooperation_body_site_id_foreign\` foreign key(\`site_id\`) references \`pilot_site\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`cooperation_body_partnership_index\` on \`cooperation_body\` (\`partnership\`);`);
    this.addSql(`create index \`cooperation_body_source_id_index\` on \`cooperation_body\` (\`source_id\`);`);
    this.addSql(`create index \`cooperation_body_site_id_index\` on \`cooperation_body\` (\`site_id\`);`);

    this.addSql(
      `create table \`institution\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`name\` text not null, \`short_name\` text not null, \`kind\` text not null, \`city\` text null, \`voivodeship_id\` text null, constraint \`institution_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`institution_voivodeship_id_foreign\` foreign key(\`voivodeship_id\`) references \`territorial_unit\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`institution_partnership_index\` on \`institution\` (\`partnership\`);`);
    this.addSql(`create index \`institution_source_id_index\` on \`institution\` (\`source_id\`);`);
    this.addSql(`create index \`institution_voivodeship_id_index\` on \`institution\` (\`voivodeship_id\`);`);

    this.addSql(
      `create table \`partnership_member\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`institution_id\` text not null, \`role\` text not null, \`role_description\` text null, constraint \`partnership_member_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`partnership_member_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`partnership_member_partnership_index\` on \`partnership_member\` (\`partnership\`);`);
    this.addSql(`create index \`partnership_member_source_id_index\` on \`partnership_member\` (\`source_id\`);`);
    this.addSql(`create index \`partnership_member_institution_id_index\` on \`partnership_member\` (\`institution_id\`);`);

    this.addSql(
      `create table \`lead_partner_claim\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`institution_id\` text not null, \`quote\` text not null, constraint \`lead_partner_claim_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`lead_partner_claim_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`lead_partner_claim_partnership_index\` on \`lead_partner_claim\` (\`partnership\`);`);
    this.addSql(`create index \`lead_partner_claim_source_id_index\` on \`lead_partner_claim\` (\`source_id\`);`);
    this.addSql(`create index \`lead_partner_claim_institution_id_index\` on \`lead_partner_claim\` (\`institution_id\`);`);

    this.addSql(
      `create table \`body_member\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`body_id\` text not null, \`institution_id\` text not null, \`joined_on\` text null, \`representation\` text null, constraint \`body_member_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`body_member_body_id_foreign\` foreign key(\`body_id\`) references \`cooperation_body\`(\`id\`) on update cascade, constraint \`body_member_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`body_member_partnership_index\` on \`body_member\` (\`partnership\`);`);
    this.addSql(`create index \`body_member_source_id_index\` on \`body_member\` (\`source_id\`);`);
    this.addSql(`create index \`body_member_body_id_index\` on \`body_member\` (\`body_id\`);`);
    this.addSql(`create index \`body_member_institution_id_index\` on \`body_member\` (\`institution_id\`);`);
  }
}
