import { encodeBookId, encodeGlobalId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";
import { CREATE, gid, SITE } from "../write-samples";

const CHAPTER = encodeBookId("BookChapter", "ch4");

const RECOMMENDATION = `query($id: ID!) {
  recommendation(id: $id) {
    id status targetSectors targetMunicipalityKinds adoptedAt
    evidence { note target { __typename ... on PilotSite { name } } }
    comparisons {
      id note indicators by grain
      live { partnership value n }
      snapshot { takenAt rows { partnership value n } }
      differsFromSnapshot
      differences { indicator group snapshotValue liveValue }
    }
  }
}`;

const HISTORY = `query($id: ID!) { recommendation(id: $id) { history { at author action changes } } }`;

describe("the recommendation book: draft, review, adoption, evidence re-run live against its snapshot", () => {
  let hub: TestHub;
  let analyst: Record<string, string>;
  let owner: Record<string, string>;
  const book = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = analyst) =>
    graphql(hub.gateway.url, query, variables, headers);
  const ok = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = analyst) => {
    const result = await book(query, variables, headers);
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const draft = async (title: string) =>
    (
      await ok(`mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id status } }`, {
        input: {
          chapterId: CHAPTER,
          title,
          text: "Coach social workers together with the other sectors' workers.",
          targetSectors: ["SOCIAL_ASSISTANCE", "LABOUR_MARKET"],
          targetMunicipalityKinds: ["URBAN_RURAL"],
        },
      })
    ).createRecommendation.id as string;
  const addComparison = (id: string) =>
    ok(`mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`, {
      id,
      comparison: { note: "Workers coached, by partnership.", indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "QUARTER" },
    });

  beforeAll(async () => {
    hub = await startTestHub();
    analyst = await as(Role.NATIONAL_ANALYST);
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  }, 60_000);

  afterAll(() => hub?.close());

  let adopted: string;

  it("takes a draft through review to adoption, with its evidence and a history of every change", async () => {
    adopted = await draft("Coach workers across sectors");
    await ok(`mutation($id: ID!, $target: ID!) { addEvidence(recommendationId: $id, targetId: $target, note: "Powiat ostródzki pilots the model.") { id } }`, {
      id: adopted,
      target: SITE,
    });
    await addComparison(adopted);
    await ok(`mutation($id: ID!) { updateRecommendation(id: $id, changes: { title: "Coach social workers across sectors" }) { id } }`, { id: adopted });
    expect((await ok(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id: adopted })).submitRecommendation.status).toBe("REVIEW");
    expect((await ok(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id: adopted })).adoptRecommendation.status).toBe("ADOPTED");

    const recommendation = (await ok(RECOMMENDATION, { id: adopted })).recommendation;
    expect(recommendation).toMatchObject({ status: "ADOPTED", targetSectors: ["SOCIAL_ASSISTANCE", "LABOUR_MARKET"] });
    // Authors are national analysts' accounts: shown to analysts, not published.
    const AUTHORS = `query($id: ID!) { recommendation(id: $id) { createdBy adoptedBy comparisons { savedBy } } }`;
    expect((await ok(AUTHORS, { id: adopted })).recommendation).toEqual({
      createdBy: "test-national_analyst-",
      adoptedBy: "test-national_analyst-",
      comparisons: [{ savedBy: "test-national_analyst-" }],
    });
    const published = await book(AUTHORS, { id: adopted }, {});
    expect(published.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"]);
    expect(published.data.recommendation).toEqual({ createdBy: null, adoptedBy: null, comparisons: [{ savedBy: null }] });
    expect(recommendation.evidence).toEqual([{ note: "Powiat ostródzki pilots the model.", target: { __typename: "PilotSite", name: "Powiat ostródzki" } }]);
    const [comparison] = recommendation.comparisons;
    expect(comparison.snapshot.rows).toEqual(comparison.live);
    expect(comparison.live.map((row: any) => row.partnership)).toEqual(["liderzy", "kooperacja", "kooperacje3d"]);
    expect(comparison).toMatchObject({ differsFromSnapshot: false, differences: [] });

    const history = (await ok(HISTORY, { id: adopted })).recommendation.history as Record<string, any>[];
    expect(history.map((change) => change.action)).toEqual(["CREATED", "EVIDENCE_ADDED", "COMPARISON_ADDED", "EDITED", "SUBMITTED", "ADOPTED"]);
    expect(history.every((change) => change.author === "test-national_analyst-" && !Number.isNaN(Date.parse(change.at)))).toBe(true);
    expect(history[3]!.changes).toEqual({ title: { from: "Coach workers across sectors", to: "Coach social workers across sectors" } });
    expect(history[5]!.changes.status).toEqual({ from: "REVIEW", to: "ADOPTED" });
  });

  it("re-runs the evidence live after new data arrives, while the adopted snapshot keeps the old figure and says it differs", async () => {
    const before = (await ok(RECOMMENDATION, { id: adopted })).recommendation.comparisons[0];
    const old = before.snapshot.rows.find((row: any) => row.partnership === "kooperacja");
    await ok(
      CREATE("IndicatorValue"),
      { partnership: "kooperacja", input: { indicator: gid("OutcomeIndicator", "WORKERS_COACHED"), site: SITE, period: "2021-Q1", value: 40 } },
      owner,
    );

    // The public reads adopted recommendations too: the same snapshot, the same live figures (not about families, so nothing suppressed).
    for (const headers of [analyst, {}]) {
      const after = (await ok(RECOMMENDATION, { id: adopted }, headers)).recommendation.comparisons[0];
      expect(after.snapshot).toEqual(before.snapshot);
      expect(after.live.find((row: any) => row.partnership === "kooperacja")).toEqual({ partnership: "kooperacja", value: old.value + 40, n: old.n + 1 });
      expect(after.differsFromSnapshot).toBe(true);
      expect(after.differences).toEqual([{ indicator: "WORKERS_COACHED", group: "kooperacja", snapshotValue: old.value, liveValue: old.value + 40 }]);
    }
  });

  it("lets only national analysts write the book: regional owners and dashboards are FORBIDDEN, the public UNAUTHENTICATED", async () => {
    const id = await draft("A draft others may not move");
    const dashboard = await as(Role.DASHBOARD);
    const writes = [
      [`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id }],
      [`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id }],
      [`mutation($id: ID!) { updateRecommendation(id: $id, changes: { title: "Taken over" }) { id } }`, { id }],
      [`mutation($id: ID!) { addEvidence(recommendationId: $id, targetId: "${SITE}", note: "Not mine to add.") { id } }`, { id }],
      [
        `mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`,
        { input: { chapterId: CHAPTER, title: "Not mine", text: "Someone else's recommendation." } },
      ],
      [`mutation { createChapter(input: { number: 9, title: "Not mine", summary: "Someone else's chapter." }) { id } }`, {}],
    ] as const;
    for (const [query, variables] of writes) {
      for (const [headers, code] of [
        [owner, "FORBIDDEN"],
        [dashboard, "FORBIDDEN"],
        [{}, "UNAUTHENTICATED"],
      ] as const) {
        const result = await book(query, variables, headers);
        expect(result.errors?.[0]?.extensions?.code, `${query} as ${JSON.stringify(headers)}`).toBe(code);
      }
    }
    // Nothing moved, and the draft stays out of the public's sight.
    expect((await ok(HISTORY, { id })).recommendation.history.map((change: any) => change.action)).toEqual(["CREATED"]);
    expect((await book(`query($id: ID!) { recommendation(id: $id) { id } }`, { id }, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await book(`query($id: ID!) { recommendation(id: $id) { id } }`, { id }, owner)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const chapters = (await ok(`{ bookChapters { recommendations { id status } } }`, {}, {})).bookChapters;
    expect(chapters.flatMap((chapter: any) => chapter.recommendations).every((recommendation: any) => recommendation.status === "ADOPTED")).toBe(true);
  });

  it("moves only along draft → review → adopted, and back to draft with a reason", async () => {
    const id = await draft("A draft in the wrong order");
    const adopt = await book(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id });
    expect(adopt.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "DRAFT" });
    await ok(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id });
    const edit = await book(`mutation($id: ID!) { updateRecommendation(id: $id, changes: { title: "Changed in review" }) { id } }`, { id });
    expect(edit.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "REVIEW" });
    const returned = await ok(`mutation($id: ID!) { returnRecommendation(id: $id, reason: "Cite the comparison by municipality kind.") { status } }`, { id });
    expect(returned.returnRecommendation.status).toBe("DRAFT");
    const history = (await ok(HISTORY, { id })).recommendation.history as Record<string, any>[];
    expect(history.map((change) => change.action)).toEqual(["CREATED", "SUBMITTED", "RETURNED"]);
    expect(history[2]!.changes).toMatchObject({ reason: "Cite the comparison by municipality kind.", status: { from: "REVIEW", to: "DRAFT" } });
    const changeAdopted = await book(`mutation($id: ID!) { updateRecommendation(id: $id, changes: { title: "Rewritten after adoption" }) { id } }`, {
      id: adopted,
    });
    expect(changeAdopted.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "ADOPTED" });
  });

  it("never overwrites another analyst's change: a change based on an older version is a CONFLICT and changes nothing", async () => {
    const id = await draft("Two analysts, one draft");
    const read = (await ok(`query($id: ID!) { recommendation(id: $id) { version title } }`, { id })).recommendation;
    const first = await ok(
      `mutation($id: ID!, $version: Int) { updateRecommendation(id: $id, version: $version, changes: { title: "The first analyst's title" }) { version } }`,
      {
        id,
        version: read.version,
      },
    );
    expect(first.updateRecommendation.version).toBe(read.version + 1);
    for (const mutation of [
      `mutation($id: ID!, $version: Int) { updateRecommendation(id: $id, version: $version, changes: { title: "The second analyst's title" }) { version } }`,
      `mutation($id: ID!, $version: Int) { submitRecommendation(id: $id, version: $version) { version } }`,
    ]) {
      const stale = await book(mutation, { id, version: read.version });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", currentVersion: read.version + 1 });
    }
    const after = (await ok(`query($id: ID!) { recommendation(id: $id) { version title status history { action } } }`, { id })).recommendation;
    expect(after).toEqual({
      version: read.version + 1,
      title: "The first analyst's title",
      status: "DRAFT",
      history: [{ action: "CREATED" }, { action: "EDITED" }],
    });
  });

  it("refuses evidence the hub does not have or would not run, with clear errors", async () => {
    const id = await draft("A draft with bad evidence");
    const missing = await book(`mutation($id: ID!, $target: ID!) { addEvidence(recommendationId: $id, targetId: $target, note: "No such site.") { id } }`, {
      id,
      target: encodeGlobalId("kooperacja", "PilotSite", "9999"),
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "targetId" });
    const unknown = await book(
      `mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`,
      {
        id,
        comparison: { note: "Nothing to compare.", indicators: ["NO_SUCH_INDICATOR"], by: ["PARTNERSHIP"] },
      },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "indicators" });
    expect((await ok(HISTORY, { id })).recommendation.history.map((change: any) => change.action)).toEqual(["CREATED"]);
  });

  it("raises a draft's version with every change to its evidence, and tells an analyst whose own change it was", async () => {
    const id = await draft("Every change counts");
    const version = async () => (await ok(`query($id: ID!) { recommendation(id: $id) { version } }`, { id })).recommendation.version as number;
    const start = await version();
    const evidence = (
      await ok(`mutation($id: ID!, $target: ID!) { addEvidence(recommendationId: $id, targetId: $target, note: "Powiat ostródzki pilots it.") { id } }`, {
        id,
        target: SITE,
      })
    ).addEvidence.id;
    expect(await version()).toBe(start + 1);
    const comparison = (await addComparison(id)).addComparisonEvidence.id;
    expect(await version()).toBe(start + 2);
    await ok(`mutation($id: ID!) { removeComparisonEvidence(id: $id) }`, { id: comparison });
    expect(await version()).toBe(start + 3);
    await ok(`mutation($id: ID!) { removeEvidence(id: $id) }`, { id: evidence });
    expect(await version()).toBe(start + 4);
    // The analyst's own later change: the CONFLICT says so, rather than "someone".
    const stale = await book(
      `mutation($id: ID!, $version: Int) { updateRecommendation(id: $id, version: $version, changes: { title: "From an old tab" }) { version } }`,
      { id, version: start },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", currentVersion: start + 4, lastChangedBy: "you" });
    expect(stale.errors?.[0]?.message).toMatch(/you changed it yourself since you read it \(last: EVIDENCE_REMOVED at [\d-]+T[\d:.]+Z\)/);
    expect(stale.errors?.[0]?.message).not.toContain("someone");
  });

  it("waits with adoption while a region is down, so no snapshot misses a region", async () => {
    const id = await draft("Adopted only with every region");
    await addComparison(id);
    await ok(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id });
    await hub.regions.kooperacje3d.stop();
    // Nor is a comparison cited while a region cannot answer for its part.
    const other = await draft("Cited only with every region");
    const cited = await book(
      `mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`,
      {
        id: other,
        comparison: { note: "Workers coached, by partnership.", indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "QUARTER" },
      },
    );
    expect(cited.errors?.[0]?.extensions).toMatchObject({ code: "SHARD_UNAVAILABLE", missingRegions: ["kooperacje3d"] });
    expect((await ok(`query($id: ID!) { recommendation(id: $id) { comparisons { id } } }`, { id: other })).recommendation.comparisons).toEqual([]);
    const adopt = await book(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id });
    expect(adopt.errors?.[0]?.extensions).toMatchObject({ code: "SHARD_UNAVAILABLE", missingRegions: ["kooperacje3d"] });
    const after = (await ok(`query($id: ID!) { recommendation(id: $id) { status comparisons { snapshot { takenAt } } } }`, { id })).recommendation;
    expect(after).toEqual({ status: "REVIEW", comparisons: [{ snapshot: null }] });
  });
});
