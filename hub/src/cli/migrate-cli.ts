import { bookConfig, openBookDatabase } from "@kooperacja/book";
import { openRegionalDatabase, regionalConfig } from "@kooperacja/regional";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { type Database } from "@kooperacja/database";

/**
 * `npm run migrate`: brings every database of this machine's configuration
 * (the three regions and the book, from the same environment `npm start`
 * reads) up to the code's migrations. Services also do this when they start;
 * this runs it on its own, e.g. before a deployment.
 */
async function main(): Promise<void> {
  const targets: { name: string; open: () => Promise<Database> }[] = [
    ...PARTNERSHIP_KEYS.map((partnership) => ({ name: partnership, open: () => openRegionalDatabase(regionalConfig(partnership).databaseUrl) })),
    { name: "book", open: () => openBookDatabase(bookConfig().databaseUrl) },
  ];
  for (const target of targets) {
    const database = await target.open();
    try {
      console.log(`${target.name} (${database.location}): ${database.applied.length > 0 ? `applied ${database.applied.join(", ")}` : "up to date"}`);
    } finally {
      await database.close();
    }
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
