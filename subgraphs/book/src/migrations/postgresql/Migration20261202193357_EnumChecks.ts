import { Migration } from "@mikro-orm/migrations";

export class Migration20261202193357_EnumChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "recommendation" alter column "status" type text using ("status"::text);`);
    this.addSql(`alter table "recommendation" add constraint "recommendation_status_check" check("status" in ('DRAFT', 'REVIEW', 'ADOPTED'));`);

    this.addSql(`alter table "evidence_link" alter column "target_type" type text using ("target_type"::text);`);
    this.addSql(
      `alter table "evidence_link" add constraint "evidence_link_target_type_check" check("target_type" in ('Partnership', 'PilotSite', 'IndicatorValue', 'CooperationBody', 'SupportActivity', 'Institution', 'OutcomeIndicator'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evidence_link" drop constraint if exists "evidence_link_target_type_check";`);

    this.addSql(`alter table "recommendation" drop constraint if exists "recommendation_status_check";`);

    this.addSql(`alter table "evidence_link" alter column "target_type" type varchar(255) using ("target_type"::varchar(255));`);

    this.addSql(`alter table "recommendation" alter column "status" type varchar(255) using ("status"::varchar(255));`);
  }
}
