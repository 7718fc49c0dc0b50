export * from "./partnerships";
export * from "./errors";
export * from "./global-id";
export * from "./database";
export * from "./sharding";
export * from "./subgraph-server";
export * from "./migration-cli";
export * from "./loaders";
