import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers";
import { audit, loadAuditTable, loadPages, readPublicFacts, type AuditedRecord } from "../seed-audit";

describe("the seed audit: every public fact against the page it cites (seeds/audit.yaml)", () => {
  let hub: TestHub;
  let records: Map<string, AuditedRecord>;
  const table = loadAuditTable();
  const pages = loadPages(table);
  beforeAll(async () => {
    hub = await startTestHub();
    records = await readPublicFacts(hub.gateway.url);
  });
  afterAll(() => hub?.close());

  it("finds every fact of the table on its page and in the hub, cited to that page, and every cited field in the table", () => {
    const report = audit(table, pages, records);
    const wrong = report.audited - report.correct;
    // Straight to the terminal: the suite shows console output only for failing tests.
    process.stdout.write(
      `seed audit: ${report.audited} facts audited: ${report.correct} correct, ${report.wrongPage.length} cited to a page that does not state them\n`,
    );
    expect(report.notOnPage, "quotes the pages do not contain").toEqual([]);
    expect(report.wrongPage, "facts cited to a page that does not state them").toEqual([]);
    expect(report.wrongValue, "facts the hub states otherwise").toEqual([]);
    expect(report.missingOmission, "omissions not recorded").toEqual([]);
    expect(report.notInTable, "fields the hub cites that the table does not list").toEqual([]);
    expect(wrong).toBe(0);
    expect(report.audited).toBeGreaterThan(150);
  });

  it("fails when a field's cited page is changed to another", () => {
    const moved = structuredClone(records);
    const partnership = moved.get("Partnership/kooperacja")!;
    partnership.citations.selectionCriteria = { ...partnership.citations.selectionCriteria!, pages: ["000"] };
    const report = audit(table, pages, moved);
    expect(report.wrongPage).toEqual([expect.stringMatching(/^Partnership\/kooperacja\.selectionCriteria .*cites SOURCE_PAGE 000$/)]);
    expect(report.notInTable).toEqual(["Partnership/kooperacja.selectionCriteria cites page 000"]);
  });

  it("fails when a value differs from the page, or a quote is not on its page", () => {
    const changed = structuredClone(records);
    changed.get("Partnership/kooperacje3d")!.values.euSharePercent = "84.29";
    const misquoted = structuredClone(table);
    misquoted.facts[0]!.quote += " (not on the page)";
    const report = audit(misquoted, pages, changed);
    expect(report.wrongValue).toEqual([expect.stringMatching(/^Partnership\/kooperacje3d\.euSharePercent .*"84\.29"/)]);
    expect(report.notOnPage).toHaveLength(1);
  });

  it("makes no claim the pages do not: NGOs only in the goal of the partnership whose page names them, no publisher a page does not name", () => {
    const goal = (key: string) => String(records.get(`Partnership/${key}`)!.values.goal);
    expect(goal("liderzy")).toContain("NGOs");
    expect(goal("kooperacja")).not.toMatch(/NGO|non-governmental/i);
    expect(goal("kooperacje3d")).not.toMatch(/NGO|non-governmental/i);
    expect(["000", "001", "002", "003", "004"].map((code) => records.get(`Source/${code}`)!.values.publishedBy ?? null)).toEqual([
      expect.stringContaining("PCPR Ostróda"),
      null,
      expect.stringContaining("ROPS Zielona Góra"),
      null,
      expect.stringContaining("PCPR Radomsko"),
    ]);
  });

  it("records the personal data the pages give and the hub leaves out, and shows none of it", () => {
    const omissions = [...records].flatMap(([key, record]) => record.omissions.map((omission) => `${key}: ${omission.reason} (page ${omission.page})`));
    expect(omissions.sort()).toEqual([
      "BodyMember/grupa-decydentow-ostrodzki:pcpr-ostroda: PERSONAL_DATA (page 000)",
      "Partnership/kooperacja: PERSONAL_DATA (page 002)",
    ]);
  });
});
