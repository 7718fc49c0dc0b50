export { regionalConfig, regionalEnv, partnershipFromEnv, DEFAULT_REGIONAL_PORTS, LOCAL_RECORD_KEY_SECRET, type RegionalConfig } from "./config";
export { startRegionalService } from "./service";
export { regionalSchema } from "./schema";
export { maintainRollups, openRegionalDatabase } from "./database";
export { INDICATOR_CATALOGUE } from "./seed/indicator-catalogue";
