import { Migration } from "@mikro-orm/migrations";

export class Migration20261202202228_SummaryIndexOrigin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`indicator_value_indicator_id_period_archived_at_site_id_family_id_value_record_key_index\`;`);

    this.addSql(
      `create index \`indicator_value_indicator_id_period_archived_at_site_id_family_id_value_record_key_provenance_kind_index\` on \`indicator_value\` (\`indicator_id\`, \`period\`, \`archived_at\`, \`site_id\`, \`family_id\`, \`value\`, \`record_key\`, \`provenance_kind\`);`,
    );
  }
}
