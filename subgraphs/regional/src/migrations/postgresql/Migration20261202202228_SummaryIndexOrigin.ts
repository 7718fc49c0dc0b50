import { Migration } from "@mikro-orm/migrations";

export class Migration20261202202228_SummaryIndexOrigin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "indicator_value_indicator_id_period_archived_at_si_08f0e_index";`);

    this.addSql(
      `create index "indicator_value_indicator_id_period_archived_at_si_40a81_index" on "indicator_value" ("indicator_id", "period", "archived_at", "site_id", "family_id", "value", "record_key", "provenance_kind");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "indicator_value_indicator_id_period_archived_at_si_40a81_index";`);

    this.addSql(
      `create index "indicator_value_indicator_id_period_archived_at_si_08f0e_index" on "indicator_value" ("indicator_id", "period", "archived_at", "site_id", "family_id", "value", "record_key");`,
    );
  }
}
