import { parseArgs } from "node:util";
import { runNationalBench } from "./national";

/**
 * `npm run bench [-- --scale national] [--database sqlite|postgresql] [--soak-seconds 300] [--rounds 4] [--round-ms 1500]`
 * The defaults are the acceptance run: the national data set on SQLite with a 5-minute soak.
 */
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    database: { type: "string", default: "sqlite" },
    "soak-seconds": { type: "string", default: "300" },
    rounds: { type: "string", default: "4" },
    "round-ms": { type: "string", default: "1500" },
  },
});
if (values.database !== "sqlite" && values.database !== "postgresql") {
  console.error("--database is sqlite or postgresql");
  process.exit(2);
}
runNationalBench({
  scale: values.scale!,
  dialect: values.database,
  soakSeconds: Number(values["soak-seconds"]),
  rounds: Number(values.rounds),
  roundMs: Number(values["round-ms"]),
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
