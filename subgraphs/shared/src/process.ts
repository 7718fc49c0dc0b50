/** Time a service gets, after requests in flight are done or cut off, to close its database. */
export const CLOSE_MARGIN_MS = 2_000;

/**
 * Keeps a started service (or the whole hub) running until SIGINT/SIGTERM,
 * then stops it cleanly and exits; a failure to start exits with 1.
 *
 * Stopping is bounded: a service that has not stopped within its
 * `stopTimeoutMs` (requests in flight are given SHUTDOWN_TIMEOUT_MS, closing
 * the database CLOSE_MARGIN_MS) exits with 1 anyway. A transaction still open
 * then is rolled back by the database, so nothing is left half-written.
 */
export function runUntilSignal<T extends { stop(): Promise<void>; stopTimeoutMs?: number }>(start: () => Promise<T>, describe: (started: T) => string): void {
  // A configuration read inside `start` may throw before any promise exists: it is a failure to start like any other.
  Promise.resolve().then(start).then(
    (service) => {
      console.log(describe(service));
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: stopping...`);
        const deadline = service.stopTimeoutMs ?? 30_000;
        setTimeout(() => {
          console.error(`Did not stop within ${deadline} ms; exiting (the database rolls back what was not committed).`);
          process.exit(1);
        }, deadline).unref();
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
