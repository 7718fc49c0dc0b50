import { gatewayConfig } from "@kooperacja/gateway";
import { LOCAL_RECORD_KEY_SECRET, regionalConfig } from "@kooperacja/regional";
import { authConfig, Role, signLocalToken, TokenVerifier } from "@kooperacja/shared";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, startTestHub, type TestHub } from "./helpers";

const INTERNAL = "an-internal-secret-of-at-least-32-characters";

function sign(key: CryptoKey, alg: string, claims: Record<string, unknown>, kid?: string) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setIssuer("kooperacja-hub")
    .setAudience("kooperacja-hub")
    .setSubject("someone")
    .setExpirationTime("10m")
    .sign(key);
}

describe("production configuration", () => {
  it("refuses to start without a key, an internal secret and a cursor secret", () => {
    expect(() => authConfig({ NODE_ENV: "production" })).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEY.*HUB_INTERNAL_SECRET/);
    expect(() => regionalConfig("liderzy", { NODE_ENV: "production" })).toThrow(/Access configuration is incomplete/);
    // A region's record keys need a secret of its own: the published local one would let anyone take the noise off its figures.
    const access = { NODE_ENV: "production", AUTH_JWKS_URL: "https://id.example/jwks", HUB_INTERNAL_SECRET: INTERNAL };
    expect(() => regionalConfig("liderzy", access)).toThrow(/RECORD_KEY_SECRET must be set in production/);
    expect(() => regionalConfig("liderzy", { ...access, RECORD_KEY_SECRET: LOCAL_RECORD_KEY_SECRET })).toThrow(/RECORD_KEY_SECRET must be set in production/);
    expect(() => regionalConfig("liderzy", { ...access, RECORD_KEY_SECRET: "short" })).toThrow(/RECORD_KEY_SECRET must be at least 32 characters/);
    expect(regionalConfig("liderzy", { ...access, RECORD_KEY_SECRET: INTERNAL }).recordKeySecret).toBe(INTERNAL);
    expect(() => gatewayConfig({ NODE_ENV: "production", AUTH_JWKS_URL: "https://id.example/jwks", HUB_INTERNAL_SECRET: INTERNAL })).toThrow(/CURSOR_SECRET/);
  });

  it("refuses the HS256 development secret in production", () => {
    expect(() => authConfig({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_JWKS_URL: "https://id.example/jwks", HUB_INTERNAL_SECRET: INTERNAL })).toThrow(
      /AUTH_SECRET \(HS256\) is for local development only/,
    );
  });

  it("turns introspection off by default in production", () => {
    const config = gatewayConfig({ NODE_ENV: "production", AUTH_JWKS_URL: "https://id.example/jwks", HUB_INTERNAL_SECRET: INTERNAL, CURSOR_SECRET: INTERNAL });
    expect(config.introspection).toBe(false);
    expect(gatewayConfig({}).introspection).toBe(true);
  });
});

describe("tokens verified with a configured public key", () => {
  it("accepts a token signed with the private key and refuses an HS256 token keyed with the public key", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const pem = await exportSPKI(publicKey);
    const verifier = new TokenVerifier(authConfig({ AUTH_PUBLIC_KEY: pem }));
    const identity = await verifier.verifyUserToken(await sign(privateKey, "RS256", { role: Role.REGIONAL_OWNER, partnerships: ["kooperacje3d"] }));
    expect(identity).toMatchObject({ subject: "someone", role: "regional_owner", partnerships: ["kooperacje3d"] });
    // The classic algorithm confusion: the public key used as an HMAC secret.
    const confused = await sign(new TextEncoder().encode(pem) as never, "HS256", { role: Role.ADMIN });
    await expect(verifier.verifyUserToken(confused)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });
});

describe("the hub in production mode with a JWKS", () => {
  let jwks: Server;
  let hub: TestHub;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("ES256");
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "hub-test", alg: "ES256", use: "sig" };
    jwks = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", () => resolve()));
    hub = await startTestHub({
      NODE_ENV: "production",
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      HUB_INTERNAL_SECRET: INTERNAL,
      CURSOR_SECRET: INTERNAL,
      RECORD_KEY_SECRET: INTERNAL,
    });
  });
  afterAll(async () => {
    await hub?.close();
    jwks?.close();
  });

  it("verifies tokens against the JWKS, at the gateway and in each subgraph", async () => {
    const token = await sign(privateKey, "ES256", { role: Role.REGIONAL_OWNER, partnerships: ["liderzy"] }, "hub-test");
    const query = `{ supportedFamilies(first: 5) { totalCount } }`;
    const viaGateway = await graphql(hub.gateway.url, query, {}, { authorization: `Bearer ${token}` });
    expect(viaGateway.errors).toBeUndefined();
    expect(viaGateway.data.supportedFamilies.totalCount).toBeGreaterThan(0);
    const direct = await graphql(hub.regions.liderzy.url, query, {}, { authorization: `Bearer ${token}` });
    expect(direct.data.supportedFamilies.totalCount).toBe(viaGateway.data.supportedFamilies.totalCount);
  });

  it("refuses the development token there", async () => {
    const local = await signLocalToken(authConfig({}), { subject: "dev", role: Role.NATIONAL_ANALYST });
    const result = await graphql(hub.gateway.url, `{ partnerships { key } }`, {}, { authorization: `Bearer ${local}` });
    expect(result.status).toBe(401);
  });

  it("answers with no stack trace and no introspection", async () => {
    const introspection = await graphql(hub.gateway.url, `{ __schema { types { name } } }`);
    expect(introspection.data).toBeUndefined();
    const bad = await graphql(hub.gateway.url, `{ pilotSite(id: "garbage") { name } }`);
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|at [\w.]+ \(/);
  });

  it("keeps the debug figures for admins", async () => {
    const headers = { "x-hub-debug": "sql,shards" };
    const anonymous = await graphql(hub.gateway.url, `{ partnerships { key } }`, {}, headers);
    expect(anonymous.extensions?.sqlStatements).toBeUndefined();
    const admin = await sign(privateKey, "ES256", { role: Role.ADMIN }, "hub-test");
    const operator = await graphql(hub.gateway.url, `{ partnerships { key } }`, {}, { ...headers, authorization: `Bearer ${admin}` });
    expect(operator.extensions?.sqlStatements).toBeGreaterThan(0);
  });
});
