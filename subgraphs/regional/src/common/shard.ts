import { SHARD_DIRECTIVE, ShardMerge } from "@kooperacja/shared";
import { DirectiveLocation, GraphQLDirective, GraphQLNonNull, GraphQLString } from "graphql";
import { Directive } from "type-graphql";

export const shardDirective = new GraphQLDirective({
  name: SHARD_DIRECTIVE,
  description: "How the gateway merges this root field across the regional shards.",
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: {
    merge: { type: new GraphQLNonNull(GraphQLString), description: "CONCAT, ROUTE or UNION." },
    by: { type: GraphQLString, description: "ROUTE: the ID argument; UNION: the identifying field." },
  },
});

/** Decorators for root fields: each says how the gateway merges the field. */
export const Shard = {
  concat: () => Directive(`@${SHARD_DIRECTIVE}(merge: "${ShardMerge.CONCAT}")`),
  route: (argument: string) => Directive(`@${SHARD_DIRECTIVE}(merge: "${ShardMerge.ROUTE}", by: "${argument}")`),
  union: (field: string) => Directive(`@${SHARD_DIRECTIVE}(merge: "${ShardMerge.UNION}", by: "${field}")`),
};
