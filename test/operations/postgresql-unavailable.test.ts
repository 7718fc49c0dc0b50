import { findPostgresBinaries } from "@kooperacja/database";
import { describe, it } from "vitest";

// Run in place of the PostgreSQL scenarios when this machine cannot start a server (and CI is not set: there it fails instead).
const found = findPostgresBinaries();
describe("PostgreSQL", () => {
  it.skip(`scenarios are skipped: ${"missing" in found ? found.missing : "?"} (install Debian's postgresql package to run them)`, () => {});
});
