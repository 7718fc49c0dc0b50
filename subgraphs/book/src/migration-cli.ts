import { createMigrationFromEntities } from "@kooperacja/database";
import { openBookDatabase } from "./database";

// npm run migration:book -- <name>
createMigrationFromEntities((url) => openBookDatabase(url), process.argv[2] ?? "Migration").catch((error) => {
  console.error(error);
  process.exit(1);
});
