import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runNationalBench } from "./national";
import { optionProblems, refuseBadOptions } from "./options";
import { ROOT } from "./stack";

/**
 * `npm run bench [-- --scale national] [--database sqlite|postgresql] [--soak-seconds 300] [--rounds 4] [--round-ms 1500] [--data DIR] [--results DIR]`
 * The defaults are the acceptance run: the national data set on SQLite with a 5-minute soak.
 */
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    database: { type: "string", default: "sqlite" },
    "soak-seconds": { type: "string", default: "300" },
    rounds: { type: "string", default: "4" },
    "round-ms": { type: "string", default: "1500" },
    data: { type: "string", default: join(ROOT, "bench/.data") },
    results: { type: "string", default: join(ROOT, "bench/results") },
  },
});
refuseBadOptions([
  ...(values.database === "sqlite" || values.database === "postgresql" ? [] : ["--database is sqlite or postgresql"]),
  ...optionProblems(values, ["soak-seconds", "rounds", "round-ms"]),
]);
runNationalBench({
  scale: values.scale!,
  dialect: values.database as "sqlite" | "postgresql",
  soakSeconds: Number(values["soak-seconds"]),
  rounds: Number(values.rounds),
  roundMs: Number(values["round-ms"]),
  dataDir: resolve(values.data!),
  resultsDir: resolve(values.results!),
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
