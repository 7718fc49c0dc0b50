import { encodeBookId } from "@kooperacja/contract";
import { authConfig, RETIRED_INTERNAL_SECRET, Role, TokenVerifier } from "@kooperacja/service-kit";
import { SignJWT } from "jose";
import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, proxiedGateway, startTestHub, type ProxiedGateway, type TestHub } from "../helpers";
import { SITE } from "../write-samples";

/**
 * Service identity, attacked the way a region's operator could: with what
 * passes through the region (the assertions it is sent) and what it holds
 * (the gateway's public key, its own configuration).
 */

const FAMILIES = `{ supportedFamilies(first: 3) { totalCount } }`;
const AUDIT = `{ auditTrail(partnership: "kooperacja", first: 5) { entries { at action record } } }`;
const CREATE_ACTIVITY = `mutation($input: NewSupportActivity!) { createSupportActivity(input: $input) { id } }`;

/** An assertion as the gateway writes them, signed with whatever key the attacker has. */
function assertion(key: KeyObject | Uint8Array, options: { alg: string; kid?: string; audience: string; role?: string; partnerships?: string[] }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: options.role ?? Role.ADMIN, partnerships: options.partnerships ?? [] })
    .setProtectedHeader({ alg: options.alg, ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer("kooperacja-hub-gateway")
    .setAudience(options.audience)
    .setSubject("mallory")
    .setIssuedAt(now)
    .setExpirationTime(now + 20)
    .sign(key);
}

describe("service identity: assertions cannot be replayed, minted or forged", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;
  let owner: Record<string, string>;

  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await proxiedGateway(hub);
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });

  /** What liderzy's operator captures when a kooperacja owner reads the sites of every region. */
  async function capturedAtLiderzy(): Promise<string> {
    gateway.proxies.liderzy.reset();
    const read = await graphql(
      gateway.url,
      `
        {
          pilotSites(first: 2) {
            totalCount
          }
        }
      `,
      {},
      owner,
    );
    expect(read.errors).toBeUndefined();
    expect(gateway.proxies.liderzy.assertions.length).toBeGreaterThan(0);
    return gateway.proxies.liderzy.assertions[0]!;
  }

  it("refuses a captured assertion replayed at the public gateway: no families, no audit trail, no write in the victim's name", async () => {
    const captured = await capturedAtLiderzy();
    for (const query of [FAMILIES, AUDIT]) {
      const replay = await graphql(hub.gateway.url, query, {}, { "x-hub-assertion": captured });
      expect(replay.status).toBe(401);
      expect(replay.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(replay.errors?.[0]?.message).toMatch(/does not accept x-hub-assertion/);
      expect(replay.data ?? null).toBeNull();
    }
    const before = (await graphql(hub.gateway.url, AUDIT, {}, owner)).data.auditTrail.entries;
    const write = await graphql(
      hub.gateway.url,
      CREATE_ACTIVITY,
      { input: { siteId: SITE, kind: "INDIVIDUAL_SUPPORT", title: "Forged", startedOn: "2020-01-10" } },
      { "x-hub-assertion": captured },
    );
    expect(write.status).toBe(401);
    expect((await graphql(hub.gateway.url, AUDIT, {}, owner)).data.auditTrail.entries).toEqual(before);
  });

  it("refuses a captured assertion replayed at another region: it is addressed to liderzy alone", async () => {
    const captured = await capturedAtLiderzy();
    for (const region of ["kooperacja", "kooperacje3d"] as const) {
      const replay = await graphql(hub.regions[region].url, FAMILIES, {}, { "x-hub-assertion": captured });
      expect(replay.status).toBe(401);
      expect(replay.errors?.[0]?.message).toMatch(/claim aud is not valid|aud/);
    }
    // Where it was addressed it is the caller it names: the region it was sent to sees no more than it was sent.
    const atLiderzy = await graphql(
      hub.regions.liderzy.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
      {},
      { "x-hub-assertion": captured },
    );
    expect(atLiderzy.errors).toBeUndefined();
  });

  it("refuses an assertion minted with the old published shared secret, everywhere", async () => {
    const secret = new TextEncoder().encode(RETIRED_INTERNAL_SECRET);
    for (const audience of ["kooperacja-hub-subgraph", "kooperacja"]) {
      const minted = await assertion(secret, { alg: "HS256", audience });
      expect((await graphql(hub.regions.kooperacja.url, FAMILIES, {}, { "x-hub-assertion": minted })).status).toBe(401);
      expect(
        (
          await graphql(
            hub.book.url,
            `
              {
                recommendations {
                  id
                }
              }
            `,
            {},
            { "x-hub-assertion": minted },
          )
        ).status,
      ).toBe(401);
      expect((await graphql(hub.gateway.url, FAMILIES, {}, { "x-hub-assertion": minted })).status).toBe(401);
    }
  });

  it("gives no region what it takes to mint: the gateway's public key, the book's key or a key of its own sign nothing a service accepts", async () => {
    const keys = join(hub.dataDir, "keys");
    const gatewayPublic = readFileSync(join(keys, "gateway.pub.pem"), "utf8");
    const gatewayKid = authConfig({ DATA_DIR: hub.dataDir }, "gateway").signingKey!.kid;
    const bookPrivate = createPrivateKey(readFileSync(join(keys, "book.key.pem"), "utf8"));
    const own = generateKeyPairSync("ed25519").privateKey;
    const forgeries = [
      // The classic algorithm confusion: the public key used as an HMAC secret.
      await assertion(new TextEncoder().encode(gatewayPublic), { alg: "HS256", kid: gatewayKid, audience: "kooperacja" }),
      await assertion(own, { alg: "EdDSA", kid: gatewayKid, audience: "kooperacja" }),
      await assertion(own, { alg: "EdDSA", audience: "kooperacja" }),
      await assertion(bookPrivate, { alg: "EdDSA", kid: gatewayKid, audience: "kooperacja" }),
    ];
    for (const forged of forgeries) {
      const result = await graphql(hub.regions.kooperacja.url, FAMILIES, {}, { "x-hub-assertion": forged });
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
    }
    // The regions' configuration holds only public keys: there is nothing in it to sign with.
    expect(authConfig({ DATA_DIR: hub.dataDir }, "kooperacja").signingKey).toBeUndefined();
  });

  it("generates the local key pairs under DATA_DIR/keys, private keys readable by their owner alone, and publishes none in the repository", () => {
    const keys = join(hub.dataDir, "keys");
    for (const pair of ["gateway", "book"]) {
      expect(statSync(join(keys, `${pair}.key.pem`)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(keys, `${pair}.pub.pem`), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    }
    // A key in a file: the marker ending its line (PEM), or followed by the key's base64 (a one-line .env PEM).
    const found = spawnSync("git", ["grep", "-l", "-E", "BEGIN [A-Z ]*PRIVATE KEY-----($|\\\\n[A-Za-z0-9+/]{16})", "--", "."], {
      cwd: resolve(__dirname, "../.."),
      encoding: "utf8",
    });
    expect(found.status, found.stderr).toBe(1);
    expect(found.stdout).toBe("");
  });

  it("lets the book act for a caller with no more than the caller has", async () => {
    const bookSigner = new TokenVerifier(authConfig({ DATA_DIR: hub.dataDir }, "book"));
    // The book's own key, and nobody's credentials: the public.
    const alone = await graphql(hub.gateway.url, FAMILIES, {}, await bookSigner.actorHeaders({}));
    expect(alone, JSON.stringify(alone)).toMatchObject({ status: 200 });
    expect(alone.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // With an assertion addressed to a region rather than to the book: refused.
    const captured = await capturedAtLiderzy();
    const misaddressed = await graphql(hub.gateway.url, FAMILIES, {}, await bookSigner.actorHeaders({ "x-hub-subject": captured }));
    expect(misaddressed.status).toBe(401);
    // An assertion for the book without the book's signature: refused.
    const genuine = await new TokenVerifier(authConfig({ DATA_DIR: hub.dataDir }, "gateway")).assert(
      { subject: "owner", role: Role.REGIONAL_OWNER, partnerships: ["kooperacja"] },
      { audience: "book", requestId: "r" },
    );
    expect((await graphql(hub.gateway.url, FAMILIES, {}, { "x-hub-subject": genuine })).status).toBe(401);
    // Both together: the owner's rights, as the book acting for the owner.
    const acting = await graphql(hub.gateway.url, FAMILIES, {}, await bookSigner.actorHeaders({ "x-hub-subject": genuine }));
    expect(acting.errors).toBeUndefined();
    expect(acting.data.supportedFamilies.totalCount).toBeGreaterThan(0);
  });

  it("shows a public reader of the book only public figures: the book's evidence re-run is protected as the reader's own query", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const ok = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = analyst) => {
      const result = await graphql(hub.gateway.url, query, variables, headers);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const { id } = (
      await ok(`mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`, {
        input: {
          chapterId: encodeBookId("BookChapter", "ch4"),
          title: "Support families across sectors",
          text: "Families supported, by partnership.",
          targetSectors: ["SOCIAL_ASSISTANCE"],
          targetMunicipalityKinds: [],
        },
      })
    ).createRecommendation;
    await ok(`mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`, {
      id,
      comparison: { note: "Families supported.", indicators: ["FAMILIES_SUPPORTED"], by: ["PARTNERSHIP"], grain: "YEAR" },
    });
    await ok(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id });
    await ok(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id });
    const LIVE = `query($id: ID!) { recommendation(id: $id) { comparisons { live { partnership protection } } } }`;
    const publicRows = (await ok(LIVE, { id }, {})).recommendation.comparisons[0].live as { partnership: string; protection: string }[];
    expect(publicRows.length).toBeGreaterThan(0);
    expect(publicRows.every((row) => row.protection !== "EXACT")).toBe(true);
    // The owner reading the same page sees the own partnership exact: the book asked with the owner's rights, and only those.
    const ownerRows = (await ok(LIVE, { id }, owner)).recommendation.comparisons[0].live as { partnership: string; protection: string }[];
    expect(ownerRows.filter((row) => row.protection === "EXACT").map((row) => row.partnership)).toEqual(["kooperacja"]);
  });
});
