import { encodeBookId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";
import { BODY, CREATE } from "../write-samples";

/**
 * Issue 20: records say they are synthetic one by one; the figures computed
 * from them must say it too, wherever they are published.
 */
describe("every published figure says what it is computed from", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  const rowsOf = async (url: string, indicators: string[], headers: Record<string, string> = {}, by = "[PARTNERSHIP]") => {
    const result = await graphql(
      url,
      `query($indicators: [String!]!) { compare(indicators: $indicators, by: ${by}) { rows { indicator partnership value origin } } }`,
      { indicators },
      headers,
    );
    expect(result.errors).toBeUndefined();
    return result.data.compare.rows as { indicator: string; partnership: string | null; value: number | null; origin: string }[];
  };

  beforeAll(async () => {
    hub = await startTestHub();
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  }, 60_000);
  afterAll(() => hub?.close());

  it("marks every public comparison row of the demo data SYNTHETIC, and the bodies the source pages name OBSERVED", async () => {
    const demo = await rowsOf(hub.gateway.url, [
      "FAMILIES_ENROLLED",
      "FAMILIES_SUPPORTED",
      "WORKERS_COACHED",
      "BODY_MEETINGS_RECORDED",
      "ACTIVITY_PARTICIPANTS",
    ]);
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(new Set(demo.map((row) => row.origin))).toEqual(new Set(["SYNTHETIC"]));
    // Suppressed rows too: a withheld figure is still a synthetic one.
    const bodies = await rowsOf(hub.gateway.url, ["COOPERATION_BODIES", "INSTITUTIONS_INVOLVED"]);
    expect(bodies.map((row) => row.origin)).toEqual(bodies.map(() => "OBSERVED"));
    const summary = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "WORKERS_COACHED", groupBy: [PARTNERSHIP]) {
            groups {
              partnership
              origin
            }
          }
        }
      `,
    );
    expect(summary.data.indicatorSummary.groups.map((group: { origin: string }) => group.origin)).toEqual(["SYNTHETIC", "SYNTHETIC", "SYNTHETIC"]);
    const ranking = await graphql(
      hub.gateway.url,
      `
        {
          siteRanking(partnership: "liderzy", indicator: "WORKERS_COACHED") {
            siteName
            origin
          }
        }
      `,
    );
    expect(ranking.data.siteRanking.length).toBeGreaterThan(0);
    expect(ranking.data.siteRanking.every((rank: { origin: string }) => rank.origin === "SYNTHETIC")).toBe(true);
    const coverage = await graphql(
      hub.gateway.url,
      `
        {
          coverage(indicators: ["WORKERS_COACHED"]) {
            siteName
            periodsReported
            origin
          }
        }
      `,
      {},
      owner,
    );
    for (const row of coverage.data.coverage as { periodsReported: string[]; origin: string | null }[])
      expect(row.origin).toBe(row.periodsReported.length > 0 ? "SYNTHETIC" : null);
  });

  it("calls a figure MIXED once a real record joins synthetic ones, merged across regions as in one", async () => {
    const entered = await graphql(
      hub.gateway.url,
      CREATE("BodyMeeting"),
      {
        partnership: "kooperacja",
        input: { key: "origin-real-meeting", body: BODY, heldOn: "2019-03-12", participants: 8, topic: "Spotkanie grupy decydentów" },
      },
      owner,
    );
    expect(entered.errors).toBeUndefined();
    const byPartnership = await rowsOf(hub.gateway.url, ["BODY_MEETINGS_RECORDED"]);
    expect(Object.fromEntries(byPartnership.map((row) => [row.partnership, row.origin]))).toEqual({
      liderzy: "SYNTHETIC",
      kooperacja: "MIXED",
      kooperacje3d: "SYNTHETIC",
    });
    // One row over all regions: merged at the gateway from each region's counts.
    expect((await rowsOf(hub.gateway.url, ["BODY_MEETINGS_RECORDED"], {}, "[]")).map((row) => row.origin)).toEqual(["MIXED"]);
    // The region reached directly says the same of its own figure.
    expect((await rowsOf(hub.regions.kooperacja.url, ["BODY_MEETINGS_RECORDED"], owner)).map((row) => row.origin)).toEqual(["MIXED"]);
  });

  it("shows the mark in the downloads: an origin column in CSV and XLSX, demo and synthetic marks on the book's pages", async () => {
    const csv = parse(
      Buffer.from(
        await (await fetch(new URL("export/comparison.csv?indicators=WORKERS_COACHED,COOPERATION_BODIES&by=PARTNERSHIP", hub.gateway.url))).arrayBuffer(),
      ),
      { bom: true },
    ) as string[][];
    const origin = csv[0]!.indexOf("origin");
    expect(origin).toBeGreaterThan(0);
    const byIndicator = csv.slice(1).map((cells) => `${cells[0]} ${cells[origin]}`);
    expect(new Set(byIndicator)).toEqual(new Set(["COOPERATION_BODIES OBSERVED", "WORKERS_COACHED SYNTHETIC"]));
    // An adopted recommendation standing on demo figures, as the public reads the book.
    const analyst = await as(Role.NATIONAL_ANALYST);
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const result = await graphql(hub.gateway.url, query, variables, analyst);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const { id } = (
      await ok(`mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`, {
        input: {
          chapterId: encodeBookId("BookChapter", "ch4"),
          title: "Coach workers together",
          text: "Coaching across sectors.",
          targetSectors: [],
          targetMunicipalityKinds: [],
        },
      })
    ).createRecommendation;
    await ok(`mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`, {
      id,
      comparison: { note: "Workers coached.", indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "YEAR" },
    });
    await ok(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id });
    await ok(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id });
    for (const path of ["export/book.md", "export/book.html"]) {
      const page = await (await fetch(new URL(path, hub.gateway.url))).text();
      // Demo chapters marked where they stand, and the adopted recommendation's figures with their origin.
      expect(page).toMatch(/4\. Recommendations for the whole country — DEMO: a seeded example, not the real book/);
      expect(page).toMatch(/Workers coached\.(<\/strong>|\*\*) — WORKERS_COACHED by PARTNERSHIP; figures [^;]+; origin: 3 SYNTHETIC\./);
      expect(page).toMatch(
        /marked (<strong>|\*\*)†(<\/strong>|\*\*) are computed from synthetic demo records, in whole or in part: they are not real observations/,
      );
      expect(page).toMatch(/\| (≈ )?\d+ † \||<td>(≈ )?\d+ †<\/td>/);
      expect(page).not.toContain("— DEMO: a seeded example, not the real book</h3>");
    }
    // Analysts see the seeded draft recommendations too, each marked.
    expect(await (await fetch(new URL("export/book.md", hub.gateway.url), { headers: analyst })).text()).toMatch(
      /### 4\.\d+ [^\n]+ — DEMO: a seeded example, not the real book/,
    );
  });

  it("keeps the count behind the mark to the gateway: clients get the mark, not how many records are synthetic", async () => {
    const viaGateway = await graphql(
      hub.gateway.url,
      `
        {
          compare(indicators: ["FAMILIES_ENROLLED"]) {
            rows {
              syntheticRecords
            }
          }
        }
      `,
    );
    expect(viaGateway.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const direct = await graphql(
      hub.regions.kooperacja.url,
      `
        {
          compare(indicators: ["FAMILIES_ENROLLED"]) {
            rows {
              syntheticRecords
            }
          }
        }
      `,
    );
    expect(direct.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
