import { Migration } from "@mikro-orm/migrations";

export class Migration20261202221147_Rollups extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`indicator_rollup\` (\`indicator_id\` text not null, \`grain\` text not null, \`period\` text not null, \`sector\` text not null, \`site_id\` text not null, \`partnership\` text not null, \`n\` integer not null, \`sum\` double not null, \`min\` double null, \`max\` double null, \`record_key\` integer not null, \`synthetic\` integer not null, \`families\` integer null, \`family_key\` integer null, primary key (\`indicator_id\`, \`grain\`, \`period\`, \`sector\`, \`site_id\`));`,
    );

    this.addSql(
      `create table \`rollup_build\` (\`name\` text not null, \`partnership\` text not null, \`version\` integer not null, \`built_at\` text not null, \`cells\` integer not null, primary key (\`name\`));`,
    );
  }
}
