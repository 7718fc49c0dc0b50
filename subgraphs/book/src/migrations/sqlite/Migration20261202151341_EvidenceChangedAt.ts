import { Migration } from "@mikro-orm/migrations";

export class Migration20261202151341_EvidenceChangedAt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`recommendation\` add column \`evidence_changed_at\` datetime null;`);
  }
}
