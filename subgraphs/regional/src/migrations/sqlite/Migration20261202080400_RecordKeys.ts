import { Migration } from "@mikro-orm/migrations";

export class Migration20261202080400_RecordKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`supported_family\` add column \`record_key\` integer not null default 0;`);
    // Rows from before the cell key method get a random key of their own, kept from now on; new rows are keyed by the writer.
    this.addSql(`update \`supported_family\` set \`record_key\` = random() & 2147483647;`);

    this.addSql(`drop index \`indicator_value_indicator_id_period_archived_at_site_id_family_id_value_index\`;`);

    this.addSql(`alter table \`indicator_value\` add column \`record_key\` integer not null default 0;`);
    this.addSql(`update \`indicator_value\` set \`record_key\` = random() & 2147483647;`);
    this.addSql(
      `create index \`indicator_value_indicator_id_period_archived_at_site_id_family_id_value_record_key_index\` on \`indicator_value\` (\`indicator_id\`, \`period\`, \`archived_at\`, \`site_id\`, \`family_id\`, \`value\`, \`record_key\`);`,
    );
  }
}
