import { createRemoteJWKSet, errors as joseErrors, importSPKI, jwtVerify, SignJWT, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ErrorCode, hubError } from "./errors";
import { isPartnershipKey, type PartnershipKey } from "./partnerships";

/** Who may do what; see README "Access and privacy". */
export const Role = {
  PUBLIC: "public",
  DASHBOARD: "dashboard",
  NATIONAL_ANALYST: "national_analyst",
  REGIONAL_OWNER: "regional_owner",
  ADMIN: "admin",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles a token may carry: `public` is the absence of a token. */
export const TOKEN_ROLES: readonly Role[] = [Role.DASHBOARD, Role.NATIONAL_ANALYST, Role.REGIONAL_OWNER, Role.ADMIN];

/** The verified caller of one request. */
export interface Identity {
  /** The token's `sub`; null for the public. */
  subject: string | null;
  role: Role;
  /** For regional owners, the partnerships whose data they own; empty for every other role. */
  partnerships: PartnershipKey[];
  /** Expiry of the token, seconds since the epoch. */
  expiresAt?: number;
}

/** The caller of a subgraph request, and whether it came through the gateway (a valid assertion). */
export interface Caller {
  identity: Identity;
  viaGateway: boolean;
  /**
   * The headers that speak for this caller when the service asks the hub in
   * turn (the book re-running its evidence): the gateway's assertion, or the
   * user's own bearer token on a direct call. Never another identity.
   */
  forward: Record<string, string>;
}

export const PUBLIC_IDENTITY: Identity = Object.freeze({ subject: null, role: Role.PUBLIC, partnerships: [] }) as Identity;

/** Whether the caller owns the data of this partnership. */
export function owns(identity: Identity, partnership: string): boolean {
  return identity.role === Role.REGIONAL_OWNER && (identity.partnerships as string[]).includes(partnership);
}

/** UNAUTHENTICATED for the public (a token would help), FORBIDDEN for a signed-in role that may not. */
export function accessDenied(identity: Identity, what: string) {
  return identity.role === Role.PUBLIC
    ? hubError(ErrorCode.UNAUTHENTICATED, `A token is needed for ${what}; without one, you are the public.`)
    : hubError(ErrorCode.FORBIDDEN, `Role ${identity.role} may not use ${what}.`, { role: identity.role });
}

/** Settings every service shares, read from the environment by `authConfig`. */
export interface AuthConfig {
  production: boolean;
  /** How user tokens are verified: a remote JWKS, a public key (PEM), or (local default only) an HS256 secret. */
  userKey: { kind: "jwks"; url: string } | { kind: "public-key"; pem: string; algorithms: string[] } | { kind: "secret"; secret: string };
  issuer: string;
  audience: string;
  /** Signs the gateway's internal assertions to the subgraphs. */
  internalSecret: string;
  /** Aggregate cells computed from fewer families are suppressed (small-cell suppression). */
  suppressionThreshold: number;
}

export const LOCAL_AUTH_SECRET = "kooperacja-hub-local-development-secret-not-for-production";
const LOCAL_INTERNAL_SECRET = "kooperacja-hub-local-internal-secret-not-for-production";
const ASYMMETRIC_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"];

/** The variables `authConfig` reads; every service reads them. */
export const AUTH_ENV_NAMES = ["NODE_ENV", "AUTH_JWKS_URL", "AUTH_PUBLIC_KEY", "AUTH_ALGORITHMS", "AUTH_SECRET", "AUTH_ISSUER", "AUTH_AUDIENCE", "HUB_INTERNAL_SECRET", "SUPPRESSION_THRESHOLD"] as const;

/**
 * Reads the identity settings. Production (NODE_ENV=production) refuses to
 * start without a JWKS URL or public key and an internal secret, and refuses
 * the HS256 secret, which exists only so that `npm start` works out of the box.
 */
export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = env.NODE_ENV === "production";
  const problems: string[] = [];
  let userKey: AuthConfig["userKey"];
  if (env.AUTH_JWKS_URL) {
    if (!URL.canParse(env.AUTH_JWKS_URL)) problems.push(`AUTH_JWKS_URL is not a URL: ${JSON.stringify(env.AUTH_JWKS_URL)}`);
    userKey = { kind: "jwks", url: env.AUTH_JWKS_URL };
  } else if (env.AUTH_PUBLIC_KEY) {
    const algorithms = (env.AUTH_ALGORITHMS ?? "RS256,ES256,EdDSA").split(",").map((alg) => alg.trim());
    const unknown = algorithms.filter((alg) => !ASYMMETRIC_ALGORITHMS.includes(alg));
    if (unknown.length > 0) problems.push(`AUTH_ALGORITHMS names algorithms other than ${ASYMMETRIC_ALGORITHMS.join(", ")}: ${unknown.join(", ")}`);
    userKey = { kind: "public-key", pem: env.AUTH_PUBLIC_KEY.replace(/\\n/g, "\n"), algorithms };
  } else {
    if (production) problems.push("set AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the HS256 development secret is refused in production)");
    userKey = { kind: "secret", secret: env.AUTH_SECRET ?? LOCAL_AUTH_SECRET };
  }
  if (production && env.AUTH_SECRET) problems.push("AUTH_SECRET (HS256) is for local development only; use AUTH_JWKS_URL or AUTH_PUBLIC_KEY");
  if (production && !env.HUB_INTERNAL_SECRET) problems.push("set HUB_INTERNAL_SECRET (the gateway signs its assertions to the subgraphs with it)");
  if (env.HUB_INTERNAL_SECRET !== undefined && env.HUB_INTERNAL_SECRET.length < 32) problems.push("HUB_INTERNAL_SECRET must be at least 32 characters");
  const threshold = Number(env.SUPPRESSION_THRESHOLD ?? 5);
  if (!Number.isInteger(threshold) || threshold < 1) problems.push(`SUPPRESSION_THRESHOLD must be a positive integer; got ${JSON.stringify(env.SUPPRESSION_THRESHOLD)}`);
  if (problems.length > 0) throw new Error(`Access configuration is incomplete: ${problems.join("; ")}.`);
  return {
    production,
    userKey,
    issuer: env.AUTH_ISSUER ?? "kooperacja-hub",
    audience: env.AUTH_AUDIENCE ?? "kooperacja-hub",
    internalSecret: env.HUB_INTERNAL_SECRET ?? LOCAL_INTERNAL_SECRET,
    suppressionThreshold: threshold,
  };
}

const INTERNAL_ISSUER = "kooperacja-hub-gateway";
const INTERNAL_AUDIENCE = "kooperacja-hub-subgraph";
/** The header the gateway's assertion travels in, next to (never instead of) nothing else: user tokens are not forwarded. */
export const ASSERTION_HEADER = "x-hub-assertion";
/** An assertion lives long enough for one request's fetches, not for replay. */
const ASSERTION_SECONDS = 60;

function unauthenticated(message: string) {
  return hubError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}

/**
 * Verifies bearer tokens of users and the gateway's internal assertions.
 * One per service, built from `authConfig`.
 */
export class TokenVerifier {
  private readonly userKey: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly internalKey: Uint8Array;

  constructor(private readonly config: AuthConfig) {
    const { userKey } = config;
    if (userKey.kind === "jwks") {
      this.userKey = createRemoteJWKSet(new URL(userKey.url));
      this.algorithms = ASYMMETRIC_ALGORITHMS;
    } else if (userKey.kind === "public-key") {
      // One PEM may serve several algorithms of its family: imported once per algorithm, on first use.
      const imported = new Map<string, Promise<CryptoKey>>();
      this.userKey = (header) => {
        const alg = header.alg ?? userKey.algorithms[0]!;
        let key = imported.get(alg);
        if (!key) imported.set(alg, (key = importSPKI(userKey.pem, alg)));
        return key;
      };
      this.algorithms = userKey.algorithms;
    } else {
      this.userKey = new TextEncoder().encode(userKey.secret);
      this.algorithms = ["HS256"];
    }
    this.internalKey = new TextEncoder().encode(config.internalSecret);
  }

  /** The identity of a user's bearer token; UNAUTHENTICATED (401) for an invalid, expired or forged one. */
  async verifyUserToken(token: string): Promise<Identity> {
    const payload = await this.check(() =>
      jwtVerify(token, this.userKey as never, { algorithms: this.algorithms, issuer: this.config.issuer, audience: this.config.audience, requiredClaims: ["sub", "exp"] }),
    );
    return identityOf(payload);
  }

  /** The identity the gateway asserts for the user behind one of its fetches. */
  async verifyAssertion(token: string): Promise<Identity> {
    const payload = await this.check(() =>
      jwtVerify(token, this.internalKey, { algorithms: ["HS256"], issuer: INTERNAL_ISSUER, audience: INTERNAL_AUDIENCE, requiredClaims: ["sub", "exp"] }),
    );
    return identityOf(payload, true);
  }

  /** Signs the assertion the gateway sends to subgraphs for a verified caller. */
  async assert(identity: Identity): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const exp = Math.min(now + ASSERTION_SECONDS, identity.expiresAt ?? Number.POSITIVE_INFINITY);
    return new SignJWT({ role: identity.role, partnerships: identity.partnerships })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setSubject(identity.subject ?? "public")
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.internalKey);
  }

  /**
   * The identity of a request from its headers: the gateway's assertion if
   * present, else a user's bearer token, else the public.
   */
  async identify(headers: { authorization?: string | null; assertion?: string | null }): Promise<Caller> {
    if (headers.assertion) return { identity: await this.verifyAssertion(headers.assertion), viaGateway: true, forward: { [ASSERTION_HEADER]: headers.assertion } };
    const token = bearerToken(headers.authorization);
    if (token === null) return { identity: PUBLIC_IDENTITY, viaGateway: false, forward: {} };
    return { identity: await this.verifyUserToken(token), viaGateway: false, forward: { authorization: `Bearer ${token}` } };
  }

  private async check(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
    try {
      return (await verify()).payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The token has expired; get a new one.");
      if (error instanceof joseErrors.JOSEError) throw unauthenticated(`The token was refused: ${describe(error)}.`);
      throw error;
    }
  }
}

/** Signs a user token with the local HS256 secret (`npm run token`; tests). Refused for any other key setting. */
export async function signLocalToken(
  config: AuthConfig,
  claims: { subject: string; role: Role; partnerships?: PartnershipKey[]; expiresIn?: string | number },
): Promise<string> {
  if (config.userKey.kind !== "secret") throw new Error("Local tokens can be signed only with the local HS256 secret; production tokens come from your identity provider.");
  return new SignJWT({ role: claims.role, ...(claims.partnerships?.length ? { partnerships: claims.partnerships } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "8h")
    .sign(new TextEncoder().encode(config.userKey.secret));
}

export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  return match[1]!;
}

/** `asserted`: the gateway asserts the public too (a request without a token); users' tokens never carry it. */
function identityOf(payload: JWTPayload, asserted = false): Identity {
  const role = payload.role;
  if (asserted && role === Role.PUBLIC) return PUBLIC_IDENTITY;
  if (typeof role !== "string" || !(TOKEN_ROLES as string[]).includes(role)) {
    throw unauthenticated(`The token's role must be one of ${TOKEN_ROLES.join(", ")}; got ${JSON.stringify(role)}.`);
  }
  const rawPartnerships = payload.partnerships ?? [];
  if (!Array.isArray(rawPartnerships) || !rawPartnerships.every(isPartnershipKey)) {
    throw unauthenticated("The token's `partnerships` claim must list partnership keys (liderzy, kooperacja, kooperacje3d).");
  }
  const partnerships = role === Role.REGIONAL_OWNER ? (rawPartnerships as PartnershipKey[]) : [];
  if (role === Role.REGIONAL_OWNER && partnerships.length === 0) throw unauthenticated("A regional_owner token must name its partnership(s).");
  return { subject: payload.sub ?? null, role: role as Role, partnerships, expiresAt: payload.exp };
}

function describe(error: InstanceType<typeof joseErrors.JOSEError>): string {
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "its signature does not verify";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "its algorithm is not accepted";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim} is not valid (${error.reason})`;
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return "it is not a well-formed JWT";
  return error.code;
}
