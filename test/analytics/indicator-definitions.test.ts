import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorName } from "../../dashboard/src/i18n";
import { graphql, startTestHub, type TestHub } from "../helpers";

/**
 * Issue 20: "Rodziny objęte wsparciem 19" beside "Rodziny wspierane 85" read as
 * near-synonyms, while one counts distinct families and the other adds up
 * quarterly counts. The names, units and definitions must say which is which,
 * in English (the API) and in Polish (the dashboard).
 */
describe("indicator definitions a reader cannot confuse", () => {
  let hub: TestHub;
  let catalogue: Map<string, { name: string; unit: string; definition: string }>;

  beforeAll(async () => {
    hub = await startTestHub();
    const result = await graphql(
      hub.gateway.url,
      `
        {
          indicators {
            code
            name
            unit
            definition
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    catalogue = new Map(result.data.indicators.map((indicator: { code: string }) => [indicator.code, indicator]));
  }, 60_000);
  afterAll(() => hub?.close());

  it("names FAMILIES_SUPPORTED for what it adds up, family-quarters, and FAMILIES_ENROLLED for distinct families", () => {
    expect(catalogue.get("FAMILIES_SUPPORTED")).toEqual({
      code: "FAMILIES_SUPPORTED",
      name: "Family-quarters of support (quarterly counts added up)",
      unit: "family-quarters",
      definition:
        "For each quarter, the persons or families the region reports as supported at the site. Over several quarters the counts add up, so a family supported for four quarters counts four times; FAMILIES_ENROLLED counts distinct families.",
    });
    expect(catalogue.get("FAMILIES_ENROLLED")).toMatchObject({
      name: "Families enrolled (distinct, each counted once)",
      unit: "families",
      definition: "Distinct supported families whose support started in the period, each counted once, from the region's family records.",
    });
  });

  it("gives no two indicators the same or a near-same name, in either language", () => {
    const normalise = (name: string) =>
      name
        .toLowerCase()
        .replace(/\(.*\)/, "")
        .trim();
    for (const lang of ["pl", "en"] as const) {
      const names = [...catalogue.entries()].map(([code, entry]) => normalise(indicatorName(lang, code, entry.name)));
      expect(new Set(names).size, lang).toBe(names.length);
    }
    expect(indicatorName("pl", "FAMILIES_SUPPORTED", undefined)).toBe("Rodzino-kwartały wsparcia (kwartalne liczby zsumowane)");
    expect(indicatorName("pl", "FAMILIES_ENROLLED", undefined)).toBe("Rodziny objęte wsparciem (różne rodziny, każda liczona raz)");
  });
});
