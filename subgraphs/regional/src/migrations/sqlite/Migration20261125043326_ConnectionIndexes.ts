import { Migration } from "@mikro-orm/migrations";

export class Migration20261125043326_ConnectionIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index \`pilot_site_name_id_index\` on \`pilot_site\` (\`name\`, \`id\`);`);

    this.addSql(`create index \`supported_family_started_on_id_index\` on \`supported_family\` (\`started_on\`, \`id\`);`);

    this.addSql(`create index \`support_activity_title_id_index\` on \`support_activity\` (\`title\`, \`id\`);`);
    this.addSql(`create index \`support_activity_held_on_id_index\` on \`support_activity\` (\`held_on\`, \`id\`);`);

    this.addSql(`create index \`indicator_value_indicator_id_period_index\` on \`indicator_value\` (\`indicator_id\`, \`period\`);`);
    this.addSql(`create index \`indicator_value_value_id_index\` on \`indicator_value\` (\`value\`, \`id\`);`);
    this.addSql(`create index \`indicator_value_period_id_index\` on \`indicator_value\` (\`period\`, \`id\`);`);

    this.addSql(`create index \`institution_name_id_index\` on \`institution\` (\`name\`, \`id\`);`);
    this.addSql(`create index \`institution_short_name_id_index\` on \`institution\` (\`short_name\`, \`id\`);`);
  }
}
