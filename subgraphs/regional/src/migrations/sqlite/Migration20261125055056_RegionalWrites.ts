import { Migration } from "@mikro-orm/migrations";

export class Migration20261125055056_RegionalWrites extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`import_batch\` (\`id\` text not null, \`partnership\` text not null, \`kind\` text not null, \`file_name\` text not null, \`checksum\` text not null, \`imported_at\` text not null, \`imported_by\` text not null, \`rows\` integer not null, \`created\` integer not null, \`updated\` integer not null, \`unchanged\` integer not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`partnership\` text not null, \`at\` text not null, \`actor\` text not null, \`actor_role\` text not null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`before\` json null, \`after\` json null, \`import_batch_id\` text null, constraint \`audit_entry_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`create index \`audit_entry_import_batch_id_index\` on \`audit_entry\` (\`import_batch_id\`);`);
    this.addSql(`create index \`audit_entry_entity_type_entity_id_id_index\` on \`audit_entry\` (\`entity_type\`, \`entity_id\`, \`id\`);`);

    this.addSql(
      `create table \`body_meeting\` (\`id\` text not null, \`partnership\` text not null, \`provenance_kind\` text not null, \`source_id\` text null, \`provenance_note\` text null, \`import_batch_id\` text null, \`version\` integer not null default 1, \`archived_at\` text null, \`body_id\` text not null, \`held_on\` text not null, \`participants\` integer null, \`topic\` text null, constraint \`body_meeting_source_id_foreign\` foreign key(\`source_id\`) references \`source\`(\`id\`) on delete set null on update cascade, constraint \`body_meeting_import_batch_id_foreign\` foreign key(\`import_batch_id\`) references \`import_batch\`(\`id\`) on delete set null on update cascade, constraint \`body_meeting_body_id_foreign\` foreign key(\`body_id\`) references \`cooperation_body\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`body_meeting_partnership_index\` on \`body_meeting\` (\`partnership\`);`);
    this.addSql(`create index \`body_meeting_source_id_index\` on \`body_meeting\` (\`source_id\`);`);
    this.addSql(`create index \`body_meeting_import_batch_id_index\` on \`body_meeting\` (\`import_batch_id\`);`);
    this.addSql(`create index \`body_meeting_body_id_index\` on \`body_meeting\` (\`body_id\`);`);
    this.addSql(`create index \`body_meeting_body_id_held_on_index\` on \`body_meeting\` (\`body_id\`, \`held_on\`);`);

    this.addSql(
      `alter table \`partnership\` add column \`import_batch_id\` text null constraint \`partnership_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`partnership\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`partnership\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`partnership_import_batch_id_index\` on \`partnership\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`outcome_indicator\` add column \`import_batch_id\` text null constraint \`outcome_indicator_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`outcome_indicator\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`outcome_indicator\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`outcome_indicator_import_batch_id_index\` on \`outcome_indicator\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`model_structure\` add column \`import_batch_id\` text null constraint \`model_structure_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`model_structure\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`model_structure\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`model_structure_import_batch_id_index\` on \`model_structure\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`territorial_unit\` add column \`import_batch_id\` text null constraint \`territorial_unit_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`territorial_unit\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`territorial_unit\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`territorial_unit_import_batch_id_index\` on \`territorial_unit\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`pilot_site\` add column \`import_batch_id\` text null constraint \`pilot_site_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`pilot_site\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`pilot_site\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`pilot_site_import_batch_id_index\` on \`pilot_site\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`supported_family\` add column \`import_batch_id\` text null constraint \`supported_family_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`supported_family\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`supported_family\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`supported_family_import_batch_id_index\` on \`supported_family\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`support_activity\` add column \`import_batch_id\` text null constraint \`support_activity_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`support_activity\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`support_activity\` add column \`archived_at\` text null;`);
    this.addSql(`alter table \`support_activity\` add column \`cost_grosze\` bigint null;`);
    this.addSql(`create index \`support_activity_import_batch_id_index\` on \`support_activity\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`indicator_value\` add column \`import_batch_id\` text null constraint \`indicator_value_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`indicator_value\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`indicator_value\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`indicator_value_import_batch_id_index\` on \`indicator_value\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`cooperation_body\` add column \`import_batch_id\` text null constraint \`cooperation_body_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`cooperation_body\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`cooperation_body\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`cooperation_body_import_batch_id_index\` on \`cooperation_body\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`institution\` add column \`import_batch_id\` text null constraint \`institution_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`institution\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`institution\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`institution_import_batch_id_index\` on \`institution\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`partnership_member\` add column \`import_batch_id\` text null constraint \`partnership_member_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`partnership_member\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`partnership_member\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`partnership_member_import_batch_id_index\` on \`partnership_member\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`lead_partner_claim\` add column \`import_batch_id\` text null constraint \`lead_partner_claim_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`lead_partner_claim\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`lead_partner_claim\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`lead_partner_claim_import_batch_id_index\` on \`lead_partner_claim\` (\`import_batch_id\`);`);

    this.addSql(
      `alter table \`body_member\` add column \`import_batch_id\` text null constraint \`body_member_import_batch_id_foreign\` references \`import_batch\` (\`id\`) on update cascade on delete set null;`,
    );
    this.addSql(`alter table \`body_member\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`body_member\` add column \`archived_at\` text null;`);
    this.addSql(`create index \`body_member_import_batch_id_index\` on \`body_member\` (\`import_batch_id\`);`);
  }
}
