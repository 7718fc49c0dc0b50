import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType({ description: "An object with a global ID (Relay Node). Every regional record is one; fetch any by `node(id:)`." })
export abstract class Node {
  @Field(() => ID, { description: "Global, opaque ID. It carries the owning partnership, so the gateway can route by it." })
  id!: string;
}
