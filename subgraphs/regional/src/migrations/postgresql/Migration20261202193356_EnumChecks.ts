import { Migration } from "@mikro-orm/migrations";

export class Migration20261202193356_EnumChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "field_claim" alter column "kind" type text using ("kind"::text);`);
    this.addSql(`alter table "field_claim" alter column "omission" type text using ("omission"::text);`);
    this.addSql(
      `alter table "field_claim" add constraint "field_claim_kind_check" check("kind" in ('SOURCE_PAGE', 'DERIVED', 'INFERRED', 'REFERENCE_DATA', 'SYNTHETIC_DEMO', 'SYNTHETIC', 'IMPORT', 'ENTERED'));`,
    );
    this.addSql(`alter table "field_claim" add constraint "field_claim_omission_check" check("omission" in ('PERSONAL_DATA'));`);

    this.addSql(`alter table "import_batch" alter column "kind" type text using ("kind"::text);`);
    this.addSql(
      `alter table "import_batch" add constraint "import_batch_kind_check" check("kind" in ('SITES', 'BODIES', 'MEETINGS', 'ACTIVITIES', 'FAMILIES', 'INDICATOR_VALUES', 'INSTITUTIONS', 'BODY_MEMBERS'));`,
    );

    this.addSql(`alter table "audit_entry" alter column "action" type text using ("action"::text);`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_action_check" check("action" in ('CREATED', 'UPDATED', 'ARCHIVED'));`);

    this.addSql(`alter table "outcome_indicator" alter column "level" type text using ("level"::text);`);
    this.addSql(`alter table "outcome_indicator" alter column "basis" type text using ("basis"::text);`);
    this.addSql(`alter table "outcome_indicator" alter column "aggregation" type text using ("aggregation"::text);`);
    this.addSql(`alter table "outcome_indicator" alter column "direction" type text using ("direction"::text);`);
    this.addSql(`alter table "outcome_indicator" add constraint "outcome_indicator_level_check" check("level" in ('SITE', 'FAMILY'));`);
    this.addSql(`alter table "outcome_indicator" add constraint "outcome_indicator_basis_check" check("basis" in ('REPORTED', 'RECORDS'));`);
    this.addSql(`alter table "outcome_indicator" add constraint "outcome_indicator_aggregation_check" check("aggregation" in ('SUM', 'MEAN'));`);
    this.addSql(
      `alter table "outcome_indicator" add constraint "outcome_indicator_direction_check" check("direction" in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER'));`,
    );

    this.addSql(`alter table "model_structure" alter column "kind" type text using ("kind"::text);`);
    this.addSql(
      `alter table "model_structure" add constraint "model_structure_kind_check" check("kind" in ('COUNTY_REFLECTIVE_GROUP', 'COUNTY_DECISION_MAKERS_GROUP', 'REGIONAL_REFLECTIVE_GROUP', 'PARTNERSHIP_COOPERATION_TEAM', 'SCHOOL_OF_COOPERATION'));`,
    );

    this.addSql(`alter table "territorial_unit" alter column "level" type text using ("level"::text);`);
    this.addSql(`alter table "territorial_unit" alter column "municipality_kind" type text using ("municipality_kind"::text);`);
    this.addSql(`alter table "territorial_unit" add constraint "territorial_unit_level_check" check("level" in ('VOIVODESHIP', 'POWIAT', 'GMINA'));`);
    this.addSql(
      `alter table "territorial_unit" add constraint "territorial_unit_municipality_kind_check" check("municipality_kind" in ('URBAN', 'RURAL', 'URBAN_RURAL'));`,
    );

    this.addSql(`alter table "pilot_site" alter column "status" type text using ("status"::text);`);
    this.addSql(`alter table "pilot_site" add constraint "pilot_site_status_check" check("status" in ('INVITED', 'QUALIFIED', 'ACTIVE', 'COMPLETED'));`);

    this.addSql(`alter table "supported_family" alter column "cooperation_level" type text using ("cooperation_level"::text);`);
    this.addSql(
      `alter table "supported_family" add constraint "supported_family_cooperation_level_check" check("cooperation_level" in ('INSTITUTION', 'WORKER', 'CLIENT'));`,
    );

    this.addSql(`alter table "support_activity" alter column "kind" type text using ("kind"::text);`);
    this.addSql(
      `alter table "support_activity" add constraint "support_activity_kind_check" check("kind" in ('TRAINING', 'COACHING', 'SUPERVISION', 'ADVISORY', 'CONFERENCE', 'WORKSHOP', 'CONSULTATION_MEETING', 'EDUCATIONAL_MEETING', 'EXPERIENCE_EXCHANGE', 'EDUCATIONAL_PLATFORM', 'ANIMATION'));`,
    );

    this.addSql(`alter table "cooperation_body" alter column "kind" type text using ("kind"::text);`);
    this.addSql(
      `alter table "cooperation_body" add constraint "cooperation_body_kind_check" check("kind" in ('COUNTY_REFLECTIVE_GROUP', 'COUNTY_DECISION_MAKERS_GROUP', 'REGIONAL_REFLECTIVE_GROUP', 'PARTNERSHIP_COOPERATION_TEAM', 'SCHOOL_OF_COOPERATION'));`,
    );

    this.addSql(`alter table "institution" alter column "kind" type text using ("kind"::text);`);
    this.addSql(`alter table "institution" alter column "sector" type text using ("sector"::text);`);
    this.addSql(
      `alter table "institution" add constraint "institution_kind_check" check("kind" in ('ROPS', 'RCPS', 'PCPR', 'OPS', 'UNIVERSITY', 'NGO', 'LOCAL_GOVERNMENT', 'OTHER'));`,
    );
    this.addSql(
      `alter table "institution" add constraint "institution_sector_check" check("sector" in ('SOCIAL_ASSISTANCE', 'LABOUR_MARKET', 'EDUCATION', 'HEALTH', 'JUSTICE', 'POLICE', 'NGO', 'LOCAL_GOVERNMENT', 'SCIENCE', 'OTHER'));`,
    );

    this.addSql(`alter table "partnership_member" alter column "role" type text using ("role"::text);`);
    this.addSql(
      `alter table "partnership_member" add constraint "partnership_member_role_check" check("role" in ('PARTNER', 'ACADEMIC_PARTNER', 'PARTICIPANT'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_entry" drop constraint if exists "audit_entry_action_check";`);

    this.addSql(`alter table "cooperation_body" drop constraint if exists "cooperation_body_kind_check";`);

    this.addSql(`alter table "field_claim" drop constraint if exists "field_claim_kind_check";`);
    this.addSql(`alter table "field_claim" drop constraint if exists "field_claim_omission_check";`);

    this.addSql(`alter table "import_batch" drop constraint if exists "import_batch_kind_check";`);

    this.addSql(`alter table "institution" drop constraint if exists "institution_kind_check";`);
    this.addSql(`alter table "institution" drop constraint if exists "institution_sector_check";`);

    this.addSql(`alter table "model_structure" drop constraint if exists "model_structure_kind_check";`);

    this.addSql(`alter table "outcome_indicator" drop constraint if exists "outcome_indicator_level_check";`);
    this.addSql(`alter table "outcome_indicator" drop constraint if exists "outcome_indicator_basis_check";`);
    this.addSql(`alter table "outcome_indicator" drop constraint if exists "outcome_indicator_aggregation_check";`);
    this.addSql(`alter table "outcome_indicator" drop constraint if exists "outcome_indicator_direction_check";`);

    this.addSql(`alter table "partnership_member" drop constraint if exists "partnership_member_role_check";`);

    this.addSql(`alter table "pilot_site" drop constraint if exists "pilot_site_status_check";`);

    this.addSql(`alter table "support_activity" drop constraint if exists "support_activity_kind_check";`);

    this.addSql(`alter table "supported_family" drop constraint if exists "supported_family_cooperation_level_check";`);

    this.addSql(`alter table "territorial_unit" drop constraint if exists "territorial_unit_level_check";`);
    this.addSql(`alter table "territorial_unit" drop constraint if exists "territorial_unit_municipality_kind_check";`);

    this.addSql(`alter table "audit_entry" alter column "action" type varchar(255) using ("action"::varchar(255));`);

    this.addSql(`alter table "cooperation_body" alter column "kind" type varchar(255) using ("kind"::varchar(255));`);

    this.addSql(`alter table "field_claim" alter column "kind" type varchar(255) using ("kind"::varchar(255));`);
    this.addSql(`alter table "field_claim" alter column "omission" type varchar(255) using ("omission"::varchar(255));`);

    this.addSql(`alter table "import_batch" alter column "kind" type varchar(255) using ("kind"::varchar(255));`);

    this.addSql(`alter table "institution" alter column "kind" type varchar(255) using ("kind"::varchar(255));`);
    this.addSql(`alter table "institution" alter column "sector" type varchar(255) using ("sector"::varchar(255));`);

    this.addSql(`alter table "model_structure" alter column "kind" type varchar(255) using ("kind"::varchar(255));`);

    this.addSql(`alter table "outcome_indicator" alter column "level" type varchar(255) using ("level"::varchar(255));`);
    this.addSql(`alter table "outcome_indicator" alter column "basis" type varchar(255) using ("basis"::varchar(255));`);
    this.addSql(`alter table "outcome_indicator" alter column "aggregation" type varchar(255) using ("aggregation"::varchar(255));`);
    this.addSql(`alter table "outcome_indicator" alter column "direction" type varchar(255) using ("direction"::varchar(255));`);

    this.addSql(`alter table "partnership_member" alter column "role" type varchar(255) using ("role"::varchar(255));`);

    this.addSql(`alter table "pilot_site" alter column "status" type varchar(255) using ("status"::varchar(255));`);

    this.addSql(`alter table "support_activity" alter column "kind" type varchar(255) using ("kind"::varchar(255));`);

    this.addSql(`alter table "supported_family" alter column "cooperation_level" type varchar(255) using ("cooperation_level"::varchar(255));`);

    this.addSql(`alter table "territorial_unit" alter column "level" type varchar(255) using ("level"::varchar(255));`);
    this.addSql(`alter table "territorial_unit" alter column "municipality_kind" type varchar(255) using ("municipality_kind"::varchar(255));`);
  }
}
