import { Migration20261125033837_Initial } from "./Migration20261125033837_Initial";
import { Migration20261125043326_ConnectionIndexes } from "./Migration20261125043326_ConnectionIndexes";
import { Migration20261125050912_AboutFamilies } from "./Migration20261125050912_AboutFamilies";
import { Migration20261125055056_RegionalWrites } from "./Migration20261125055056_RegionalWrites";
import { Migration20261125065140_AnalyticsCatalogue } from "./Migration20261125065140_AnalyticsCatalogue";

/** Every migration of the regional schema, in order. Listed, not globbed, so they load the same from source and in tests. */
export const MIGRATIONS = [
  { name: "Migration20261125033837_Initial", class: Migration20261125033837_Initial },
  { name: "Migration20261125043326_ConnectionIndexes", class: Migration20261125043326_ConnectionIndexes },
  { name: "Migration20261125050912_AboutFamilies", class: Migration20261125050912_AboutFamilies },
  { name: "Migration20261125055056_RegionalWrites", class: Migration20261125055056_RegionalWrites },
  { name: "Migration20261125065140_AnalyticsCatalogue", class: Migration20261125065140_AnalyticsCatalogue },
];
