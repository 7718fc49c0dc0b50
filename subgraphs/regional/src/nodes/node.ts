import { Directive, Field, ID, InterfaceType } from "type-graphql";

// An entity interface (Federation 2.3): the planner fetches the fields of a book record `node` returns from the book.
@Directive(`@key(fields: "id")`)
@InterfaceType({ description: "An object with a global ID (Relay Node): every regional record and every record of the book. Fetch any by `node(id:)`." })
export abstract class Node {
  @Field(() => ID, { description: "Global, opaque ID. It carries the owning partnership, so the gateway can route by it." })
  id!: string;
}
