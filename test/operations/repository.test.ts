import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

/** Every folder that holds tests or sources: test/'s capability folders and each workspace's src/ and test/. */
function codeFolders(): string[] {
  const folders = readdirSync(join(ROOT, "test"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `test/${entry.name}`);
  for (const parent of ["packages", "subgraphs"]) {
    for (const workspace of readdirSync(join(ROOT, parent))) folders.push(`${parent}/${workspace}/src`, `${parent}/${workspace}/test`);
  }
  folders.push("gateway/src", "gateway/test", "hub/src", "hub/test", "dashboard/src", "dashboard/test", "bench", ".ci");
  return folders;
}

describe("the repository", () => {
  it("ignores no file in a folder of tests or sources (a new test there would be left out of commits, and of CI)", () => {
    // .gitignore once had `data/` for npm start's databases, which also matched test/data/.
    const probes = codeFolders().map((folder) => `${folder}/probe.test.ts`);
    const ignored = spawnSync("git", ["check-ignore", "--no-index", ...probes], { cwd: ROOT, encoding: "utf8" });
    expect(ignored.stdout.split("\n").filter(Boolean)).toEqual([]);
    expect(probes).toContain("test/data/probe.test.ts");
  });
});
