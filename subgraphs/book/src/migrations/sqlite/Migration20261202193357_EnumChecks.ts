import { Migration } from "@mikro-orm/migrations";

/**
 * CHECK constraints on the vocabulary columns. SQLite cannot alter a column, so each table is rebuilt (MikroORM's
 * generated copy, with its foreign-key pragmas left out: they do nothing inside the migration's transaction; the
 * database opener runs migrations with foreign keys off and checks every key before enforcing them again).
 */
export class Migration20261202193357_EnumChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`recommendation__temp_alter\` (\`id\` text not null, \`chapter_id\` text not null, \`number\` integer not null, \`title\` text not null, \`text\` text not null, \`version\` integer not null default 1, \`evidence_changed_at\` datetime null, \`status\` text check (\`status\` in ('DRAFT', 'REVIEW', 'ADOPTED')) not null, \`target_municipality_kinds\` json not null, \`target_sectors\` json not null default '[]', \`created_by\` text null, \`created_at\` datetime null, \`adopted_by\` text null, \`adopted_at\` datetime null, \`demo\` integer not null, constraint \`recommendation_chapter_id_foreign\` foreign key(\`chapter_id\`) references \`book_chapter\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`recommendation__temp_alter\` select \`id\`, \`chapter_id\`, \`number\`, \`title\`, \`text\`, \`version\`, \`evidence_changed_at\`, \`status\`, \`target_municipality_kinds\`, \`target_sectors\`, \`created_by\`, \`created_at\`, \`adopted_by\`, \`adopted_at\`, \`demo\` from \`recommendation\`;`,
    );
    this.addSql(`drop table \`recommendation\`;`);
    this.addSql(`alter table \`recommendation__temp_alter\` rename to \`recommendation\`;`);
    this.addSql(`create index \`recommendation_chapter_id_index\` on \`recommendation\` (\`chapter_id\`);`);
    this.addSql(`create index \`recommendation_status_index\` on \`recommendation\` (\`status\`);`);
    this.addSql(
      `create table \`evidence_link__temp_alter\` (\`id\` text not null, \`recommendation_id\` text not null, \`target_type\` text check (\`target_type\` in ('Partnership', 'PilotSite', 'IndicatorValue', 'CooperationBody', 'SupportActivity', 'Institution', 'OutcomeIndicator')) not null, \`target_id\` text not null, \`note\` text not null, constraint \`evidence_link_recommendation_id_foreign\` foreign key(\`recommendation_id\`) references \`recommendation\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`evidence_link__temp_alter\` select \`id\`, \`recommendation_id\`, \`target_type\`, \`target_id\`, \`note\` from \`evidence_link\`;`,
    );
    this.addSql(`drop table \`evidence_link\`;`);
    this.addSql(`alter table \`evidence_link__temp_alter\` rename to \`evidence_link\`;`);
    this.addSql(`create index \`evidence_link_recommendation_id_index\` on \`evidence_link\` (\`recommendation_id\`);`);
  }
}
