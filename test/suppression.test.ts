import { PARTNERSHIP_KEYS, Role, type PartnershipKey } from "@kooperacja/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./databases";
import { as, graphql, startTestHub, type TestHub } from "./helpers";

/** A pilot site of each region, to hang the test's families on. */
const SITE: Record<PartnershipKey, string> = { liderzy: "2013102", kooperacja: "2815", kooperacje3d: "1012011" };

/**
 * Adds `count` families of one region with a CONTRACT_GOALS_MET value each
 * in `period`, a quarter the demo data does not use, so the test knows
 * exactly how many families every group is computed from.
 */
async function addFamilies(hub: TestHub, partnership: PartnershipKey, period: string, count: number): Promise<void> {
  const statements: [string, unknown[]][] = [];
  for (let n = 1; n <= count; n++) {
    const id = `T-${partnership}-${period}-${n}`;
    statements.push(
      [
        `insert into supported_family (id, partnership, provenance_kind, code, site_id, cooperation_level, social_contract, started_on)
         values (?, ?, 'SYNTHETIC_DEMO', ?, ?, 'CLIENT', true, '2025-01-15')`,
        [id, partnership, id, SITE[partnership]],
      ],
      [
        `insert into indicator_value (id, partnership, provenance_kind, indicator_id, site_id, family_id, period, value)
         values (?, ?, 'SYNTHETIC_DEMO', 'CONTRACT_GOALS_MET', ?, ?, ?, ?)`,
        [`CONTRACT_GOALS_MET:${id}`, partnership, SITE[partnership], id, period, 50 + n],
      ],
    );
  }
  await run(hub.databaseUrl(partnership), statements);
}

const SUMMARY = `query($groupBy: [SummaryDimension!]!, $period: String!) {
  indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: $groupBy, filter: { periods: [$period] }) {
    groups { partnership count sum min max average families suppressed }
  }
}`;

describe("small-cell suppression of aggregates", () => {
  let hub: TestHub;
  const summary = async (headers: Record<string, string>, period: string, groupBy: string[] = ["PARTNERSHIP"], url = hub.gateway.url) => {
    const result = await graphql(url, SUMMARY, { groupBy, period }, headers);
    expect(result.errors).toBeUndefined();
    return result.data.indicatorSummary.groups as Record<string, any>[];
  };
  const byPartnership = (groups: Record<string, any>[]) => Object.fromEntries(groups.map((group) => [group.partnership, group]));
  const hidden = { count: null, sum: null, min: null, max: null, average: null, families: null, suppressed: true };

  beforeAll(async () => {
    hub = await startTestHub();
    await addFamilies(hub, "kooperacja", "2025-Q1", 3);
    await addFamilies(hub, "liderzy", "2025-Q2", 2);
    await addFamilies(hub, "kooperacje3d", "2025-Q2", 2);
    await addFamilies(hub, "liderzy", "2025-Q3", 3);
    await addFamilies(hub, "kooperacja", "2025-Q3", 3);
    await addFamilies(hub, "liderzy", "2025-Q4", 8);
    await addFamilies(hub, "kooperacja", "2025-Q4", 9);
    await addFamilies(hub, "kooperacje3d", "2025-Q4", 3);
  });
  afterAll(() => hub?.close());

  it("suppresses a group of 3 families for a national analyst and shows it to that region's owner", async () => {
    const [analystView] = await summary(await as(Role.NATIONAL_ANALYST), "2025-Q1");
    expect(analystView).toMatchObject({ partnership: "kooperacja", ...hidden });
    const [ownerView] = await summary(await as(Role.REGIONAL_OWNER, ["kooperacja"]), "2025-Q1");
    expect(ownerView).toMatchObject({ partnership: "kooperacja", count: 3, sum: 51 + 52 + 53, min: 51, max: 53, families: 3, suppressed: false });
    // The owner of another region is not the owner of this group.
    const [otherOwner] = await summary(await as(Role.REGIONAL_OWNER, ["liderzy"]), "2025-Q1");
    expect(otherOwner).toMatchObject(hidden);
  });

  it("suppresses it for the public and dashboards too", async () => {
    for (const headers of [{}, await as(Role.DASHBOARD), await as(Role.ADMIN)]) {
      const [group] = await summary(headers, "2025-Q1");
      expect(group).toMatchObject(hidden);
    }
  });

  it("still suppresses a group of 2 + 2 families from two shards, merged at the gateway", async () => {
    const [total] = await summary(await as(Role.NATIONAL_ANALYST), "2025-Q2", []);
    expect(total).toMatchObject({ partnership: null, ...hidden });
    // Owning one of the two regions is not enough; owning both is.
    const [oneOwner] = await summary(await as(Role.REGIONAL_OWNER, ["liderzy"]), "2025-Q2", []);
    expect(oneOwner).toMatchObject(hidden);
    const [bothOwner] = await summary(await as(Role.REGIONAL_OWNER, ["liderzy", "kooperacje3d"]), "2025-Q2", []);
    expect(bothOwner).toMatchObject({ count: 4, families: 4, suppressed: false });
  });

  it("shows a group of 3 + 3 families from two shards to an analyst: suppression follows the merge, not each shard", async () => {
    const [total] = await summary(await as(Role.NATIONAL_ANALYST), "2025-Q3", []);
    expect(total).toMatchObject({ count: 6, families: 6, sum: 2 * (51 + 52 + 53), suppressed: false });
  });

  it("suppresses a second group so the small one cannot be recovered from the total", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const groups = byPartnership(await summary(analyst, "2025-Q4"));
    const [total] = await summary(analyst, "2025-Q4", []);
    expect(total).toMatchObject({ families: 20, suppressed: false });
    // kooperacje3d (3) is suppressed, and liderzy (8, the next smallest) with it; kooperacja (9) shows.
    expect(groups.kooperacje3d).toMatchObject(hidden);
    expect(groups.liderzy).toMatchObject(hidden);
    expect(groups.kooperacja).toMatchObject({ families: 9, count: 9, suppressed: false });
    // total − visible = the two suppressed groups together, never one alone.
    expect(total!.families - groups.kooperacja.families).toBe(11);
  });

  it("applies the same suppression in a subgraph reached directly, without the gateway", async () => {
    const [direct] = await summary(await as(Role.NATIONAL_ANALYST), "2025-Q1", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(direct).toMatchObject(hidden);
    const [publicDirect] = await summary({}, "2025-Q1", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(publicDirect).toMatchObject(hidden);
    const [owner] = await summary(await as(Role.REGIONAL_OWNER, ["kooperacja"]), "2025-Q1", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(owner).toMatchObject({ families: 3, suppressed: false });
  });

  it("counts the families behind site-level indicators too (families supported at the sites in the period)", async () => {
    // The demo data of each region: FAMILIES_SUPPORTED per site and quarter, behind which are the families active then.
    const result = await graphql(
      hub.gateway.url,
      `{ indicatorSummary(indicator: "FAMILIES_SUPPORTED", groupBy: [PARTNERSHIP], filter: { periods: ["2020-Q1"] }) { groups { partnership sum families suppressed } } }`,
      {},
      await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]),
    );
    for (const group of result.data.indicatorSummary.groups) {
      // A site's FAMILIES_SUPPORTED value for a quarter is the number of its families active in that quarter.
      expect(group.families, group.partnership).toBe(group.sum);
    }
  });

  it("leaves indicators not about families unsuppressed, with no family count", async () => {
    const result = await graphql(hub.gateway.url, `{ indicatorSummary(indicator: "BODY_MEETINGS_HELD", groupBy: [SITE]) { groups { sum families suppressed } } }`, {});
    expect(result.data.indicatorSummary.groups.length).toBeGreaterThan(0);
    for (const group of result.data.indicatorSummary.groups) expect(group).toMatchObject({ families: null, suppressed: false });
  });
});
