import { isAbsolute, resolve } from "node:path";

/**
 * The exit codes of the hub's command-line tools, one meaning each, so a
 * script can tell what went wrong without reading the message.
 */
export const EXIT = {
  /** Done: imported, written, a clean dry run. */
  OK: 0,
  /** The input has problems (an import's rows, an export's arguments): fix it and run again. Nothing was written. */
  INVALID_INPUT: 1,
  /** The command line itself: an unknown option, a missing argument, a file that cannot be read. */
  USAGE: 2,
  /** The hub refused: no token, a token of the wrong role or partnership, a limit. */
  REFUSED: 3,
  /** No answer: the hub (or a region behind it) could not be reached or failed. */
  UNREACHABLE: 4,
} as const;

/** For USAGE texts: the codes, as docs/regional-owners.md lists them. */
export const EXIT_CODES_TEXT = "Exit code 0: done; 1: the input has problems, nothing written; 2: bad usage; 3: refused by the hub; 4: the hub did not answer.";

const REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "LIMIT_EXCEEDED", "PERSISTED_QUERY_NOT_IN_LIST"]);
const INVALID = new Set(["BAD_USER_INPUT", "BAD_REQUEST", "GRAPHQL_VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"]);

/** The exit code for an answer the hub gave with these error codes and HTTP status. */
export function exitCodeOf(status: number, codes: (string | undefined)[]): number {
  if (codes.some((code) => code && REFUSALS.has(code)) || status === 401 || status === 403 || status === 429) return EXIT.REFUSED;
  if (codes.some((code) => code && INVALID.has(code)) || (status >= 400 && status < 500)) return EXIT.INVALID_INPUT;
  return EXIT.UNREACHABLE;
}

/**
 * A path as the user typed it: relative to the directory they ran the
 * command in, not the repository root npm runs scripts from (npm keeps the
 * caller's directory in INIT_CWD).
 */
export function fromCaller(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
