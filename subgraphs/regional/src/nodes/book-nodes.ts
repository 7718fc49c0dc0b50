import { BOOK_NODE_TYPES } from "@kooperacja/contract";
import { Directive, Field, ID, ObjectType, type ClassType } from "type-graphql";
import { Node } from "./node";

/**
 * The book's records as `node` knows them: a type and an ID, nothing more.
 * `node(id:)` answers a book ID with one of these, and the gateway fetches
 * every field the client asked for from the book (which checks that the
 * record exists and that the caller may read it). No descriptions: the
 * types are the book's, and so are their descriptions.
 */
function bookNode(name: string): ClassType<{ id: string }> {
  // Resolvable, as every implementation of an entity interface must be: a reference to one is its ID, which is all this subgraph has.
  @Directive(`@key(fields: "id")`)
  @ObjectType(name, { implements: Node })
  class BookNode {
    @Field(() => ID)
    id!: string;
  }
  return BookNode;
}

export const BOOK_NODES: ReadonlyMap<string, ClassType<{ id: string }>> = new Map(BOOK_NODE_TYPES.map((name) => [name, bookNode(name)]));
