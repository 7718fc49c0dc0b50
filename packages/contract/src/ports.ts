import type { PartnershipKey } from "./partnerships";

/**
 * Where each service listens on one machine by default: the regions in macroregion order, then the
 * book (the gateway takes 4000). The services listen there, and the gateway calls there, without
 * either loading the other's code.
 */
export const DEFAULT_REGIONAL_PORTS: Record<PartnershipKey, number> = { liderzy: 4101, kooperacja: 4102, kooperacje3d: 4103 };
export const DEFAULT_BOOK_PORT = 4104;
