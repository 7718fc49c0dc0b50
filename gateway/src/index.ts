export { startHub, type Hub } from "./hub";
export { startGateway } from "./server";
export { expectedServices, servicesReadiness } from "./readiness";
export { gatewayConfig, GATEWAY_ENV, DEFAULT_GATEWAY_PORT, type GatewayConfig } from "./config";
export { resolveCompose, printCompose } from "./compose-config";
