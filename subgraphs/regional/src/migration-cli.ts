import { createMigrationFromEntities } from "@kooperacja/shared";
import { openRegionalDatabase } from "./database";

// npm run migration:create -w subgraphs/regional -- <name>
createMigrationFromEntities((dbPath) => openRegionalDatabase(dbPath), process.argv[2] ?? "Migration").catch((error) => {
  console.error(error);
  process.exit(1);
});
