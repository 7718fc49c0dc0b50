import { Loaders, type Caller, type Identity } from "@kooperacja/shared";
import type { SqlEntityManager } from "@mikro-orm/sqlite";

export interface BookContext {
  em: SqlEntityManager;
  loaders: Loaders;
  /** The verified caller. */
  identity: Identity;
}

export function createContext(em: SqlEntityManager, caller: Caller): BookContext {
  return { em, loaders: new Loaders(em), identity: caller.identity };
}
