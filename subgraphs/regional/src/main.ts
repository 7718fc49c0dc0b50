import "reflect-metadata";
import { runUntilSignal } from "@kooperacja/service-kit";
import { partnershipFromEnv, regionalConfig } from "./config";
import { startRegionalService } from "./service";

// `PARTNERSHIP=kooperacje3d npm run start:region`: one region's deployment on its own.
runUntilSignal(
  () => startRegionalService(regionalConfig(partnershipFromEnv())),
  (service) => `Regional subgraph ${service.name} ready at ${service.url}`,
);
