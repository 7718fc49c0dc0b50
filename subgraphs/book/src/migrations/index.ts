import { Migration20261125034034_Initial } from "./Migration20261125034034_Initial";
import { Migration20261125065756_Workflow } from "./Migration20261125065756_Workflow";
import { Migration20261125073202_RecommendationVersion } from "./Migration20261125073202_RecommendationVersion";

/** Every migration of the book schema, in order. Listed, not globbed, so they load the same from source and in tests. */
export const MIGRATIONS = [
  { name: "Migration20261125034034_Initial", class: Migration20261125034034_Initial },
  { name: "Migration20261125065756_Workflow", class: Migration20261125065756_Workflow },
  { name: "Migration20261125073202_RecommendationVersion", class: Migration20261125073202_RecommendationVersion },
];
