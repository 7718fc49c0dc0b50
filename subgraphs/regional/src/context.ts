import { type PartnershipKey, type RecordKeys } from "@kooperacja/contract";
import { type Caller, type Identity } from "@kooperacja/service-kit";
import { Loaders } from "@kooperacja/database";
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
   * aggregate partials across shards and protects the merged figures itself,
   * so this shard returns its partials whole, cell keys included. Direct
   * callers get them protected here.
   */
  viaGateway: boolean;
  /** The minimum number of families behind a published figure. */
  suppressionThreshold: number;
  /** Aggregates read the rollups (built to the code's definition, and READ_ROLLUPS not false); the base tables otherwise. */
  rollups: boolean;
  /** Counts the time a write spent bringing the rollups up to date (the `hub_rollup_refresh_seconds` metric). */
  rollupRefreshed(seconds: number): void;
  /** Keys new families and indicator values (the cell key method). */
  recordKeys: RecordKeys;
  /** The service's JSON log, with this request's id. */
  logger: Logger;
  /** Codes of the indicators whose values are about families; read once per request. */
  familyIndicatorCodes(): Promise<Set<string>>;
}

export function createContext(options: {
  partnership: PartnershipKey;
  em: SqlEntityManager;
  caller: Caller;
  suppressionThreshold: number;
  rollups: boolean;
  rollupRefreshed?: (seconds: number) => void;
  recordKeys: RecordKeys;
  logger: Logger;
}): RegionalContext {
  const { em, caller, rollupRefreshed = () => {}, ...settings } = options;
  let codes: Promise<Set<string>> | undefined;
  return {
    ...settings,
    em,
    loaders: new Loaders(em),
    rollupRefreshed,
    ...caller,
    familyIndicatorCodes: () => {
      codes ??= em.find(OutcomeIndicator, { aboutFamilies: true }, { fields: ["id"] }).then((rows) => new Set(rows.map((row) => row.id)));
      return codes;
    },
  };
}
