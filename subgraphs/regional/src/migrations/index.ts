import type { Dialect } from "@kooperacja/database";
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261125033837_Initial } from "./sqlite/Migration20261125033837_Initial";
import { Migration20261125043326_ConnectionIndexes } from "./sqlite/Migration20261125043326_ConnectionIndexes";
import { Migration20261125050912_AboutFamilies } from "./sqlite/Migration20261125050912_AboutFamilies";
import { Migration20261125055056_RegionalWrites } from "./sqlite/Migration20261125055056_RegionalWrites";
import { Migration20261125065140_AnalyticsCatalogue } from "./sqlite/Migration20261125065140_AnalyticsCatalogue";
import { Migration20261125172335_SummaryIndex } from "./sqlite/Migration20261125172335_SummaryIndex";
import { Migration20261125204718_FamiliesBehindIndex } from "./sqlite/Migration20261125204718_FamiliesBehindIndex";
import { Migration20261202080400_RecordKeys } from "./sqlite/Migration20261202080400_RecordKeys";
import { Migration20261202132509_FieldClaims } from "./sqlite/Migration20261202132509_FieldClaims";
import { Migration20261202193355_EnumChecks } from "./sqlite/Migration20261202193355_EnumChecks";
import { Migration20261202202228_SummaryIndexOrigin } from "./sqlite/Migration20261202202228_SummaryIndexOrigin";
import { Migration20261202221147_Rollups } from "./sqlite/Migration20261202221147_Rollups";
import { Migration20261202230443_FamilyCountIndex } from "./sqlite/Migration20261202230443_FamilyCountIndex";
import { Migration20261203004614_FamilyCounts } from "./sqlite/Migration20261203004614_FamilyCounts";
import { Migration20261125151902_Initial } from "./postgresql/Migration20261125151902_Initial";
import { Migration20261125172336_SummaryIndex as PostgresSummaryIndex } from "./postgresql/Migration20261125172336_SummaryIndex";
import { Migration20261125204719_FamiliesBehindIndex as PostgresFamiliesBehindIndex } from "./postgresql/Migration20261125204719_FamiliesBehindIndex";
import { Migration20261202080401_RecordKeys as PostgresRecordKeys } from "./postgresql/Migration20261202080401_RecordKeys";
import { Migration20261202132510_FieldClaims as PostgresFieldClaims } from "./postgresql/Migration20261202132510_FieldClaims";
import { Migration20261202193356_EnumChecks as PostgresEnumChecks } from "./postgresql/Migration20261202193356_EnumChecks";
import { Migration20261202202228_SummaryIndexOrigin as PostgresSummaryIndexOrigin } from "./postgresql/Migration20261202202228_SummaryIndexOrigin";
import { Migration20261202221147_Rollups as PostgresRollups } from "./postgresql/Migration20261202221147_Rollups";
import { Migration20261202230443_FamilyCountIndex as PostgresFamilyCountIndex } from "./postgresql/Migration20261202230443_FamilyCountIndex";
import { Migration20261203004615_FamilyCounts as PostgresFamilyCounts } from "./postgresql/Migration20261203004615_FamilyCounts";

/** Every migration of the regional schema, in order, one set per dialect (each generated from the entities by `npm run migration:regional -- <Name>`). Listed, not globbed, so they load the same from source and in tests. */
export const MIGRATIONS: Record<Dialect, MigrationObject[]> = {
  sqlite: [
    { name: "Migration20261125033837_Initial", class: Migration20261125033837_Initial },
    { name: "Migration20261125043326_ConnectionIndexes", class: Migration20261125043326_ConnectionIndexes },
    { name: "Migration20261125050912_AboutFamilies", class: Migration20261125050912_AboutFamilies },
    { name: "Migration20261125055056_RegionalWrites", class: Migration20261125055056_RegionalWrites },
    { name: "Migration20261125065140_AnalyticsCatalogue", class: Migration20261125065140_AnalyticsCatalogue },
    { name: "Migration20261125172335_SummaryIndex", class: Migration20261125172335_SummaryIndex },
    { name: "Migration20261125204718_FamiliesBehindIndex", class: Migration20261125204718_FamiliesBehindIndex },
    { name: "Migration20261202080400_RecordKeys", class: Migration20261202080400_RecordKeys },
    { name: "Migration20261202132509_FieldClaims", class: Migration20261202132509_FieldClaims },
    { name: "Migration20261202193355_EnumChecks", class: Migration20261202193355_EnumChecks },
    { name: "Migration20261202202228_SummaryIndexOrigin", class: Migration20261202202228_SummaryIndexOrigin },
    { name: "Migration20261202221147_Rollups", class: Migration20261202221147_Rollups },
    { name: "Migration20261202230443_FamilyCountIndex", class: Migration20261202230443_FamilyCountIndex },
    { name: "Migration20261203004614_FamilyCounts", class: Migration20261203004614_FamilyCounts },
  ],
  postgresql: [
    { name: "Migration20261125151902_Initial", class: Migration20261125151902_Initial },
    { name: "Migration20261125172336_SummaryIndex", class: PostgresSummaryIndex },
    { name: "Migration20261125204719_FamiliesBehindIndex", class: PostgresFamiliesBehindIndex },
    { name: "Migration20261202080401_RecordKeys", class: PostgresRecordKeys },
    { name: "Migration20261202132510_FieldClaims", class: PostgresFieldClaims },
    { name: "Migration20261202193356_EnumChecks", class: PostgresEnumChecks },
    { name: "Migration20261202202228_SummaryIndexOrigin", class: PostgresSummaryIndexOrigin },
    { name: "Migration20261202221147_Rollups", class: PostgresRollups },
    { name: "Migration20261202230443_FamilyCountIndex", class: PostgresFamilyCountIndex },
    { name: "Migration20261203004615_FamilyCounts", class: PostgresFamilyCounts },
  ],
};
