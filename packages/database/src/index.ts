export {
  type Database,
  type DatabaseOptions,
  type DatabaseSettings,
  type Dialect,
  dialectOf,
  DIALECTS,
  openDatabase,
  type PoolUsage,
  redactUrl,
  StatementCounter,
} from "./database";
export { Loaders } from "./loaders";
export { findRows, readRows } from "./read-rows";
export { createMigrationFromEntities, migrationNeeded } from "./migration-cli";
export { findPostgresBinaries, startTemporaryPostgres, type TemporaryPostgres } from "./temporary-postgres";
