import { encodeBookId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_FOUND, launchBrowser, screenshotPath } from "../browser";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/**
 * What an analyst writes into the book reaches every reader's spreadsheet
 * and browser: a formula must stay text (OWASP CSV injection), and a link or
 * image must not run script or call out.
 */

// The functions given to page.evaluate run in the browser; these are its globals there (the tests' own lib has no DOM).
declare const document: { body: object; images: { length: number }; querySelectorAll(selector: string): Iterable<{ protocol: string }> };
declare function getComputedStyle(element: object): { maxWidth: string };

const CHAPTER = encodeBookId("BookChapter", "ch4");
const FORMULA = '-2+3 =HYPERLINK("http://evil.example")';
const OTHER_FORMULAS = ["=1+1", "+1+1", "@SUM(A1)", "\tTAB", "\rCR"];

describe("safe exports: formulas neutralised, the book's HTML sanitised and confined by its CSP", () => {
  let hub: TestHub;
  let analyst: Record<string, string>;
  const download = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, hub.gateway.url), { headers });

  beforeAll(async () => {
    hub = await startTestHub();
    analyst = await as(Role.NATIONAL_ANALYST);
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const result = await graphql(hub.gateway.url, query, variables, analyst);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const { id } = (
      await ok(`mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`, {
        input: {
          chapterId: CHAPTER,
          title: "Links that run script",
          text: "See [the page](javascript:alert(document.cookie)) and ![a pixel](http://evil.example/pixel.png) and [ok](https://www.gov.pl/) <img src=x onerror=alert(1)>",
          targetSectors: ["SOCIAL_ASSISTANCE"],
          targetMunicipalityKinds: [],
        },
      })
    ).createRecommendation;
    for (const note of [FORMULA, ...OTHER_FORMULAS]) {
      await ok(`mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`, {
        id,
        comparison: { note, indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "YEAR" },
      });
    }
    await ok(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id });
    await ok(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id });
  }, 60_000);
  afterAll(() => hub?.close());

  it("neutralises a formula in the public chapter CSV: the cell starts with an apostrophe, and numbers stay numbers", async () => {
    const response = await download(`/export/chapter/${CHAPTER}.csv`);
    expect(response.status).toBe(200);
    const csv = parse(Buffer.from(await response.arrayBuffer()), { bom: true, relaxQuotes: true }) as string[][];
    const notes = csv.slice(1).map((cells) => cells[2]!);
    expect(notes).toContain(`'${FORMULA}`);
    for (const formula of OTHER_FORMULAS) expect(notes).toContain(`'${formula}`);
    expect(notes.some((note) => /^[=+\-@\t\r]/.test(note))).toBe(false);
  });

  it("neutralises it in the XLSX as well", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await download(`/export/chapter/${CHAPTER}.xlsx`)).arrayBuffer());
    const cells: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells.filter((value) => typeof value === "string" && /^[=+\-@\t\r]/.test(value))).toEqual([]);
    // A formula object would be a live formula in the workbook: none.
    expect(cells.filter((value) => value !== null && typeof value === "object" && "formula" in (value as object))).toEqual([]);
    expect(cells.some((value) => typeof value === "number")).toBe(true);
  });

  it("sanitises the book's HTML, serves it inline with a strict Content-Security-Policy", async () => {
    const response = await download("/export/book.html");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^inline/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/img-src 'none'|img-src data:/);
    expect(csp).not.toMatch(/unsafe-eval|script-src [^;]*'unsafe-inline'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).toContain("Links that run script");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain("evil.example/pixel.png");
    // The raw tag an analyst typed is shown as text, never as an element.
    expect(html).not.toMatch(/<img|<[^>]*onerror/i);
    expect(html).toMatch(/<a href="https:\/\/www\.gov\.pl\/" rel="noopener noreferrer nofollow">ok<\/a>/);
    // In a real browser the page is styled (its style block is allowed by hash), and the policy refuses nothing it needs.
    if (BROWSER_FOUND) {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const violations: string[] = [];
        page.on("console", (message) => {
          if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
        });
        await page.goto(new URL("export/book.html", hub.gateway.url).toString());
        expect(await page.title()).toBe("Księga rekomendacyjna");
        expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe("960px");
        expect(
          await page.evaluate(() =>
            [...document.querySelectorAll("a[href]")].map((link) => link.protocol).filter((protocol) => !["http:", "https:", "mailto:"].includes(protocol)),
          ),
        ).toEqual([]);
        expect(await page.evaluate(() => document.images.length)).toBe(0);
        expect(violations).toEqual([]);
        await page.screenshot({ path: screenshotPath("book-html"), fullPage: false });
      } finally {
        await browser.close();
      }
    }
    // The download is still there for those who want a file.
    expect((await download("/export/book.html?download=1")).headers.get("content-disposition")).toMatch(/^attachment; filename="ksiega-rekomendacyjna\.html"/);
  });
});
