import { type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../databases";
import { as, startTestHub, type TestHub } from "../helpers";
import { ARCHIVE, CREATE, UPDATE, WRITE_SAMPLES } from "../write-samples";

/** A deterministic source of random values, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function randomString(random: () => number): string {
  const length = 1 + Math.floor(random() * 80);
  return Array.from({ length }, () => String.fromCodePoint(Math.floor(random() * 0x2fff))).join("");
}

const TEN_MEGABYTES = "ż".repeat(5_000_000);

/** Values no field should choke on: wrong types, extremes, injections, sizes. */
function fuzzValues(random: () => number): unknown[] {
  return [
    randomString(random),
    randomString(random),
    "",
    "   padded   ",
    "'; drop table pilot_site; --",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "\u0000\u0007",
    "x".repeat(60_000),
    1e308,
    -1,
    2 ** 31,
    2 ** 53 + 1,
    -0.5,
    true,
    {},
    [],
    null,
    ["a", 1],
  ];
}

const ALLOWED = new Set(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "CONFLICT", "NOT_FOUND", "LIMIT_EXCEEDED", "BAD_REQUEST"]);

describe("fuzzed input to every write", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  const db = (partnership: PartnershipKey) => hub.databaseUrl(partnership);

  beforeAll(async () => {
    hub = await startTestHub({ RATE_LIMIT_PER_MINUTE: "100000" });
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  });
  afterAll(() => hub?.close());

  /** Sends one request; returns whether it wrote, after checking the answer is a clear one. */
  async function attempt(query: string, variables: Record<string, unknown>, label: string): Promise<{ wrote: boolean; version?: number }> {
    const before = await fingerprint(db("kooperacja"));
    const response = await fetch(hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...owner },
      body: JSON.stringify({ query, variables }),
    });
    expect([200, 400, 413], label).toContain(response.status);
    const body = (await response.json()) as { data?: { record?: { version: number } | null } | null; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length) {
      for (const error of body.errors) expect(ALLOWED.has(error.extensions?.code ?? ""), `${label}: ${JSON.stringify(error)}`).toBe(true);
      expect(await fingerprint(db("kooperacja")), label).toEqual(before);
      return { wrote: false };
    }
    expect(body.data?.record?.version, label).toBeGreaterThan(0);
    return { wrote: true, version: body.data!.record!.version };
  }

  it.each(WRITE_SAMPLES)(
    "answers every fuzzed $type write with a clear error (or a valid write), never half-writes, and stays up",
    async (sample) => {
      const random = prng(sample.type.length * 7919);
      const others = await Promise.all(["liderzy", "kooperacje3d"].map((key) => fingerprint(db(key as PartnershipKey))));
      const created = await attempt(CREATE(sample.type), { partnership: "kooperacja", input: sample.input(40) }, "valid create");
      expect(created.wrote).toBe(true);
      const target = await fetch(hub.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...owner },
        body: JSON.stringify({ query: CREATE(sample.type), variables: { partnership: "kooperacja", input: sample.input(41) } }),
      }).then((response) => response.json() as Promise<{ data: { record: { id: string; version: number } } }>);
      let { id, version } = target.data.record;

      for (const field of Object.keys(sample.input(50))) {
        for (const [index, value] of fuzzValues(random).entries()) {
          const created = await attempt(
            CREATE(sample.type),
            { partnership: "kooperacja", input: { ...sample.input(50 + index), [field]: value } },
            `create ${field}=${JSON.stringify(value)?.slice(0, 40)}`,
          );
          if (created.wrote) continue;
          const updated = await attempt(
            UPDATE(sample.type),
            { id, version, input: { ...sample.change(sample.input(41)), [field]: value } },
            `update ${field}=${JSON.stringify(value)?.slice(0, 40)}`,
          );
          if (updated.wrote) version = updated.version!;
        }
      }
      for (const value of [...fuzzValues(random), TEN_MEGABYTES]) {
        await attempt(CREATE(sample.type), { partnership: value, input: sample.input(90) }, `partnership=${JSON.stringify(value)?.slice(0, 40)}`);
        await attempt(UPDATE(sample.type), { id: value, version, input: sample.input(41) }, `id=${JSON.stringify(value)?.slice(0, 40)}`);
        const archived = await attempt(ARCHIVE(sample.type), { id, version: value }, `version=${JSON.stringify(value)?.slice(0, 40)}`);
        expect(archived.wrote).toBe(false);
      }
      await attempt(
        CREATE(sample.type),
        { partnership: "kooperacja", input: { ...sample.input(91), [Object.keys(sample.input(91))[0]!]: TEN_MEGABYTES } },
        "a 10 MB string",
      );

      // Still up, still the same elsewhere, and the record still takes a valid write.
      const final = await attempt(ARCHIVE(sample.type), { id, version }, "archive after fuzzing");
      expect(final.wrote).toBe(true);
      expect(await Promise.all(["liderzy", "kooperacje3d"].map((key) => fingerprint(db(key as PartnershipKey))))).toEqual(others);
    },
    120_000,
  );
});
