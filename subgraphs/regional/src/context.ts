import { Loaders, type Caller, type Identity, type PartnershipKey } from "@kooperacja/shared";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { Logger } from "pino";
import { OutcomeIndicator } from "./indicators/outcome-indicator.entity";

/** What every resolver of one request sees. */
export interface RegionalContext {
  /** The partnership this deployment serves. */
  partnership: PartnershipKey;
  em: SqlEntityManager;
  loaders: Loaders;
  /** The verified caller. */
  identity: Identity;
  /**
   * The request came from the gateway (a valid internal assertion): it merges
   * aggregate partials across shards and suppresses small cells itself, so
   * this shard returns its partials whole. Direct callers get them suppressed here.
   */
  viaGateway: boolean;
  suppressionThreshold: number;
  /** The service's JSON log, with this request's id. */
  logger: Logger;
  /** Codes of the indicators whose values are about families; read once per request. */
  familyIndicatorCodes(): Promise<Set<string>>;
}

export function createContext(partnership: PartnershipKey, em: SqlEntityManager, caller: Caller, suppressionThreshold: number, logger: Logger): RegionalContext {
  let codes: Promise<Set<string>> | undefined;
  return {
    partnership,
    em,
    loaders: new Loaders(em),
    ...caller,
    suppressionThreshold,
    logger,
    familyIndicatorCodes: () => {
      codes ??= em.find(OutcomeIndicator, { aboutFamilies: true }, { fields: ["id"] }).then((rows) => new Set(rows.map((row) => row.id)));
      return codes;
    },
  };
}
