import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

/**
 * npm 11.16+ lists dependencies whose install scripts no one approved, and npm 12 skips those
 * scripts: sqlite3 would then have no native binding, and `npm install && npm start` would fail on
 * a fresh machine. Every package with an install script in the lock file is approved (or denied,
 * on purpose) in package.json's allowScripts.
 */
describe("install scripts", () => {
  it("are each approved or denied in package.json's allowScripts", () => {
    const lock = JSON.parse(readFileSync(resolve(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allowScripts = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScripts = [
      ...new Set(
        Object.entries(lock.packages)
          .filter(([, entry]) => entry.hasInstallScript)
          .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length)),
      ),
    ];
    expect(withScripts).toContain("sqlite3");
    const decided = (name: string) => Object.keys(allowScripts).some((key) => key === name || key.startsWith(`${name}@`));
    expect(withScripts.filter((name) => !decided(name))).toEqual([]);
    // sqlite3's binding is the embedded default's: it must be allowed, never denied.
    expect(allowScripts.sqlite3).toBe(true);
  });
});
