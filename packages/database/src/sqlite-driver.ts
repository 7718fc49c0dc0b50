import type { Configuration, Dictionary, Transaction } from "@mikro-orm/core";
import { BetterSqliteConnection, BetterSqlitePlatform, BetterSqliteSchemaHelper } from "@mikro-orm/better-sqlite";
import { AbstractSqlDriver, type AbstractSqlConnection, type CheckDef } from "@mikro-orm/knex";
import { SqliteConnection, SqlitePlatform, SqliteSchemaHelper } from "@mikro-orm/sqlite";

/** `kind` text check (`kind` in ('SITES', 'BODIES', …)): a vocabulary column as MikroORM writes it, and SQLite keeps it. */
const ENUM_COLUMN = /[`"[]([^`"\]]+)[`"\]] text check \([`"[][^`"\]]+[`"\]] in \(((?:\s*'(?:[^']|'')*'\s*,?)*)\)\)/gi;
const QUOTED = /'((?:[^']|'')*)'/g;

/**
 * The values of every vocabulary column of a table, read from its CHECK constraints. MikroORM 6.6's SQLite schema
 * helpers read them back as the first and last value only (they split the list only at the comma before the last
 * value), so every column of three values or more looked changed, and a migration was wanted for ever (decision 0020).
 */
async function vocabularies(connection: AbstractSqlConnection, tableName: string, ctx?: Transaction): Promise<Dictionary<string[]>> {
  const table = await connection.execute<{ sql: string }>("select sql from sqlite_master where type = ? and name = ?", ["table", tableName], "get", ctx);
  const definitions: Dictionary<string[]> = {};
  for (const [, column, list] of table.sql.matchAll(ENUM_COLUMN)) {
    definitions[column!] = [...list!.matchAll(QUOTED)].map((value) => value[1]!.replace(/''/g, "'"));
  }
  return definitions;
}

class SchemaHelper extends SqliteSchemaHelper {
  override getEnumDefinitions(connection: AbstractSqlConnection, _checks: CheckDef[], tableName: string, _schema: string, ctx?: Transaction) {
    return vocabularies(connection, tableName, ctx);
  }
}

class BetterSchemaHelper extends BetterSqliteSchemaHelper {
  override getEnumDefinitions(connection: AbstractSqlConnection, _checks: CheckDef[], tableName: string, _schema: string, ctx?: Transaction) {
    return vocabularies(connection, tableName, ctx);
  }
}

class Platform extends SqlitePlatform {
  protected override readonly schemaHelper: SqliteSchemaHelper = new SchemaHelper(this);
}

class BetterPlatform extends BetterSqlitePlatform {
  protected override readonly schemaHelper: BetterSqliteSchemaHelper = new BetterSchemaHelper(this);
}

/** MikroORM's SQLite driver on node-sqlite3 (as `SqliteDriver` builds itself), reading vocabularies whole. */
export class HubSqliteDriver extends AbstractSqlDriver<SqliteConnection, Platform> {
  constructor(config: Configuration) {
    super(config, new Platform(), SqliteConnection, ["knex", "sqlite3"]);
  }
}

/** MikroORM's SQLite driver on better-sqlite3 (as `BetterSqliteDriver` builds itself), reading vocabularies whole. */
export class HubBetterSqliteDriver extends AbstractSqlDriver<BetterSqliteConnection, BetterPlatform> {
  constructor(config: Configuration) {
    super(config, new BetterPlatform(), BetterSqliteConnection, ["knex", "better-sqlite3"]);
  }
}
