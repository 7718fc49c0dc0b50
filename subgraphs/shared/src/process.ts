/**
 * Keeps a started service (or the whole hub) running until SIGINT/SIGTERM,
 * then stops it cleanly and exits; a failure to start exits with 1.
 */
export function runUntilSignal<T extends { stop(): Promise<void> }>(start: () => Promise<T>, describe: (started: T) => string): void {
  start().then(
    (service) => {
      console.log(describe(service));
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: stopping...`);
        service.stop().then(
          () => {
            console.log("Stopped.");
            process.exit(0);
          },
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
