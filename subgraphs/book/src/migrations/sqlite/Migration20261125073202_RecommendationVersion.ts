import { Migration } from "@mikro-orm/migrations";

export class Migration20261125073202_RecommendationVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`recommendation\` add column \`version\` integer not null default 1;`);
  }
}
