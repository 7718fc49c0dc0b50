import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, driven by playwright-core: Playwright's own browser
 * download cannot reach the internet from these machines. CHROMIUM_PATH
 * points elsewhere; .ci/run installs the `chromium` package when it is missing.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether the browser tests can run here; in CI they must (the suite fails, saying why). */
export const BROWSER_FOUND = existsSync(CHROMIUM_PATH);
if (!BROWSER_FOUND && process.env.CI === "true")
  throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.`);
if (!BROWSER_FOUND) console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a container has no user namespace for the sandbox; the rest keeps the browser off the network but for the hub.
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/** Where screenshots go: test-artifacts/screenshots, which CI keeps. */
export function screenshotPath(name: string): string {
  const dir = resolve(__dirname, "../test-artifacts/screenshots");
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
