import { auditServer, type AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers";

describe("GraphQL over HTTP: the graphql-http audit suite against every service", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  for (const service of ["gateway", "liderzy", "kooperacja", "kooperacje3d", "book"] as const) {
    it(`${service}: every MUST holds, and what remains is the README's`, async () => {
      const url = service === "gateway" ? hub.gateway.url : service === "book" ? hub.book.url : hub.regions[service].url;
      const results: AuditResult[] = await auditServer({ url });
      const by = (status: string) => results.filter((result) => result.status === status);
      process.stdout.write(
        `graphql-http audit, ${service}: ${by("ok").length} ok, ${by("warn").length} warnings, ${by("notice").length} notices, ${by("error").length} errors\n`,
      );
      for (const result of results.filter((result) => result.status !== "ok")) {
        process.stdout.write(`  ${result.status} ${result.id} ${result.name}: ${"reason" in result ? result.reason : ""}\n`);
      }
      expect(by("error").map((result) => `${result.id} ${result.name}`)).toEqual([]);
      // What remains is on purpose (README, "GraphQL over HTTP"): a new warning or notice fails here.
      expect(
        by("warn")
          .map((result) => result.id)
          .sort(),
      ).toEqual(["572B", "7B9B", "FDE2"]);
      expect(
        by("notice")
          .map((result) => result.id)
          .sort(),
      ).toEqual(["5A70", "6A70", "D6D5"]);
    });
  }
});
