/**
 * A list read out by a live region: the first `limit` items, then how many more there are
 * (at national size a voivodeship has hundreds of pilot sites; the table lists them all).
 */
export function spokenList(items: string[], limit: number, more: (count: number) => string): string {
  return items.length > limit ? `${items.slice(0, limit).join("; ")}; ${more(items.length - limit)}` : items.join("; ");
}
