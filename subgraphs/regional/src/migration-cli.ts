import { createMigrationFromEntities } from "@kooperacja/database";
import { openRegionalDatabase } from "./database";

// npm run migration:regional -- <name>
createMigrationFromEntities((url) => openRegionalDatabase(url), process.argv[2] ?? "Migration").catch((error) => {
  console.error(error);
  process.exit(1);
});
