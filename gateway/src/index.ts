export { startHub, type Hub } from "./hub";
export { startGateway } from "./server";
export { gatewayConfig, DEFAULT_GATEWAY_PORT, type GatewayConfig } from "./config";
