import { PARTNERSHIPS, PARTNERSHIP_KEYS } from "@kooperacja/shared";
import { startHub } from "./hub";

async function main(): Promise<void> {
  const hub = await startHub();
  for (const key of PARTNERSHIP_KEYS) {
    console.log(`  region ${PARTNERSHIPS[key].macroregion.padEnd(3)} ${key.padEnd(13)} ${hub.regions[key].url}`);
  }
  console.log(`  book                  ${hub.book.url}`);
  console.log(`\nKooperacja Hub gateway ready at ${hub.gateway.url}  (open it in a browser for Apollo Sandbox; Ctrl-C stops)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the hub...`);
    hub.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
