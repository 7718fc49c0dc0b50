import { Migration } from "@mikro-orm/migrations";

export class Migration20261202151342_EvidenceChangedAt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "recommendation" add column "evidence_changed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "recommendation" drop column "evidence_changed_at";`);
  }
}
