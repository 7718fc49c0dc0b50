import { Migration } from "@mikro-orm/migrations";

export class Migration20261125172336_SummaryIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "indicator_value_indicator_id_period_index";`);

    this.addSql(
      `create index "indicator_value_indicator_id_period_archived_at_si_7c572_index" on "indicator_value" ("indicator_id", "period", "archived_at", "site_id", "family_id", "value");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "indicator_value_indicator_id_period_archived_at_si_7c572_index";`);

    this.addSql(`create index "indicator_value_indicator_id_period_index" on "indicator_value" ("indicator_id", "period");`);
  }
}
