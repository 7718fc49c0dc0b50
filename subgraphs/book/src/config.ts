import { DEFAULT_BOOK_PORT } from "@kooperacja/contract";
import {
  authConfig,
  readAll,
  databaseVar,
  flagVar,
  intVar,
  readEnv,
  SERVICE_ENV,
  serviceSettings,
  textVar,
  urlVar,
  type AuthConfig,
  type ServiceSettings,
} from "@kooperacja/service-kit";
import { join, resolve } from "node:path";

export interface BookConfig extends ServiceSettings {
  auth: AuthConfig;
  /** The hub's gateway, which the book asks for the figures of its evidence. */
  hubUrl: string;
  seedDemo: boolean;
}

export { DEFAULT_BOOK_PORT };

/** The variables the book's deployment reads (besides the identity settings of `authConfig`). */
export const BOOK_ENV = {
  ...SERVICE_ENV,
  DATA_DIR: textVar("data"),
  SUBGRAPH_HOST: textVar("127.0.0.1"),
  BOOK_PORT: intVar(DEFAULT_BOOK_PORT),
  /** A postgresql:// URL, or a SQLite file; DATA_DIR/book.sqlite when unset. */
  BOOK_DATABASE_URL: databaseVar(),
  // The gateway's default address (GATEWAY_PORT 4000); `npm start` passes the one it really listens on.
  HUB_URL: urlVar("http://127.0.0.1:4000/"),
  /** Seed the demo chapters and draft recommendations on first start; production sets false. */
  SEED_DEMO: flagVar(true),
};

export function bookConfig(env: NodeJS.ProcessEnv = process.env): BookConfig {
  const [values, auth] = readAll(
    () => readEnv(BOOK_ENV, env),
    () => authConfig(env, "book"),
  );
  return {
    ...serviceSettings(values, {
      host: values.SUBGRAPH_HOST!,
      port: values.BOOK_PORT,
      databaseUrl: values.BOOK_DATABASE_URL ?? join(resolve(values.DATA_DIR!), "book.sqlite"),
    }),
    auth,
    hubUrl: values.HUB_URL!,
    seedDemo: values.SEED_DEMO,
  };
}
