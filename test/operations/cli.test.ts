import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

describe("npm run token", () => {
  const dir = mkdtempSync(join(tmpdir(), "token-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("signs a token without loading the servers, the ORM or the databases (so it answers in well under a second)", () => {
    // Lists every module the CLI loaded, when it exits: a structural check, not a race with the clock.
    const probe = join(dir, "loaded.cjs");
    writeFileSync(probe, `process.on("exit", () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));\n`);
    const run = spawnSync(process.execPath, ["-r", "@swc-node/register", "-r", probe, "hub/src/cli/token-cli.ts", "--role", "analyst"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    const loaded = JSON.parse(run.stderr) as string[];
    for (const heavy of ["@mikro-orm", "@apollo/server", "@apollo/gateway", "express", "sqlite3", "better-sqlite3", "/pg/"]) {
      expect(
        loaded.filter((path) => path.includes(`/node_modules/${heavy}`.replace("//", "/"))),
        heavy,
      ).toEqual([]);
    }
  });
});
