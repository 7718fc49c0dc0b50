import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_FOUND, launchBrowser, screenshotPath } from "../browser";
import { startTestHub, tokenFor, type TestHub } from "../helpers";
import { Role } from "@kooperacja/service-kit";

describe.skipIf(!BROWSER_FOUND)("the API explorer the hub serves at /, in a real browser, offline", () => {
  let hub: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    hub = await startTestHub();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it("loads everything from the hub (any other host is cut off, as on an office network without the internet) and runs a query with a token", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    const gateway = new URL(hub.gateway.url);
    const elsewhere: string[] = [];
    const errors: string[] = [];
    // No internet: a request to any other host fails, as it would there.
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.host === gateway.host || url.protocol === "data:") return route.continue();
      elsewhere.push(url.href);
      return route.abort();
    });
    page.on("pageerror", (error) => errors.push(error.message));
    const token = await tokenFor(Role.NATIONAL_ANALYST);
    const query = "{ partnerships { key } recommendations { status } }";
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
    await page.goto(`${hub.gateway.url}?q=${encodeURIComponent(query)}&headers=${encodeURIComponent(headers)}`, { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".graphiql-container");
    // The page says how to send a token and why every request carries the preflight header.
    const notes = await page.textContent(".explorer-notes");
    expect(notes).toContain("Authorization: Bearer <token>");
    expect(notes).toContain("apollo-require-preflight");
    expect(notes).toContain("persisted queries");
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { body: { textContent: string | null } } }).document.body.textContent?.includes("recommendations"),
    );
    // The answer as the result pane shows it (a tall window: CodeMirror draws only the lines in view). The run button
    // is pressed until an answer shows: on a busy machine the editor may still be starting the first time.
    const answer = async () => {
      const text = (await page.textContent(".result-window")) ?? "";
      if (!text.includes("data")) await page.click(".graphiql-execute-button");
      return text;
    };
    await expect.poll(answer, { timeout: 30_000, interval: 500 }).toContain("kooperacje3d");
    const result = (await page.textContent(".result-window")) ?? "";
    expect(result).toContain('"key": "liderzy"');
    // An analyst's token: the drafts show, which the public does not see.
    expect(result).toMatch(/"status": "(DRAFT|REVIEW)"/);
    await page.screenshot({ path: screenshotPath("explorer"), fullPage: false });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
