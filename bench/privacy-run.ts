import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { NATIONAL_SCALES } from "../subgraphs/regional/src/seed/national";
import { runPrivacyReport } from "./privacy";
import { ROOT } from "./stack";

/**
 * `npm run privacy-report [-- --scale national] [--data DIR] [--results DIR]`: the figures
 * docs/privacy.md quotes, on the demo data and the synthetic national set (seeded and kept under
 * bench/.data, as the benchmark keeps it).
 */
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    data: { type: "string", default: join(ROOT, "bench/.data") },
    results: { type: "string", default: join(ROOT, "bench/results") },
  },
});
if (!(values.scale! in NATIONAL_SCALES)) {
  console.error(`--scale is one of ${Object.keys(NATIONAL_SCALES).join(", ")}`);
  process.exit(2);
}
runPrivacyReport({ scale: values.scale!, dataDir: resolve(values.data!), resultsDir: resolve(values.results!) }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
