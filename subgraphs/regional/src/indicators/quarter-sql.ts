/** The quarter ("2019-Q4") of an ISO date column, in SQL that SQLite and PostgreSQL both run. */
export function quarterOf(column: string): string {
  return `substr(${column}, 1, 4) || '-Q' || ((cast(substr(${column}, 6, 2) as integer) + 2) / 3)`;
}
