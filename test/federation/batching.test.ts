import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

const NESTED = /* GraphQL */ `
  {
    partnerships {
      key
      pilotSites {
        name
        unit {
          teryt
          parent {
            name
          }
        }
        families {
          code
          indicatorValues {
            period
            value
            indicator {
              code
            }
          }
        }
        indicatorValues {
          period
          value
        }
      }
    }
  }
`;

async function measure(hub: TestHub) {
  // The owner of every partnership: the nested query reaches family-level rows in every region.
  const owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
  const result = await graphql(hub.gateway.url, NESTED, undefined, { "x-hub-debug": "sql", ...owner });
  expect(result.errors).toBeUndefined();
  const families = result.data.partnerships.flatMap((p: any) => p.pilotSites.flatMap((s: any) => s.families));
  const values = families.flatMap((f: any) => f.indicatorValues);
  return { statements: result.extensions?.sqlStatements as number, families: families.length, values: values.length };
}

describe("nested queries are batched", () => {
  let small: TestHub;
  let large: TestHub;
  beforeAll(async () => {
    small = await startTestHub({ SEED_SCALE: "1" });
    large = await startTestHub({ SEED_SCALE: "6" });
  });
  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  it("issues the same number of SQL statements for partnerships → sites → families → indicator values at two data sizes", async () => {
    const a = await measure(small);
    const b = await measure(large);
    expect(b.families).toBeGreaterThanOrEqual(a.families * 5);
    expect(b.values).toBeGreaterThan(a.values * 3);
    expect(a.statements).toBeGreaterThan(0);
    expect(b.statements).toBe(a.statements);
    console.log(`nested query: ${a.families}→${b.families} families, ${a.values}→${b.values} values, ${a.statements}→${b.statements} SQL statements`);
    // One statement per relation level per shard: partnerships, sites, units, parents, families,
    // family values, indicators, site values, across three shards.
    expect(a.statements).toBeLessThanOrEqual(8 * 3);
  });

  it("counts a connection's rows only for a client that reads totalCount: one count statement per region more", async () => {
    const owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    const statements = async (selection: string) => {
      const result = await graphql(large.gateway.url, `{ supportedFamilies(first: 20) { ${selection} } }`, undefined, { "x-hub-debug": "sql", ...owner });
      expect(result.errors).toBeUndefined();
      return { count: result.extensions?.sqlStatements as number, data: result.data.supportedFamilies };
    };
    const without = await statements("edges { node { code } }");
    const withTotal = await statements("totalCount edges { node { code } }");
    expect(withTotal.count).toBe(without.count + PARTNERSHIP_KEYS.length);
    expect(withTotal.data.edges).toEqual(without.data.edges);
    expect(withTotal.data.totalCount).toBeGreaterThan(100);
  });
});
