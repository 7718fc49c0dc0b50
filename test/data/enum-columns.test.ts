import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, run } from "../databases";
import { as, startTestHub, upload, type TestHub, type ServiceName } from "../helpers";

/**
 * Every column that holds one of a vocabulary's values, with the vocabulary as the API publishes it. The database
 * itself refuses anything else (a CHECK constraint), so a row written around the API (a script, a restore, a bug)
 * cannot hold a value no reader knows.
 */
const COLUMNS: { services: readonly ServiceName[]; table: string; column: string }[] = [
  ...(
    [
      ["territorial_unit", "level"],
      ["territorial_unit", "municipality_kind"],
      ["pilot_site", "status"],
      ["institution", "kind"],
      ["institution", "sector"],
      ["partnership_member", "role"],
      ["model_structure", "kind"],
      ["cooperation_body", "kind"],
      ["supported_family", "cooperation_level"],
      ["support_activity", "kind"],
      ["outcome_indicator", "level"],
      ["outcome_indicator", "basis"],
      ["outcome_indicator", "aggregation"],
      ["outcome_indicator", "direction"],
      ["field_claim", "kind"],
      ["field_claim", "omission"],
      ["import_batch", "kind"],
      ["audit_entry", "action"],
    ] as const
  ).map(([table, column]) => ({ services: PARTNERSHIP_KEYS, table, column })),
  { services: ["book"], table: "recommendation", column: "status" },
  { services: ["book"], table: "evidence_link", column: "target_type" },
];

const FAMILIES = "code;site_teryt;cooperation_level;social_contract;started_on;ended_on\nENUM-1;2815;CLIENT;tak;2019-06-01;";

describe("columns of a vocabulary", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    // An import, so the import and audit tables hold rows too.
    const imported = await upload(
      hub.gateway.url,
      `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file) { written } }`,
      FAMILIES,
      "families.csv",
      await as(Role.REGIONAL_OWNER, ["kooperacja"]),
    );
    expect(imported.errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  it.each(COLUMNS.map((entry) => [`${entry.table}.${entry.column}`, entry] as const))(
    "%s refuses a value outside its vocabulary, and keeps the one it has",
    async (_name, { services, table, column }) => {
      // A row that has a value, from whichever database holds one (a region's units may all be powiaty, say).
      const found = [];
      for (const service of services) {
        const url = hub.databaseUrl(service);
        const rows = await query<{ id: string; value: string }>(url, `select id, ${column} as value from ${table} where ${column} is not null limit 1`);
        if (rows[0]) found.push({ url, row: rows[0] });
      }
      expect(found.length, `a row of ${table} with a ${column}`).toBeGreaterThan(0);
      const { url, row } = found[0]!;
      await expect(run(url, [[`update ${table} set ${column} = ? where id = ?`, ["NOT_A_VALUE", row.id]]])).rejects.toThrow(
        /CHECK constraint failed|violates check constraint/,
      );
      // The same value written again passes: the constraint admits the vocabulary.
      await run(url, [[`update ${table} set ${column} = ? where id = ?`, [row.value, row.id]]]);
      const [after] = await query<{ value: string }>(url, `select ${column} as value from ${table} where id = ?`, [row.id]);
      expect(after!.value).toBe(row.value);
    },
  );
});
