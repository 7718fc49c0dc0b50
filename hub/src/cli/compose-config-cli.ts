import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { printCompose, resolveCompose } from "../compose-config";

// `npm run compose:config`: docker-compose.yml resolved against this environment, as `docker compose config` prints it (no Docker needed).
try {
  console.log(printCompose(resolveCompose(readFileSync(resolve(__dirname, "../../../docker-compose.yml"), "utf8"), process.env)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
