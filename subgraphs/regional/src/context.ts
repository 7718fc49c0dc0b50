import type { PartnershipKey } from "@kooperacja/shared";
import type { SqlEntityManager } from "@mikro-orm/sqlite";
import { Loaders } from "@kooperacja/shared";

/** What every resolver of one request sees. */
export interface RegionalContext {
  /** The partnership this deployment serves. */
  partnership: PartnershipKey;
  em: SqlEntityManager;
  loaders: Loaders;
}

export function createContext(partnership: PartnershipKey, em: SqlEntityManager): RegionalContext {
  return { partnership, em, loaders: new Loaders(em) };
}
