import { registerDecorator, type ValidationArguments, type ValidationOptions } from "class-validator";

/** PO WER action 2.5 ran from 2018-04-01 to 2021-03-31; dates outside it need `outsideProgrammePeriod`. */
export const PROGRAMME_PERIOD = { from: "2018-04-01", to: "2021-03-31", firstQuarter: "2018-Q2", lastQuarter: "2021-Q1" } as const;

/** An input whose dates may lie outside the programme period when the owner says so. */
export interface PeriodFlag {
  outsideProgrammePeriod?: boolean | null;
}

function rule(
  name: string,
  message: string | ((args: ValidationArguments) => string),
  test: (value: unknown, args: ValidationArguments) => boolean,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: typeof message === "string" ? message : message, ...options },
      validator: { validate: test },
    });
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const IsIsoDate = () => rule("isIsoDate", "must be a date written YYYY-MM-DD", (value) => isIsoDate(value));

const outside = (args: ValidationArguments) => (args.object as PeriodFlag).outsideProgrammePeriod === true;

/** Within the programme period, unless the input sets `outsideProgrammePeriod`. A malformed date is IsIsoDate's to report. */
export const InProgrammePeriod = () =>
  rule(
    "inProgrammePeriod",
    `must fall within the programme period ${PROGRAMME_PERIOD.from} to ${PROGRAMME_PERIOD.to} (set outsideProgrammePeriod to record a date outside it)`,
    (value, args) => !isIsoDate(value) || outside(args) || (value >= PROGRAMME_PERIOD.from && value <= PROGRAMME_PERIOD.to),
  );

/** A quarter such as 2019-Q4, within the programme period unless marked otherwise. */
export const IsProgrammeQuarter = () =>
  rule(
    "isProgrammeQuarter",
    `must be a quarter written YYYY-Qn, from ${PROGRAMME_PERIOD.firstQuarter} to ${PROGRAMME_PERIOD.lastQuarter} (set outsideProgrammePeriod for another quarter)`,
    (value, args) =>
      typeof value === "string" &&
      /^(19|20)\d{2}-Q[1-4]$/.test(value) &&
      (outside(args) || (value >= PROGRAMME_PERIOD.firstQuarter && value <= PROGRAMME_PERIOD.lastQuarter)),
  );

/**
 * A TERYT code of a gmina (7 digits, the last one the type: 1 urban, 2 rural,
 * 3 urban-rural, 4 town and 5 rural area of an urban-rural gmina, 8 and 9
 * districts) or of a powiat (4 digits). Voivodeship codes are even, 02 to 32.
 */
export function isTeryt(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}(\d{2}[1-589])?$/.test(value)) return false;
  const voivodeship = Number(value.slice(0, 2));
  return voivodeship >= 2 && voivodeship <= 32 && voivodeship % 2 === 0 && value.slice(2, 4) !== "00";
}

export const IsTeryt = () =>
  rule("isTeryt", "must be a TERYT code: 4 digits for a powiat, 7 for a gmina (the last digit its type, 1-5)", (value) => isTeryt(value));

/** Identifiers the regions choose for their records (bodies, meetings, activities) and pseudonymous family codes. */
export const IsLocalKey = () =>
  rule(
    "isLocalKey",
    "must be 1 to 64 letters (Polish ones too), digits, dots, dashes or underscores",
    (value) => typeof value === "string" && /^[\p{L}\p{N}._-]{1,64}$/u.test(value),
  );

/** Text without control characters (tabs and line breaks allowed), trimmed, not empty when required. */
export const IsPlainText = () =>
  rule(
    "isPlainText",
    "must not contain control characters or start or end with spaces",

    (value) =>
      value === null ||
      value === undefined ||
      // eslint-disable-next-line no-control-regex -- finding control characters is the point of this rule.
      (typeof value === "string" && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value) && value.trim() === value),
  );

/**
 * An amount of money as an exact decimal string: "12345.67", "12345,67" or
 * "12 345,67" (Polish). Parsed to grosze, never through floating point.
 */
export function parseMoney(value: string): bigint | null {
  const compact = value.replace(/[\s\u00A0]/g, "");
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

export const IsMoney = () =>
  rule(
    "isMoney",
    "must be a non-negative amount in złoty with at most two decimal places, e.g. 12345.67 or 12 345,67",
    (value) => value === null || value === undefined || (typeof value === "string" && parseMoney(value) !== null),
  );
