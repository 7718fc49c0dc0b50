import { ErrorCode, hubError, PARTNERSHIP_KEYS, type RegionFilter } from "@kooperacja/contract";
import { Field, InputType } from "type-graphql";

/**
 * Where rows can live. Every filter of the regional contract starts with
 * these fields, and the gateway prunes its fan-out by them: a filter naming
 * only partnership `kooperacje3d`, or voivodeship 10, is sent to one shard.
 */
@InputType("RegionFilter", { description: "Where rows can live; every filter of the regional contract has these fields." })
export abstract class RegionFilterInput implements RegionFilter {
  @Field(() => [String], { nullable: true, description: "Only these partnerships (liderzy, kooperacja, kooperacje3d)." })
  partnerships?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only these macroregions (I, II, III)." })
  macroregions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these voivodeships, by 2-digit TERYT code (e.g. "10" łódzkie).' })
  voivodeships?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only units with these TERYT codes or inside them (2, 4 or 7 digits)." })
  teryt?: string[] | null;
}

const MACROREGIONS = ["I", "II", "III"];

/** The most items a filter's list may hold at a region. */
export const MAX_FILTER_ITEMS = 500;

/** Refuses values that could never match, so a typo is an error rather than an empty answer. */
export function validateRegionFilter(filter: RegionFilter | null | undefined): void {
  if (!filter) return;
  // A region reached directly bounds its lists as the gateway does (MAX_LIST_ITEMS): thousands of codes make a statement SQLite refuses to parse.
  for (const field of ["partnerships", "macroregions", "voivodeships", "teryt"] as const) {
    const values = filter[field];
    if (values && values.length > MAX_FILTER_ITEMS) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `filter.${field} may hold at most ${MAX_FILTER_ITEMS} items; it has ${values.length}.`, {
        field: `filter.${field}`,
      });
    }
  }
  const check = (values: readonly string[] | null | undefined, field: string, valid: (value: string) => boolean, expected: string) => {
    const bad = values?.find((value) => !valid(value));
    if (bad !== undefined) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `filter.${field}: ${JSON.stringify(bad)} is not ${expected}.`, { field: `filter.${field}` });
    }
  };
  check(filter.partnerships, "partnerships", (value) => (PARTNERSHIP_KEYS as readonly string[]).includes(value), `one of ${PARTNERSHIP_KEYS.join(", ")}`);
  check(filter.macroregions, "macroregions", (value) => MACROREGIONS.includes(value), "I, II or III");
  check(filter.voivodeships, "voivodeships", (value) => /^\d{2}$/.test(value), "a 2-digit TERYT code");
  check(filter.teryt, "teryt", (value) => /^\d{2}(\d{2}(\d{3})?)?$/.test(value), "a TERYT code of 2, 4 or 7 digits");
}
