/**
 * Calendar quarters as the hub names them ("2019-Q4"), and the ISO days
 * (YYYY-MM-DD) that start and end them. The SQL form of `quarterOfDay` is
 * indicators/quarter-sql.ts.
 */

const FIRST_DAYS = ["01-01", "04-01", "07-01", "10-01"];
const LAST_DAYS = ["03-31", "06-30", "09-30", "12-31"];

/** The quarter a day falls in. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

/** A quarter's first day ("2019-Q4" → "2019-10-01"). */
export function firstDayOf(quarter: string): string {
  return `${quarter.slice(0, 4)}-${FIRST_DAYS[Number(quarter.slice(6)) - 1]}`;
}

/** A quarter's last day ("2019-Q4" → "2019-12-31"). */
export function lastDayOf(quarter: string): string {
  return `${quarter.slice(0, 4)}-${LAST_DAYS[Number(quarter.slice(6)) - 1]}`;
}

/** The quarter after ("2019-Q4" → "2020-Q1"). */
export function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const number = Number(quarter.slice(6));
  return number === 4 ? `${year + 1}-Q1` : `${year}-Q${number + 1}`;
}

/** The first quarter that starts on or after a day. */
export function firstQuarterFrom(day: string): string {
  const quarter = quarterOfDay(day);
  return day === firstDayOf(quarter) ? quarter : nextQuarter(quarter);
}
