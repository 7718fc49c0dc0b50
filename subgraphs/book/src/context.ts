import { REQUEST_ID_HEADER, type Caller, type Identity } from "@kooperacja/service-kit";
import { Loaders } from "@kooperacja/database";
import type { Logger } from "pino";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { ComparisonParameters, ComparisonRun, HubClient } from "./hub/hub-client";

export interface BookContext {
  em: SqlEntityManager;
  loaders: Loaders;
  /** The verified caller. */
  identity: Identity;
  /** Runs a comparison on the hub as this caller, once per request for the same parameters. */
  compare(parameters: ComparisonParameters): Promise<ComparisonRun>;
  /** Whether a regional record exists and this caller may see it. */
  regionalRecordExists(id: string): Promise<boolean>;
}

export function contextFactory(hub: HubClient) {
  return (em: SqlEntityManager, caller: Caller, logger: Logger): BookContext => {
    const runs = new Map<string, Promise<ComparisonRun>>();
    // The book's calls to the gateway carry the request's id on, so one id follows the request through every service.
    const forward = { ...caller.forward, [REQUEST_ID_HEADER]: String(logger.bindings().requestId) };
    return {
      em,
      loaders: new Loaders(em),
      identity: caller.identity,
      compare: (parameters) => {
        const key = JSON.stringify(parameters);
        let run = runs.get(key);
        if (!run) runs.set(key, (run = hub.compare(forward, parameters)));
        return run;
      },
      regionalRecordExists: (id) => hub.exists(forward, id),
    };
  };
}
