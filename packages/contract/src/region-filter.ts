import { PARTNERSHIP_KEYS, PARTNERSHIPS, type PartnershipKey } from "./partnerships";

/**
 * The part of a filter that says where rows can live. Every regional filter
 * input has these fields, so the gateway can send a fetch only to the shards
 * that can hold matching rows, and each shard applies the same filter in SQL.
 */
export interface RegionFilter {
  partnerships?: readonly string[] | null;
  macroregions?: readonly string[] | null;
  /** 2-digit TERYT codes of voivodeships. */
  voivodeships?: readonly string[] | null;
  /** TERYT codes (2, 4 or 7 digits) of units; a row matches when its unit is one of them or lies inside one. */
  teryt?: readonly string[] | null;
}

/**
 * The shards that can hold rows matching the filter: each named dimension
 * narrows the set (they combine with AND), an absent one does not.
 */
export function shardsForFilter(filter: RegionFilter | null | undefined): PartnershipKey[] {
  let keys: PartnershipKey[] = [...PARTNERSHIP_KEYS];
  if (!filter) return keys;
  const narrow = (values: readonly string[] | null | undefined, matches: (key: PartnershipKey, value: string) => boolean) => {
    if (values) keys = keys.filter((key) => values.some((value) => matches(key, value)));
  };
  narrow(filter.partnerships, (key, value) => key === value);
  narrow(filter.macroregions, (key, value) => PARTNERSHIPS[key].macroregion === value);
  narrow(filter.voivodeships, (key, value) => PARTNERSHIPS[key].voivodeships.includes(value));
  narrow(filter.teryt, (key, value) => PARTNERSHIPS[key].voivodeships.includes(value.slice(0, 2)));
  return keys;
}
