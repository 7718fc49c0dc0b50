import { NATIONAL_SCALES } from "../subgraphs/regional/src/seed/national";

/**
 * What is wrong with a bench script's options: the scale, and the options that must be whole numbers above 0.
 * Printed, these end the script with exit code 2 (`refuseBadOptions`).
 */
export function optionProblems(values: Record<string, string | undefined>, wholeNumbers: readonly string[]): string[] {
  return [
    ...(values.scale! in NATIONAL_SCALES ? [] : [`--scale is one of ${Object.keys(NATIONAL_SCALES).join(", ")}`]),
    ...wholeNumbers
      .filter((name) => !(Number.isInteger(Number(values[name])) && Number(values[name]) > 0))
      .map((name) => `--${name} is a whole number above 0`),
  ];
}

/** Prints the problems and exits with 2, as the CLIs do for usage errors; returns when there are none. */
export function refuseBadOptions(problems: string[]): void {
  if (problems.length === 0) return;
  console.error(problems.join("\n"));
  process.exit(2);
}
