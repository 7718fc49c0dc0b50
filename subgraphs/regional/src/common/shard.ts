import { SHARD_DIRECTIVE, ShardMerge, ShardProtect } from "@kooperacja/contract";
import { DirectiveLocation, GraphQLDirective, GraphQLNonNull, GraphQLString } from "graphql";
import { Directive } from "type-graphql";

export const shardDirective = new GraphQLDirective({
  name: SHARD_DIRECTIVE,
  description: "How the gateway merges this root field across the regional shards.",
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: {
    merge: {
      type: new GraphQLNonNull(GraphQLString),
      description:
        "How to merge: CONCAT, UNION, ROUTE, ROUTE_MANY, PARTNERSHIP, CONNECTION or AGGREGATE (and, on group fields, KEY, TABLE, SUM, MIN, MAX, RATIO, CHOOSE, MISSING, SUPPRESS, PROTECTION, KEYSUM).",
    },
    by: {
      type: GraphQLString,
      description:
        "ROUTE: the ID argument; PARTNERSHIP: the partnership argument; ROUTE_MANY: the IDs argument; UNION: the identifying field; AGGREGATE: the list of groups; KEY: the dimension; RATIO: numerator/denominator fields; CHOOSE: the field naming the sibling to take; MISSING: the partnership field; SUPPRESS: the family count.",
    },
    prune: { type: GraphQLString, description: "The filter argument whose partnerships, macroregions, voivodeships and TERYT codes narrow the shards asked." },
    protect: {
      type: GraphQLString,
      description:
        "On a group figure about families, how it is protected for a caller who does not own every region in the group: COUNT <cell key field>, SUM <cell key field> <largest value field>, or WITHHOLD.",
    },
  },
});

function shard(merge: string, options: { by?: string; prune?: string; protect?: string } = {}) {
  const args = [`merge: "${merge}"`, ...(["by", "prune", "protect"] as const).flatMap((name) => (options[name] ? [`${name}: "${options[name]}"`] : []))];
  return Directive(`@${SHARD_DIRECTIVE}(${args.join(", ")})`);
}

/**
 * What one aggregate asks of one region, against a plain field's 1: it reads
 * every fact of its indicators in SQL. The gateway multiplies it by the
 * indicators, the groupings and the regions the question reaches
 * (docs/access-and-privacy.md, Limits), so 30 aliased comparisons cost what they make
 * the regions compute.
 */
export const AGGREGATE_WEIGHT = 1000;

/** The field's weight for the gateway's cost limit: Apollo Federation's `@cost` (the IBM GraphQL cost directive). */
export const aggregateCost = () => Directive(`@cost(weight: ${AGGREGATE_WEIGHT})`);

/** Clients never see a cell key: the gateway asks the shards for it, composition keeps it out of the API schema. */
const inaccessible = Directive("@inaccessible");

/** Decorators for root fields (and for the fields of aggregate groups): each says how the gateway merges the field. */
export const Shard = {
  concat: (prune?: string) => shard(ShardMerge.CONCAT, { prune }),
  connection: (prune?: string) => shard(ShardMerge.CONNECTION, { prune }),
  route: (argument: string) => shard(ShardMerge.ROUTE, { by: argument }),
  partnership: (argument: string) => shard(ShardMerge.PARTNERSHIP, { by: argument }),
  routeMany: (argument: string) => shard(ShardMerge.ROUTE_MANY, { by: argument }),
  union: (field: string) => shard(ShardMerge.UNION, { by: field }),
  aggregate: (groupsField: string, prune?: string) => shard(ShardMerge.AGGREGATE, { by: groupsField, prune }),
  key: (dimension: string) => shard(ShardMerge.KEY, { by: dimension }),
  table: () => shard(ShardMerge.TABLE),
  choose: (selector: string) => shard(ShardMerge.CHOOSE, { by: selector }),
  missing: (partnershipField: string) => shard(ShardMerge.MISSING, { by: partnershipField }),
  sum: () => shard(ShardMerge.SUM),
  /** A count about families, protected with the cell key in `keyField`. */
  count: (keyField: string) => shard(ShardMerge.SUM, { protect: `${ShardProtect.COUNT} ${keyField}` }),
  /** A sum about families, protected with the cell key in `keyField`, its noise scaled by the largest value in `largestField`. */
  magnitude: (keyField: string, largestField: string) => shard(ShardMerge.SUM, { protect: `${ShardProtect.SUM} ${keyField} ${largestField}` }),
  /** A smallest value: one record's own, withheld from protected groups. */
  min: () => shard(ShardMerge.MIN, { protect: ShardProtect.WITHHOLD }),
  /** A largest value: one record's own, withheld from protected groups. */
  max: () => shard(ShardMerge.MAX, { protect: ShardProtect.WITHHOLD }),
  ratio: (numerator: string, denominator: string) => shard(ShardMerge.RATIO, { by: `${numerator}/${denominator}` }),
  suppress: (countField: string) => shard(ShardMerge.SUPPRESS, { by: countField }),
  protection: () => shard(ShardMerge.PROTECTION),
  /** What the figure is computed from, derived from the synthetic and all records (`synthetic/records` field names). */
  origin: (syntheticField: string, recordsField: string) => shard(ShardMerge.ORIGIN, { by: `${syntheticField}/${recordsField}` }),
  /** A count the gateway merges (SUM) and reads alone: never a client's, like a cell key. */
  hiddenSum: (): PropertyDecorator & MethodDecorator => (target: object, property: string | symbol, descriptor?: PropertyDescriptor) => {
    shard(ShardMerge.SUM)(target, property, descriptor as never);
    inaccessible(target, property, descriptor as never);
  },
  /** A cell key: added up across shards, read by the gateway alone. */
  keySum: (): PropertyDecorator & MethodDecorator => (target: object, property: string | symbol, descriptor?: PropertyDescriptor) => {
    shard(ShardMerge.KEYSUM)(target, property, descriptor as never);
    inaccessible(target, property, descriptor as never);
  },
};
