import { createMigrationFromEntities } from "@kooperacja/shared";
import { openBookDatabase } from "./database";

// npm run migration:book -- <name>
createMigrationFromEntities((dbPath) => openBookDatabase(dbPath), process.argv[2] ?? "Migration").catch((error) => {
  console.error(error);
  process.exit(1);
});
