import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, query } from "../databases";
import { as, graphql, startTestHub, type TestHub } from "../helpers";
import { ARCHIVE, CREATE, gid as id, SITE, UPDATE, WRITE_SAMPLES } from "../write-samples";

const TRAIL = `query ($partnership: String!, $record: ID) {
  auditTrail(partnership: $partnership, record: $record, first: 50) { entries { action actor actorRole entityType record before after at } }
}`;

describe("regional owners write their own data", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  const db = (partnership: PartnershipKey) => hub.databaseUrl(partnership);
  const fingerprints = async () => Object.fromEntries(await Promise.all(PARTNERSHIP_KEYS.map(async (key) => [key, await fingerprint(db(key))] as const)));

  beforeAll(async () => {
    hub = await startTestHub();
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  });
  afterAll(() => hub?.close());

  it.each(WRITE_SAMPLES)(
    "creates, updates and archives a $type through the gateway, only in the owning shard, each change in the audit trail",
    async (sample) => {
      const kase = { ...sample, input: sample.input(1), changed: sample.change(sample.input(1)), where: sample.where(1) };
      const listed = async () => sample.count.of((await graphql(hub.gateway.url, sample.count.query, {}, owner)).data);
      const shownBefore = await listed();
      const before = await fingerprints();
      const created = await graphql(hub.gateway.url, CREATE(kase.type), { partnership: "kooperacja", input: kase.input }, owner);
      expect(created.errors).toBeUndefined();
      expect(created.data.record.version).toBe(1);
      const recordId: string = created.data.record.id;

      const afterCreate = await fingerprints();
      expect(afterCreate.liderzy).toEqual(before.liderzy);
      expect(afterCreate.kooperacje3d).toEqual(before.kooperacje3d);
      expect(afterCreate.kooperacja).not.toEqual(before.kooperacja);
      expect(await query(db("kooperacja"), `select * from ${kase.table} where ${kase.where[0]}`, kase.where[1])).toHaveLength(1);
      expect(await listed()).toBe(shownBefore + 1);
      for (const other of ["liderzy", "kooperacje3d"] as const) {
        expect(await query(db(other), `select * from ${kase.table} where ${kase.where[0]}`, kase.where[1])).toHaveLength(0);
      }

      const updated = await graphql(hub.gateway.url, UPDATE(kase.type), { id: recordId, version: 1, input: kase.changed }, owner);
      expect(updated.errors).toBeUndefined();
      expect(updated.data.record.version).toBe(2);

      // A second writer still holding version 1 is refused and changes nothing.
      const settled = await fingerprints();
      const stale = await graphql(hub.gateway.url, UPDATE(kase.type), { id: recordId, version: 1, input: kase.input }, owner);
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
      expect(await fingerprints()).toEqual(settled);

      const archived = await graphql(hub.gateway.url, ARCHIVE(kase.type), { id: recordId, version: 2 }, owner);
      expect(archived.errors).toBeUndefined();
      const [row] = await query<{ archived_at: string | null }>(
        db("kooperacja"),
        `select archived_at from ${kase.table} where ${kase.where[0]}`,
        kase.where[1],
      );
      expect(row!.archived_at).toMatch(/^\d{4}-/);
      const gone = await graphql(
        hub.gateway.url,
        `
          query ($id: ID!) {
            node(id: $id) {
              id
            }
          }
        `,
        { id: recordId },
        owner,
      );
      expect(gone.data.node).toBeNull();
      expect(await listed()).toBe(shownBefore);

      const trail = await graphql(hub.gateway.url, TRAIL, { partnership: "kooperacja", record: recordId }, owner);
      expect(trail.errors).toBeUndefined();
      const entries = [...trail.data.auditTrail.entries].reverse();
      expect(entries.map((entry: { action: string }) => entry.action)).toEqual(["CREATED", "UPDATED", "ARCHIVED"]);
      expect(
        entries.every(
          (entry: { actor: string; actorRole: string }) => entry.actor === "test-regional_owner-kooperacja" && entry.actorRole === "regional_owner",
        ),
      ).toBe(true);
      const [create, update, archive] = entries;
      expect(create.before).toBeNull();
      expect(create.after.version).toBe(1);
      expect(update.before[kase.field]).toEqual(kase.input[kase.field]);
      expect(update.after[kase.field]).toEqual(kase.changed[kase.field]);
      expect(archive.before.archivedAt).toBeNull();
      expect(archive.after.archivedAt).toMatch(/^\d{4}-/);
    },
  );

  it("refuses every write into another partnership's shard, by anyone but its owner, and changes nothing anywhere", async () => {
    const liderzyOwner = await as(Role.REGIONAL_OWNER, ["liderzy"]);
    const analyst = await as(Role.NATIONAL_ANALYST);
    const family = { code: "X-1", site: SITE, cooperationLevel: "CLIENT", socialContract: false, startedOn: "2019-09-02" };
    const before = await fingerprints();

    const attempts: [string, Record<string, unknown>, Record<string, string>, string, string?][] = [
      [CREATE("SupportedFamily"), { partnership: "kooperacja", input: family }, liderzyOwner, "FORBIDDEN"],
      [CREATE("SupportedFamily"), { partnership: "kooperacja", input: family }, analyst, "FORBIDDEN"],
      [CREATE("SupportedFamily"), { partnership: "kooperacja", input: family }, {}, "UNAUTHENTICATED"],
      // Its own shard, but pointing at another region's site.
      [
        CREATE("SupportedFamily"),
        { partnership: "kooperacja", input: { ...family, site: id("PilotSite", "2013102", "liderzy") } },
        owner,
        "BAD_USER_INPUT",
        "site",
      ],
      [CREATE("SupportedFamily"), { partnership: "mazowsze", input: family }, owner, "BAD_USER_INPUT", "partnership"],
      // A site of macroregion I entered into macroregion II.
      [CREATE("PilotSite"), { partnership: "kooperacja", input: { teryt: "1401011", name: "Gmina", status: "ACTIVE" } }, owner, "BAD_USER_INPUT", "teryt"],
      // The owner of Kooperacja naming Liderzy's site: routed to Liderzy's shard, which refuses.
      [
        UPDATE("PilotSite"),
        { id: id("PilotSite", "2013102", "liderzy"), version: 1, input: { teryt: "2013102", name: "X", status: "ACTIVE" } },
        owner,
        "FORBIDDEN",
      ],
      [UPDATE("PilotSite"), { id: SITE, version: 1, input: { teryt: "2815", name: "X", status: "ACTIVE" } }, liderzyOwner, "FORBIDDEN"],
      [ARCHIVE("PilotSite"), { id: SITE, version: 1 }, liderzyOwner, "FORBIDDEN"],
      [ARCHIVE("PilotSite"), { id: "not-an-id", version: 1 }, owner, "BAD_USER_INPUT"],
      // Live records still point at the site.
      [ARCHIVE("PilotSite"), { id: SITE, version: 1 }, owner, "CONFLICT"],
    ];
    for (const [mutation, variables, headers, code, field] of attempts) {
      const result = await graphql(hub.gateway.url, mutation, variables, headers);
      expect(result.data?.record ?? null, JSON.stringify(variables)).toBeNull();
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe(code);
      if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
    }
    const unnamed = await graphql(
      hub.gateway.url,
      `
        mutation ($input: SupportedFamilyInput!) {
          createSupportedFamily(input: $input) {
            id
          }
        }
      `,
      { input: family },
      owner,
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await fingerprints()).toEqual(before);
  });

  it("tells values of two families in the same quarter apart by their whole natural key", async () => {
    const value = (family: string) => ({
      indicator: id("OutcomeIndicator", "CONTRACT_GOALS_MET"),
      site: SITE,
      family: id("SupportedFamily", family),
      period: "2016-Q2",
      value: 50,
      outsideProgrammePeriod: true,
    });
    for (const family of ["KES-2815-0001", "KES-2815-0002"]) {
      const created = await graphql(hub.gateway.url, CREATE("IndicatorValue"), { partnership: "kooperacja", input: value(family) }, owner);
      expect(created.errors, family).toBeUndefined();
    }
    const again = await graphql(hub.gateway.url, CREATE("IndicatorValue"), { partnership: "kooperacja", input: value("KES-2815-0001") }, owner);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "period" });
  });

  it("lets no one but the region's owner read its audit trail", async () => {
    for (const [headers, code] of [
      [await as(Role.NATIONAL_ANALYST), "FORBIDDEN"],
      [await as(Role.REGIONAL_OWNER, ["liderzy"]), "FORBIDDEN"],
      [{}, "UNAUTHENTICATED"],
    ] as const) {
      const result = await graphql(hub.gateway.url, TRAIL, { partnership: "kooperacja" }, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
    }
  });
});
