import type { Dialect } from "@kooperacja/database";
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261125034034_Initial } from "./sqlite/Migration20261125034034_Initial";
import { Migration20261125065756_Workflow } from "./sqlite/Migration20261125065756_Workflow";
import { Migration20261125073202_RecommendationVersion } from "./sqlite/Migration20261125073202_RecommendationVersion";
import { Migration20261202151341_EvidenceChangedAt } from "./sqlite/Migration20261202151341_EvidenceChangedAt";
import { Migration20261202193357_EnumChecks } from "./sqlite/Migration20261202193357_EnumChecks";
import { Migration20261125151904_Initial } from "./postgresql/Migration20261125151904_Initial";
import { Migration20261202151342_EvidenceChangedAt as PostgresEvidenceChangedAt } from "./postgresql/Migration20261202151342_EvidenceChangedAt";
import { Migration20261202193357_EnumChecks as PostgresEnumChecks } from "./postgresql/Migration20261202193357_EnumChecks";

/** Every migration of the book schema, in order, one set per dialect (each generated from the entities by `npm run migration:book -- <Name>`). Listed, not globbed, so they load the same from source and in tests. */
export const MIGRATIONS: Record<Dialect, MigrationObject[]> = {
  sqlite: [
    { name: "Migration20261125034034_Initial", class: Migration20261125034034_Initial },
    { name: "Migration20261125065756_Workflow", class: Migration20261125065756_Workflow },
    { name: "Migration20261125073202_RecommendationVersion", class: Migration20261125073202_RecommendationVersion },
    { name: "Migration20261202151341_EvidenceChangedAt", class: Migration20261202151341_EvidenceChangedAt },
    { name: "Migration20261202193357_EnumChecks", class: Migration20261202193357_EnumChecks },
  ],
  postgresql: [
    { name: "Migration20261125151904_Initial", class: Migration20261125151904_Initial },
    { name: "Migration20261202151342_EvidenceChangedAt", class: PostgresEvidenceChangedAt },
    { name: "Migration20261202193357_EnumChecks", class: PostgresEnumChecks },
  ],
};
