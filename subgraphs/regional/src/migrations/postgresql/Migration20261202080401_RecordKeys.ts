import { Migration } from "@mikro-orm/migrations";

export class Migration20261202080401_RecordKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "supported_family" add column "record_key" int not null default 0;`);
    // Rows from before the cell key method get a random key of their own, kept from now on; new rows are keyed by the writer.
    this.addSql(`update "supported_family" set "record_key" = floor(random() * 2147483648)::int;`);

    this.addSql(`drop index "indicator_value_indicator_id_period_archived_at_si_7c572_index";`);

    this.addSql(`alter table "indicator_value" add column "record_key" int not null default 0;`);
    this.addSql(`update "indicator_value" set "record_key" = floor(random() * 2147483648)::int;`);
    this.addSql(
      `create index "indicator_value_indicator_id_period_archived_at_si_08f0e_index" on "indicator_value" ("indicator_id", "period", "archived_at", "site_id", "family_id", "value", "record_key");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "indicator_value_indicator_id_period_archived_at_si_08f0e_index";`);
    this.addSql(`alter table "indicator_value" drop column "record_key";`);

    this.addSql(
      `create index "indicator_value_indicator_id_period_archived_at_si_7c572_index" on "indicator_value" ("indicator_id", "period", "archived_at", "site_id", "family_id", "value");`,
    );

    this.addSql(`alter table "supported_family" drop column "record_key";`);
  }
}
