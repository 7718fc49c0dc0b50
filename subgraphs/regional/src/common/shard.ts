import { SHARD_DIRECTIVE, ShardMerge } from "@kooperacja/shared";
import { DirectiveLocation, GraphQLDirective, GraphQLNonNull, GraphQLString } from "graphql";
import { Directive } from "type-graphql";

export const shardDirective = new GraphQLDirective({
  name: SHARD_DIRECTIVE,
  description: "How the gateway merges this root field across the regional shards.",
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: {
    merge: { type: new GraphQLNonNull(GraphQLString), description: "How to merge: CONCAT, UNION, ROUTE, ROUTE_MANY, PARTNERSHIP, CONNECTION or AGGREGATE (and, on group fields, KEY, TABLE, SUM, MIN, MAX, RATIO, CHOOSE, MISSING, SUPPRESS)." },
    by: { type: GraphQLString, description: "ROUTE: the ID argument; PARTNERSHIP: the partnership argument; ROUTE_MANY: the IDs argument; UNION: the identifying field; AGGREGATE: the list of groups; KEY: the dimension; RATIO: numerator/denominator fields; CHOOSE: the field naming the sibling to take; MISSING: the partnership field; SUPPRESS: the family count." },
    prune: { type: GraphQLString, description: "The filter argument whose partnerships, macroregions, voivodeships and TERYT codes narrow the shards asked." },
  },
});

function shard(merge: string, options: { by?: string; prune?: string } = {}) {
  const args = [`merge: "${merge}"`, ...(options.by ? [`by: "${options.by}"`] : []), ...(options.prune ? [`prune: "${options.prune}"`] : [])];
  return Directive(`@${SHARD_DIRECTIVE}(${args.join(", ")})`);
}

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
  min: () => shard(ShardMerge.MIN),
  max: () => shard(ShardMerge.MAX),
  ratio: (numerator: string, denominator: string) => shard(ShardMerge.RATIO, { by: `${numerator}/${denominator}` }),
  suppress: (countField: string) => shard(ShardMerge.SUPPRESS, { by: countField }),
};
