import { runUntilSignal } from "@kooperacja/service-kit";
import { gatewayConfig } from "./config";
import { startGateway } from "./server";

// `npm run start:gateway`: the gateway alone, for deployments where each service runs on its own.
runUntilSignal(
  () => startGateway(gatewayConfig()),
  (gateway) => `Kooperacja Hub gateway ready at ${gateway.url}`,
);
