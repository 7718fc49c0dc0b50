import type { Configuration, Dictionary, Transaction } from "@mikro-orm/core";
import { AbstractSqlDriver, type AbstractSqlConnection, type CheckDef } from "@mikro-orm/knex";
import { SqliteConnection, SqlitePlatform, SqliteSchemaHelper } from "@mikro-orm/sqlite";

/** `kind` text check (`kind` in ('SITES', 'BODIES', …)): a vocabulary column as MikroORM writes it, and SQLite keeps it. */
const ENUM_COLUMN = /[`"[]([^`"\]]+)[`"\]] text check \([`"[][^`"\]]+[`"\]] in \(((?:\s*'(?:[^']|'')*'\s*,?)*)\)\)/gi;
const QUOTED = /'((?:[^']|'')*)'/g;

/**
 * MikroORM 6.6's SQLite schema helper reads the values of a vocabulary column's CHECK constraint back as its first and
 * last value only (it splits the list only at a comma that precedes the last value), so every column of three values
 * or more looked changed, and a migration was wanted for ever. This reads every value.
 */
class VocabularyAwareSchemaHelper extends SqliteSchemaHelper {
  override async getEnumDefinitions(
    connection: AbstractSqlConnection,
    _checks: CheckDef[],
    tableName: string,
    _schemaName: string,
    ctx?: Transaction,
  ): Promise<Dictionary<string[]>> {
    const table = await connection.execute<{ sql: string }>("select sql from sqlite_master where type = ? and name = ?", ["table", tableName], "get", ctx);
    const definitions: Dictionary<string[]> = {};
    for (const [, column, list] of table.sql.matchAll(ENUM_COLUMN)) {
      definitions[column!] = [...list!.matchAll(QUOTED)].map((value) => value[1]!.replace(/''/g, "'"));
    }
    return definitions;
  }
}

class HubSqlitePlatform extends SqlitePlatform {
  protected override readonly schemaHelper: SqliteSchemaHelper = new VocabularyAwareSchemaHelper(this);
}

/** MikroORM's SQLite driver (as `SqliteDriver` builds itself), on a platform whose schema helper reads vocabularies whole. */
export class HubSqliteDriver extends AbstractSqlDriver<SqliteConnection, HubSqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new HubSqlitePlatform(), SqliteConnection, ["knex", "sqlite3"]);
  }
}
