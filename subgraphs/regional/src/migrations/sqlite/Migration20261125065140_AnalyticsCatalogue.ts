import { Migration } from "@mikro-orm/migrations";

export class Migration20261125065140_AnalyticsCatalogue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`outcome_indicator\` add column \`basis\` text not null default 'REPORTED';`);
    this.addSql(`alter table \`outcome_indicator\` add column \`aggregation\` text not null default 'SUM';`);
    this.addSql(`alter table \`outcome_indicator\` add column \`direction\` text not null default 'HIGHER_IS_BETTER';`);
    this.addSql(`alter table \`outcome_indicator\` add column \`reported_by\` json not null default '["liderzy","kooperacja","kooperacje3d"]';`);
    this.addSql(`alter table \`outcome_indicator\` add column \`region_specific\` integer not null default false;`);

    this.addSql(`alter table \`institution\` add column \`sector\` text not null default 'OTHER';`);
    // Institutions stored before sectors existed get the sector their kind implies (sectorOfKind).
    this.addSql(
      `update \`institution\` set \`sector\` = case \`kind\` when 'ROPS' then 'SOCIAL_ASSISTANCE' when 'RCPS' then 'SOCIAL_ASSISTANCE' when 'PCPR' then 'SOCIAL_ASSISTANCE' when 'OPS' then 'SOCIAL_ASSISTANCE' when 'UNIVERSITY' then 'SCIENCE' when 'NGO' then 'NGO' when 'LOCAL_GOVERNMENT' then 'LOCAL_GOVERNMENT' else 'OTHER' end;`,
    );
  }
}
