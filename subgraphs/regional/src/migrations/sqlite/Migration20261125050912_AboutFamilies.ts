import { Migration } from "@mikro-orm/migrations";

export class Migration20261125050912_AboutFamilies extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`outcome_indicator\` add column \`about_families\` integer not null default false;`);
    // Databases seeded before this migration: flag the catalogue's indicators about families.
    this.addSql(
      `update \`outcome_indicator\` set \`about_families\` = true where \`id\` in ('FAMILIES_SUPPORTED', 'SOCIAL_CONTRACTS_CONCLUDED', 'CONTRACT_GOALS_MET');`,
    );
  }
}
