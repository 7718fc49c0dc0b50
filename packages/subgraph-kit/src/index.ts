export { startSubgraphServer, type SubgraphServerOptions } from "./subgraph-server";
export { validateArgument, validationProblems } from "./validation";
export { MunicipalityKind } from "./municipality-kind";
export { Sector } from "./sector";
