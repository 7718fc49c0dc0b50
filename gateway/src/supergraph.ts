import { join, resolve } from "node:path";

/**
 * Where the gateway finds the supergraph and the contracts it serves: schema/ of the repository
 * (generated from the subgraphs' code by `npm run schema`, checked in). The gateway reads these
 * files; it never loads a subgraph's code.
 */
export const SCHEMA_DIR = process.env.SCHEMA_DIR ?? resolve(__dirname, "../../schema");
export const SUPERGRAPH_PATH = join(SCHEMA_DIR, "supergraph.graphql");

/** Subgraph names as they appear in the supergraph; "regional" is the sharded contract. */
export const REGIONAL_SUBGRAPH = "regional";
export const BOOK_SUBGRAPH = "book";
