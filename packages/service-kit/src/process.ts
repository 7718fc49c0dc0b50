/** Time a service gets, after requests in flight are done or cut off, to close its database. */
export const CLOSE_MARGIN_MS = 2_000;

/**
 * Keeps a started service (or the whole hub) running until SIGINT, SIGTERM
 * or SIGHUP, or until the `npm run` that started it is gone, then stops it
 * cleanly and exits; a failure to start exits with 1.
 *
 * Stopping is bounded: a service that has not stopped within its
 * `stopTimeoutMs` (requests in flight are given SHUTDOWN_TIMEOUT_MS, closing
 * the database CLOSE_MARGIN_MS) exits with 1 anyway. A transaction still open
 * then is rolled back by the database, so nothing is left half-written.
 */
export function runUntilSignal<T extends { stop(): Promise<void>; stopTimeoutMs?: number }>(start: () => Promise<T>, describe: (started: T) => string): void {
  // A configuration read inside `start` may throw before any promise exists: it is a failure to start like any other.
  Promise.resolve()
    .then(start)
    .then(
      (service) => {
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
        // A closed terminal: stop as cleanly as on Ctrl-C, rather than be cut off.
        process.on("SIGHUP", stop);
        watchParent(() => stop("SIGTERM"));
        // Ready is said only once the signals are handled: a supervisor that stops the service the moment it reads
        // this line gets a clean stop, not the default of a signal (the process killed mid-write).
        console.log(describe(service));
      },
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
}

/** How often a process started by `npm run` checks that npm is still there. */
const PARENT_CHECK_MS = 500;

/**
 * Under `npm run`, a signal to npm ends npm and the shell it ran the script
 * in, but the shell does not pass the signal on: node would be left serving,
 * adopted by init, with nobody to see it. So a process npm started stops
 * when its parent changes. (A process started otherwise, by systemd or in a
 * container, is not watched: its parent is its supervisor.)
 */
function watchParent(stop: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    console.log(`The npm process that started this one (${parent}) is gone.`);
    stop();
  }, PARENT_CHECK_MS);
  timer.unref();
}

/** A service this process started: where it listens, and how to stop it. */
export interface RunningService {
  name: string;
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then closes the database. */
  stop(): Promise<void>;
  /** How long `stop` may take before the process gives up on it (runUntilSignal). */
  stopTimeoutMs: number;
}
