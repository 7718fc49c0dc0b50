import { Migration } from "@mikro-orm/migrations";

export class Migration20261125172335_SummaryIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`indicator_value_indicator_id_period_index\`;`);

    this.addSql(
      `create index \`indicator_value_indicator_id_period_archived_at_site_id_family_id_value_index\` on \`indicator_value\` (\`indicator_id\`, \`period\`, \`archived_at\`, \`site_id\`, \`family_id\`, \`value\`);`,
    );
  }
}
