import { Loaders } from "@kooperacja/shared";
import type { SqlEntityManager } from "@mikro-orm/sqlite";

export interface BookContext {
  em: SqlEntityManager;
  loaders: Loaders;
}

export function createContext(em: SqlEntityManager): BookContext {
  return { em, loaders: new Loaders(em) };
}
