import { isPartnershipKey, PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { maintainRollups, regionalConfig } from "@kooperacja/regional";
import { parseArgs } from "node:util";
import { EXIT } from "./cli-exit";

const USAGE = "usage: npm run rollups -- check|rebuild [--partnership KEY]...";

/**
 * `npm run rollups -- check`: compares every region's rollups (the summed
 * cells the aggregates read) with its base tables and lists the cells that
 * differ; exit code 1 when any do. `rebuild` builds them anew from the base
 * tables, in one transaction per region. The databases are those `npm start`
 * uses (or <PARTNERSHIP>_DATABASE_URL); a running hub may stay up.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { partnership: { type: "string", multiple: true } } });
  const action = positionals[0];
  const partnerships = values.partnership ?? [...PARTNERSHIP_KEYS];
  const unknown = partnerships.filter((key) => !isPartnershipKey(key));
  if ((action !== "check" && action !== "rebuild") || positionals.length !== 1 || unknown.length > 0) {
    console.error(`${unknown.length > 0 ? `unknown partnership ${unknown.join(", ")}\n` : ""}${USAGE}`);
    process.exitCode = EXIT.USAGE;
    return;
  }
  let differing = 0;
  for (const partnership of partnerships as PartnershipKey[]) {
    const url = regionalConfig(partnership).databaseUrl;
    const result = await maintainRollups(url, action);
    const seconds = result.seconds.toFixed(1);
    if (action === "rebuild") {
      console.log(`${partnership}: rebuilt ${result.cells} cells in ${seconds} s`);
      continue;
    }
    differing += result.differences.length;
    console.log(`${partnership}: ${result.cells} cells checked in ${seconds} s, ${result.differences.length} differ from the base tables`);
    for (const difference of result.differences.slice(0, 20)) console.log(`  ${JSON.stringify(difference)}`);
    if (result.differences.length > 20) console.log(`  … and ${result.differences.length - 20} more`);
  }
  if (differing > 0) {
    console.log("Run `npm run rollups -- rebuild` to build them anew from the base tables.");
    process.exitCode = EXIT.INVALID_INPUT;
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = EXIT.UNREACHABLE;
});
