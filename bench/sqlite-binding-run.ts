import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { optionProblems, refuseBadOptions } from "./options";
import { runBindingBench } from "./sqlite-binding";
import { ROOT } from "./stack";

/** `npm run bench:sqlite-binding [-- --scale national] [--rounds 3] [--round-ms 1500] [--load-seconds 5] [--connections 8] [--data DIR] [--results DIR]` */
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    rounds: { type: "string", default: "3" },
    "round-ms": { type: "string", default: "1500" },
    "load-seconds": { type: "string", default: "5" },
    connections: { type: "string", default: "8" },
    data: { type: "string", default: join(ROOT, "bench/.data") },
    results: { type: "string", default: join(ROOT, "bench/results") },
  },
});
refuseBadOptions(optionProblems(values, ["rounds", "round-ms", "load-seconds", "connections"]));
runBindingBench({
  scale: values.scale!,
  rounds: Number(values.rounds),
  roundMs: Number(values["round-ms"]),
  loadSeconds: Number(values["load-seconds"]),
  connections: Number(values.connections),
  dataDir: resolve(values.data!),
  resultsDir: resolve(values.results!),
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
