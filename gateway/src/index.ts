export { startGateway } from "./server";
export { expectedServices, servicesReadiness } from "./readiness";
export { gatewayConfig, GATEWAY_ENV, DEFAULT_GATEWAY_PORT, type GatewayConfig } from "./config";
export { SCHEMA_DIR, SUPERGRAPH_PATH, REGIONAL_SUBGRAPH, BOOK_SUBGRAPH } from "./supergraph";
