import { Migration } from "@mikro-orm/migrations";

export class Migration20261125204718_FamiliesBehindIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index \`indicator_value_site_id_indicator_id_period_index\` on \`indicator_value\` (\`site_id\`, \`indicator_id\`, \`period\`);`);
  }
}
