import { gatewayConfig } from "@kooperacja/gateway";
import { LOCAL_RECORD_KEY_SECRET, regionalConfig } from "@kooperacja/regional";
import { authConfig, LOCAL_AUTH_SECRET, Role, signLocalToken, TokenVerifier } from "@kooperacja/service-kit";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { bookConfig } from "@kooperacja/book";
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { resolve } from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, productionKeys, startTestHub, type TestHub } from "../helpers";

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

const KEYS = productionKeys();
const PRODUCTION = { NODE_ENV: "production", AUTH_JWKS_URL: "https://id.example/jwks", CURSOR_SECRET: INTERNAL, RECORD_KEY_SECRET: INTERNAL, ...KEYS };

describe("production configuration", () => {
  it("refuses to start without a user key, the service's keys and a cursor secret, naming every problem at once", () => {
    expect(() => authConfig({ NODE_ENV: "production" }, "gateway")).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEY.*GATEWAY_PRIVATE_KEY.*BOOK_PUBLIC_KEY/);
    expect(() => regionalConfig("liderzy", { NODE_ENV: "production" })).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEY.*GATEWAY_PUBLIC_KEY.*RECORD_KEY_SECRET/);
    expect(() => bookConfig({ NODE_ENV: "production" })).toThrow(/GATEWAY_PUBLIC_KEY.*BOOK_PRIVATE_KEY/);
    // A region's record keys need a secret of its own: the published local one would let anyone take the noise off its figures.
    const { RECORD_KEY_SECRET: _, ...access } = PRODUCTION;
    expect(() => regionalConfig("liderzy", access)).toThrow(/set RECORD_KEY_SECRET/);
    expect(() => regionalConfig("liderzy", { ...access, RECORD_KEY_SECRET: LOCAL_RECORD_KEY_SECRET })).toThrow(
      /RECORD_KEY_SECRET is a value published in the hub's repository/,
    );
    expect(() => regionalConfig("liderzy", { ...access, RECORD_KEY_SECRET: "short" })).toThrow(/RECORD_KEY_SECRET must be at least 32 characters/);
    expect(regionalConfig("liderzy", PRODUCTION).recordKeySecret).toBe(INTERNAL);
    const { CURSOR_SECRET: __, ...noCursor } = PRODUCTION;
    expect(() => gatewayConfig(noCursor)).toThrow(/set CURSOR_SECRET/);
  });

  it("refuses published and weak secrets, every one named in one message", () => {
    let message = "";
    try {
      gatewayConfig({
        ...PRODUCTION,
        CURSOR_SECRET: "c",
        HUB_INTERNAL_SECRET: "kooperacja-hub-local-internal-secret-not-for-production",
        GATEWAY_PORT: "many",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/HUB_INTERNAL_SECRET is no longer read/);
    expect(message).toMatch(/CURSOR_SECRET must be at least 32 characters \(got 1\)/);
    expect(message).toMatch(/GATEWAY_PORT must be a whole number/);
    expect(message).not.toMatch(/\n\s+at /);
    expect(() => gatewayConfig({ ...PRODUCTION, CURSOR_SECRET: "kooperacja-hub-local-cursor-secret" })).toThrow(
      /CURSOR_SECRET is a value published in the hub's repository/,
    );
    expect(() => gatewayConfig({ ...PRODUCTION, CURSOR_SECRET: "ab".repeat(20) })).toThrow(/CURSOR_SECRET is too repetitive/);
  });

  it("refuses a NODE_ENV that is not exactly production, development or test, and an unset one beside production settings", () => {
    for (const value of ["Production", "prod", "PRODUCTION", "staging"]) {
      expect(() => gatewayConfig({ ...PRODUCTION, NODE_ENV: value })).toThrow(
        new RegExp(`NODE_ENV must be exactly one of production, development, test; got "${value}"`),
      );
    }
    const { NODE_ENV: _, ...unset } = PRODUCTION;
    expect(() => gatewayConfig(unset)).toThrow(/NODE_ENV is unset but production settings are given \(AUTH_JWKS_URL, GATEWAY_PRIVATE_KEY/);
    // Unset with nothing else is the local default `npm start` runs.
    expect(gatewayConfig({}).auth.production).toBe(false);
  });

  it("refuses service keys of the wrong kind: a private key where a public one belongs, another algorithm, a weak user key", () => {
    expect(() => regionalConfig("liderzy", { ...PRODUCTION, GATEWAY_PUBLIC_KEY: KEYS.GATEWAY_PRIVATE_KEY! })).toThrow(/GATEWAY_PUBLIC_KEY holds a private key/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() => gatewayConfig({ ...PRODUCTION, GATEWAY_PRIVATE_KEY: rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string })).toThrow(
      /GATEWAY_PRIVATE_KEY is a rsa key; service keys are Ed25519/,
    );
    const { AUTH_JWKS_URL: _, ...noJwks } = PRODUCTION;
    expect(() => gatewayConfig({ ...noJwks, AUTH_PUBLIC_KEY: rsa.publicKey.export({ type: "spki", format: "pem" }) as string })).toThrow(
      /AUTH_PUBLIC_KEY is an RSA key of 1024 bits; at least 2048/,
    );
    expect(() => gatewayConfig({ ...PRODUCTION, GATEWAY_PRIVATE_KEY: "not a key" })).toThrow(/GATEWAY_PRIVATE_KEY must hold one private key in PEM/);
  });

  it("refuses the HS256 development secret in production", () => {
    expect(() => authConfig({ ...PRODUCTION, AUTH_SECRET: "x".repeat(40) })).toThrow(/AUTH_SECRET \(HS256\) is for local development only/);
  });

  it("turns introspection off by default in production", () => {
    const config = gatewayConfig(PRODUCTION);
    expect(config.introspection).toBe(false);
    expect(gatewayConfig({}).introspection).toBe(true);
  });

  it("stops a production start with one message listing the problems and no stack trace", () => {
    const run = spawnSync(process.execPath, ["-r", "@swc-node/register", "gateway/src/gateway-main.ts"], {
      cwd: resolve(__dirname, "../.."),
      env: { PATH: process.env.PATH, NODE_ENV: "prod", CURSOR_SECRET: "c" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /Configuration is invalid: NODE_ENV must be exactly one of production, development, test; got "prod"; NODE_ENV is unset|Configuration is invalid: NODE_ENV must be exactly/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toMatch(/ready at/);
  });
});

describe("user tokens' lifetimes", () => {
  const verifier = new TokenVerifier(authConfig({}));
  const secret = new TextEncoder().encode(LOCAL_AUTH_SECRET);
  const token = (issuedAt: number, expiresAt: number) =>
    new SignJWT({ role: Role.NATIONAL_ANALYST })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("kooperacja-hub")
      .setAudience("kooperacja-hub")
      .setSubject("a")
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(secret);
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses a token that expires in the year 9999, one longer-lived than AUTH_MAX_TOKEN_SECONDS, and one issued in the future", async () => {
    await expect(verifier.verifyUserToken(await token(now(), Date.UTC(9999, 0, 1) / 1000))).rejects.toMatchObject({
      message: /the hub accepts tokens of at most 24 h/,
    });
    await expect(verifier.verifyUserToken(await token(now(), now() + 25 * 3600))).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    await expect(verifier.verifyUserToken(await token(now() + 3600, now() + 7200))).rejects.toMatchObject({ message: /issued in the future/ });
    // Without `iat`, the lifetime counts from now.
    const noIat = await new SignJWT({ role: Role.NATIONAL_ANALYST })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("kooperacja-hub")
      .setAudience("kooperacja-hub")
      .setSubject("a")
      .setExpirationTime(now() + 48 * 3600)
      .sign(secret);
    await expect(verifier.verifyUserToken(noIat)).rejects.toMatchObject({ message: /at most 24 h/ });
    expect(await verifier.verifyUserToken(await token(now(), now() + 8 * 3600))).toMatchObject({ role: Role.NATIONAL_ANALYST });
    const longer = new TokenVerifier(authConfig({ AUTH_MAX_TOKEN_SECONDS: String(30 * 86_400) }));
    expect(await longer.verifyUserToken(await token(now(), now() + 25 * 3600))).toMatchObject({ role: Role.NATIONAL_ANALYST });
  });

  it("will not sign a local token the hub would refuse (npm run token --expires 30d)", async () => {
    await expect(signLocalToken(authConfig({}), { subject: "d", role: Role.DASHBOARD, expiresIn: "30d" })).rejects.toThrow(
      /at most 24 h \(AUTH_MAX_TOKEN_SECONDS\)/,
    );
    expect(await signLocalToken(authConfig({ AUTH_MAX_TOKEN_SECONDS: String(31 * 86_400) }), { subject: "d", role: Role.DASHBOARD, expiresIn: "30d" })).toMatch(
      /^ey/,
    );
  });
});

describe("tokens verified with a configured public key", () => {
  it("accepts a token signed with the private key and refuses an HS256 token keyed with the public key", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const pem = await exportSPKI(publicKey);
    const verifier = new TokenVerifier(authConfig({ NODE_ENV: "development", AUTH_PUBLIC_KEY: pem }));
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
      CURSOR_SECRET: INTERNAL,
      RECORD_KEY_SECRET: INTERNAL,
      ...KEYS,
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
    const result = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
      {},
      { authorization: `Bearer ${local}` },
    );
    expect(result.status).toBe(401);
  });

  it("answers with no stack trace and no introspection", async () => {
    const introspection = await graphql(
      hub.gateway.url,
      `
        {
          __schema {
            types {
              name
            }
          }
        }
      `,
    );
    expect(introspection.data).toBeUndefined();
    const bad = await graphql(
      hub.gateway.url,
      `
        {
          pilotSite(id: "garbage") {
            name
          }
        }
      `,
    );
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|at [\w.]+ \(/);
  });

  it("keeps the debug figures for admins", async () => {
    const headers = { "x-hub-debug": "sql,shards" };
    const anonymous = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
      {},
      headers,
    );
    expect(anonymous.extensions?.sqlStatements).toBeUndefined();
    const admin = await sign(privateKey, "ES256", { role: Role.ADMIN }, "hub-test");
    const operator = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
      {},
      { ...headers, authorization: `Bearer ${admin}` },
    );
    expect(operator.extensions?.sqlStatements).toBeGreaterThan(0);
  });
});
