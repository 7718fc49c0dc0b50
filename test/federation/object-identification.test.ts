import { encodeBookId, encodeGlobalId, PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

describe("global object identification", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub();
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
  });
  afterAll(() => hub?.close());

  it("gives a catalogue indicator one ID, whichever region answers, and finds it by node and nodes", async () => {
    const catalogue = await graphql(
      hub.gateway.url,
      `
        {
          indicators {
            id
            code
          }
        }
      `,
    );
    expect(catalogue.errors).toBeUndefined();
    const ids = new Map<string, string>(catalogue.data.indicators.map((indicator: { id: string; code: string }) => [indicator.code, indicator.id]));
    expect(ids.size).toBeGreaterThan(5);
    // Each region, asked on its own, names every entry by the same ID.
    for (const key of PARTNERSHIP_KEYS) {
      const own = await graphql(
        hub.regions[key].url,
        `
          {
            indicators {
              id
              code
            }
          }
        `,
        undefined,
        owner,
      );
      expect(new Map(own.data.indicators.map((indicator: { id: string; code: string }) => [indicator.code, indicator.id])), key).toEqual(ids);
    }
    // Reached through a value of each region, it is the same entry.
    const values = await graphql(
      hub.gateway.url,
      `
        {
          indicatorValues(first: 500) {
            edges {
              node {
                indicator {
                  id
                  code
                }
              }
            }
          }
        }
      `,
      undefined,
      owner,
    );
    for (const { node } of values.data.indicatorValues.edges) expect(node.indicator.id).toBe(ids.get(node.indicator.code));
    const found = await graphql(
      hub.gateway.url,
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename
            id
            ... on OutcomeIndicator {
              code
            }
          }
        }
      `,
      { ids: [...ids.values()] },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data.nodes.map((node: { id: string; code: string }) => [node.code, node.id])).toEqual([...ids.entries()]);
    const one = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            id
            ... on OutcomeIndicator {
              code
            }
          }
        }
      `,
      { id: ids.get("FAMILIES_ENROLLED") },
    );
    expect(one.data.node).toEqual({ id: ids.get("FAMILIES_ENROLLED"), code: "FAMILIES_ENROLLED" });
  });

  it("still finds an indicator by the ID a region gave it before (a reference stored then), answering with its one ID", async () => {
    const catalogue = await graphql(
      hub.gateway.url,
      `
        {
          indicators {
            id
            code
          }
        }
      `,
    );
    const current = catalogue.data.indicators.find((indicator: { code: string }) => indicator.code === "FAMILIES_ENROLLED").id;
    for (const key of PARTNERSHIP_KEYS) {
      const old = encodeGlobalId(key, "OutcomeIndicator", "FAMILIES_ENROLLED");
      const found = await graphql(
        hub.gateway.url,
        `
          query ($id: ID!) {
            node(id: $id) {
              id
              ... on OutcomeIndicator {
                code
              }
            }
          }
        `,
        { id: old },
      );
      expect(found.errors, key).toBeUndefined();
      expect(found.data.node).toEqual({ id: current, code: "FAMILIES_ENROLLED" });
    }
  });

  it("finds every record of the book by node and nodes: recommendations, chapters, saved comparisons and evidence, beside regional records", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const book = await graphql(
      hub.gateway.url,
      `
        {
          bookChapters {
            id
            title
          }
          recommendations {
            id
            title
            status
            evidence {
              id
              note
            }
            comparisons {
              id
              note
            }
          }
          pilotSites(first: 2) {
            edges {
              node {
                id
                name
              }
            }
          }
        }
      `,
      undefined,
      analyst,
    );
    expect(book.errors).toBeUndefined();
    const expected: { id: string; __typename: string; label: string }[] = [
      ...book.data.bookChapters.map((chapter: any) => ({ id: chapter.id, __typename: "BookChapter", label: chapter.title })),
      ...book.data.recommendations.flatMap((recommendation: any) => [
        { id: recommendation.id, __typename: "Recommendation", label: recommendation.title },
        ...recommendation.evidence.map((evidence: any) => ({ id: evidence.id, __typename: "Evidence", label: evidence.note })),
        ...recommendation.comparisons.map((comparison: any) => ({ id: comparison.id, __typename: "SavedComparison", label: comparison.note })),
      ]),
      ...book.data.pilotSites.edges.map(({ node }: any) => ({ id: node.id, __typename: "PilotSite", label: node.name })),
    ];
    expect(new Set(expected.map((record) => record.__typename))).toEqual(
      new Set(["BookChapter", "Recommendation", "Evidence", "SavedComparison", "PilotSite"]),
    );
    const selection = `__typename id ... on BookChapter { label: title } ... on Recommendation { label: title } ... on Evidence { label: note } ... on SavedComparison { label: note } ... on PilotSite { label: name }`;
    const many = await graphql(
      hub.gateway.url,
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`,
      { ids: expected.map((record) => record.id) },
      analyst,
    );
    expect(many.errors).toBeUndefined();
    expect(many.data.nodes).toEqual(expected);
    for (const record of expected.slice(0, 6)) {
      const one = await graphql(hub.gateway.url, `query ($id: ID!) { node(id: $id) { ${selection} } }`, { id: record.id }, analyst);
      expect(one.data.node, record.id).toEqual(record);
    }
  });

  it("answers a book ID of no record NOT_FOUND, and a draft the caller may not read as refused", async () => {
    const missing = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            id
            ... on Recommendation {
              title
            }
          }
        }
      `,
      { id: encodeBookId("Recommendation", "no-such-recommendation") },
    );
    expect(missing.data.node).toBeNull();
    expect(missing.errors?.map((error) => error.extensions?.code)).toContain("NOT_FOUND");
    const analyst = await as(Role.NATIONAL_ANALYST);
    const drafts = await graphql(
      hub.gateway.url,
      `
        {
          recommendations {
            id
            status
          }
        }
      `,
      undefined,
      analyst,
    );
    const draft = drafts.data.recommendations.find((recommendation: { status: string }) => recommendation.status !== "ADOPTED");
    expect(draft).toBeDefined();
    const asPublic = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            id
            ... on Recommendation {
              title
            }
          }
        }
      `,
      { id: draft.id },
    );
    expect(asPublic.data.node).toBeNull();
    expect(asPublic.errors?.map((error) => error.extensions?.code)).toContain("UNAUTHENTICATED");
  });
});
