import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { createPublicKey, randomUUID } from "node:crypto";
import { ConfigurationError } from "./env";
import { ErrorCode, hubError, isPartnershipKey, type PartnershipKey } from "@kooperacja/contract";
import {
  localPrivateKey,
  localPublicKey,
  readPrivateKey,
  readPublicKeys,
  SERVICE_KEY_ALGORITHM,
  type LocalKeyPair,
  type PublicKeys,
  type SigningKey,
} from "./service-keys";

/** Who may do what; see docs/access-and-privacy.md. */
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
  /** A service asking on this caller's behalf (the book), with no rights of its own. */
  actor?: string;
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

/** The services of the hub, by the names their assertions are addressed to. */
export type ServiceName = "gateway" | PartnershipKey | "book";

/** Settings every service shares, read from the environment by `authConfig`. */
export interface AuthConfig {
  production: boolean;
  /** How user tokens are verified: a remote JWKS, a public key (PEM), or (local default only) an HS256 secret. */
  userKey: { kind: "jwks"; url: string } | { kind: "public-key"; pem: string; algorithms: string[] } | { kind: "secret"; secret: string };
  issuer: string;
  audience: string;
  /** AUTH_MAX_TOKEN_SECONDS: a user token that lives longer (from issue to expiry) is refused. */
  maxTokenSeconds: number;
  /** Aggregate cells computed from fewer families are suppressed (small-cell suppression). */
  suppressionThreshold: number;
  /** The service these settings are for; a tool (`npm run token`) has none and holds no service key. */
  service?: ServiceName;
  /** The gateway's public keys: assertions are verified with them. */
  gatewayKeys: PublicKeys;
  /** The service's own private key: the gateway's (it signs assertions) or the book's (it signs as itself when it asks the gateway). */
  signingKey?: SigningKey;
  /** At the gateway: the services that may ask on a caller's behalf, with their public keys. */
  actors: ReadonlyMap<string, PublicKeys>;
}

export const LOCAL_AUTH_SECRET = "kooperacja-hub-local-development-secret-not-for-production";
/** The shared HS256 secret the hub used before service keys: published, so an assertion signed with it must fail everywhere. */
export const RETIRED_INTERNAL_SECRET = "kooperacja-hub-local-internal-secret-not-for-production";
const ASYMMETRIC_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"];
/** NIST SP 800-131A: RSA below 2048 bits no longer protects a signature. */
const MIN_RSA_BITS = 2048;

/** The values NODE_ENV may take; anything else (`prod`, `Production`) is a typo that must not fall back to development. */
export const NODE_ENVS = ["production", "development", "test"] as const;

/** The variables `authConfig` reads; every service reads them. */
export const AUTH_ENV_NAMES = [
  "NODE_ENV",
  "DATA_DIR",
  "AUTH_JWKS_URL",
  "AUTH_PUBLIC_KEY",
  "AUTH_ALGORITHMS",
  "AUTH_SECRET",
  "AUTH_ISSUER",
  "AUTH_AUDIENCE",
  "AUTH_MAX_TOKEN_SECONDS",
  "GATEWAY_PRIVATE_KEY",
  "GATEWAY_PUBLIC_KEY",
  "BOOK_PRIVATE_KEY",
  "BOOK_PUBLIC_KEY",
  "SUPPRESSION_THRESHOLD",
] as const;

/** Settings only a production deployment gives: with NODE_ENV unset, they show the operator forgot to set it. */
const PRODUCTION_SIGNS = [
  "AUTH_JWKS_URL",
  "AUTH_PUBLIC_KEY",
  "GATEWAY_PRIVATE_KEY",
  "GATEWAY_PUBLIC_KEY",
  "BOOK_PRIVATE_KEY",
  "BOOK_PUBLIC_KEY",
  "CURSOR_SECRET",
  "RECORD_KEY_SECRET",
];

/** Every default secret written in this repository: whoever reads it could use it. */
const PUBLISHED_SECRETS = new Set<string>([LOCAL_AUTH_SECRET, RETIRED_INTERNAL_SECRET]);

/** Marks a default secret of the code as published, so that production refuses it. */
export function publishedSecret(value: string): string {
  PUBLISHED_SECRETS.add(value);
  return value;
}

/** A secret must be long, varied and not one printed in the repository; the problem, if any, names the variable. */
export function secretProblem(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return `set ${name} (a random secret of at least 32 characters)`;
  if (PUBLISHED_SECRETS.has(value)) return `${name} is a value published in the hub's repository; set a secret of your own`;
  if (value.length < 32) return `${name} must be at least 32 characters (got ${value.length})`;
  if (new Set(value).size < 10) return `${name} is too repetitive to be a secret (fewer than 10 different characters)`;
  return undefined;
}

/** NODE_ENV, checked: exactly production, development or test; unset is development unless production settings show otherwise. */
export function nodeEnvProblem(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.NODE_ENV;
  if (value === undefined || value === "") {
    const signs = PRODUCTION_SIGNS.filter((name) => env[name]);
    return signs.length > 0 ? `NODE_ENV is unset but production settings are given (${signs.join(", ")}); set NODE_ENV=production (or development)` : undefined;
  }
  return (NODE_ENVS as readonly string[]).includes(value) ? undefined : `NODE_ENV must be exactly one of ${NODE_ENVS.join(", ")}; got ${JSON.stringify(value)}`;
}

/**
 * Reads the identity settings of one service (`service`), or of a tool
 * (none). Production (NODE_ENV=production) refuses to start without the
 * service's keys and a JWKS URL or public key for users, and refuses the
 * HS256 secret, which exists only so that `npm start` works out of the box.
 * Locally, missing service keys are generated under DATA_DIR/keys on first
 * start. Every problem is listed in one message.
 */
export function authConfig(env: NodeJS.ProcessEnv = process.env, service?: ServiceName): AuthConfig {
  const production = env.NODE_ENV === "production";
  const problems: string[] = [];
  const nodeEnv = nodeEnvProblem(env);
  if (nodeEnv) problems.push(nodeEnv);
  let userKey: AuthConfig["userKey"];
  if (env.AUTH_JWKS_URL) {
    if (!URL.canParse(env.AUTH_JWKS_URL)) problems.push(`AUTH_JWKS_URL is not a URL: ${JSON.stringify(env.AUTH_JWKS_URL)}`);
    userKey = { kind: "jwks", url: env.AUTH_JWKS_URL };
  } else if (env.AUTH_PUBLIC_KEY) {
    const algorithms = (env.AUTH_ALGORITHMS ?? "RS256,ES256,EdDSA").split(",").map((alg) => alg.trim());
    const unknown = algorithms.filter((alg) => !ASYMMETRIC_ALGORITHMS.includes(alg));
    if (unknown.length > 0) problems.push(`AUTH_ALGORITHMS names algorithms other than ${ASYMMETRIC_ALGORITHMS.join(", ")}: ${unknown.join(", ")}`);
    const pem = env.AUTH_PUBLIC_KEY.replace(/\\n/g, "\n");
    const problem = userPublicKeyProblem(pem);
    if (problem) problems.push(problem);
    userKey = { kind: "public-key", pem, algorithms };
  } else {
    if (production) problems.push("set AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the HS256 development secret is refused in production)");
    userKey = { kind: "secret", secret: env.AUTH_SECRET ?? LOCAL_AUTH_SECRET };
  }
  if (production && env.AUTH_SECRET) problems.push("AUTH_SECRET (HS256) is for local development only; use AUTH_JWKS_URL or AUTH_PUBLIC_KEY");
  if (production && env.HUB_INTERNAL_SECRET !== undefined) {
    problems.push("HUB_INTERNAL_SECRET is no longer read (services prove who they are with GATEWAY_PRIVATE_KEY and BOOK_PRIVATE_KEY); remove it");
  }
  if (production && env.METRICS_TOKEN) {
    const problem = secretProblem("METRICS_TOKEN", env.METRICS_TOKEN);
    if (problem) problems.push(problem);
  }
  const threshold = Number(env.SUPPRESSION_THRESHOLD ?? 5);
  if (!Number.isInteger(threshold) || threshold < 1)
    problems.push(`SUPPRESSION_THRESHOLD must be a positive integer; got ${JSON.stringify(env.SUPPRESSION_THRESHOLD)}`);
  const maxTokenSeconds = Number(env.AUTH_MAX_TOKEN_SECONDS || 86_400);
  if (!Number.isInteger(maxTokenSeconds) || maxTokenSeconds < 60)
    problems.push(`AUTH_MAX_TOKEN_SECONDS must be a whole number of seconds, at least 60; got ${JSON.stringify(env.AUTH_MAX_TOKEN_SECONDS)}`);
  const keys = serviceKeys(env, service, production, problems);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    production,
    userKey,
    issuer: env.AUTH_ISSUER ?? "kooperacja-hub",
    audience: env.AUTH_AUDIENCE ?? "kooperacja-hub",
    maxTokenSeconds,
    suppressionThreshold: threshold,
    service,
    ...keys,
  };
}

function userPublicKeyProblem(pem: string): string | undefined {
  try {
    const key = createPublicKey(pem);
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (key.asymmetricKeyType === "rsa" || key.asymmetricKeyType === "rsa-pss") {
      if (bits !== undefined && bits < MIN_RSA_BITS) return `AUTH_PUBLIC_KEY is an RSA key of ${bits} bits; at least ${MIN_RSA_BITS} are needed`;
    }
    return undefined;
  } catch {
    return "AUTH_PUBLIC_KEY is not a readable public key (PEM)";
  }
}

/**
 * The keys one service holds. The gateway: its private key, and the public
 * keys of the services that may ask on a caller's behalf (the book). A
 * region: the gateway's public keys only. The book: the gateway's public
 * keys and its own private key.
 */
function serviceKeys(
  env: NodeJS.ProcessEnv,
  service: ServiceName | undefined,
  production: boolean,
  problems: string[],
): Pick<AuthConfig, "gatewayKeys" | "signingKey" | "actors"> {
  const dataDir = env.DATA_DIR || "data";
  const needed = (name: string, what: string) => {
    if (production) problems.push(`set ${name} (${what})`);
    return !production;
  };
  const privateKey = (name: string, pair: LocalKeyPair, what: string) =>
    env[name] ? readPrivateKey(name, env[name]!, problems) : needed(name, what) ? localPrivateKey(dataDir, pair) : undefined;
  const publicKeys = (name: string, pair: LocalKeyPair, what: string) =>
    env[name] ? readPublicKeys(name, env[name]!, problems) : needed(name, what) ? localPublicKey(dataDir, pair) : undefined;
  if (service === undefined) return { gatewayKeys: new Map(), actors: new Map() };
  if (service === "gateway") {
    const signingKey = privateKey("GATEWAY_PRIVATE_KEY", "gateway", "the Ed25519 key the gateway signs its assertions to the subgraphs with");
    const book = publicKeys("BOOK_PUBLIC_KEY", "book", "the book's Ed25519 public key: the book asks the gateway for its evidence figures");
    return {
      gatewayKeys: signingKey ? new Map([[signingKey.kid, createPublicKey(signingKey.key)]]) : new Map(),
      signingKey,
      actors: new Map(book ? [["book", book]] : []),
    };
  }
  const gatewayKeys = publicKeys("GATEWAY_PUBLIC_KEY", "gateway", "the gateway's Ed25519 public key, to verify its assertions") ?? new Map();
  const signingKey =
    service === "book" ? privateKey("BOOK_PRIVATE_KEY", "book", "the book's Ed25519 key, to sign as itself when it asks the gateway") : undefined;
  return { gatewayKeys, signingKey, actors: new Map() };
}

/** Who issues assertions, and whom a service's request on a caller's behalf is addressed to. */
const GATEWAY_ISSUER = "kooperacja-hub-gateway";
/** The gateway's assertion to one subgraph fetch; subgraphs accept nothing else as proof that a request came through the gateway. */
export const ASSERTION_HEADER = "x-hub-assertion";
/** A service asking the gateway on a caller's behalf: its own signed token (the actor, RFC 8693)... */
export const ACTOR_HEADER = "x-hub-actor";
/** ...and the caller it acts for: the gateway's assertion that was addressed to that service. */
export const SUBJECT_HEADER = "x-hub-subject";
/**
 * An assertion lives long enough to reach its one subgraph and for the book
 * to ask back within its request; it is addressed to one service, so it is
 * useless anywhere else.
 */
export const ASSERTION_SECONDS = 30;
/** Clocks of the hub's machines may differ by this much. */
const CLOCK_TOLERANCE_SECONDS = 5;

function unauthenticated(message: string) {
  return hubError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}

/** The headers of a request, as the verifier reads them. */
export interface CallerHeaders {
  authorization?: string | null;
  assertion?: string | null;
  actor?: string | null;
  subject?: string | null;
}

/**
 * Verifies bearer tokens of users, the gateway's assertions and services'
 * requests on a caller's behalf. One per service, built from `authConfig`.
 */
export class TokenVerifier {
  private readonly userKey: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  /** Key ids of the gateway keys whose assertions this service accepts (stated in its readiness answer). */
  gatewayKeyIds(): string[] {
    return [...this.config.gatewayKeys.keys()];
  }

  /** Key id of the key this service signs with, if it signs. */
  signingKeyId(): string | undefined {
    return this.config.signingKey?.kid;
  }

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
  }

  /** The identity of a user's bearer token; UNAUTHENTICATED (401) for an invalid, expired, forged or too long-lived one. */
  async verifyUserToken(token: string): Promise<Identity> {
    const payload = await this.check(() =>
      jwtVerify(token, this.userKey as never, {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ["sub", "exp"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }),
    );
    const now = Math.floor(Date.now() / 1000);
    if (payload.iat !== undefined && payload.iat > now + CLOCK_TOLERANCE_SECONDS) throw unauthenticated("The token was refused: it is issued in the future.");
    const lifetime = payload.exp! - (payload.iat ?? now);
    if (lifetime > this.config.maxTokenSeconds) {
      throw unauthenticated(
        `The token was refused: it lives ${describeSeconds(lifetime)}; the hub accepts tokens of at most ${describeSeconds(this.config.maxTokenSeconds)} (AUTH_MAX_TOKEN_SECONDS).`,
      );
    }
    return identityOf(payload);
  }

  /** The identity the gateway asserts in an assertion addressed to `audience` (this service, unless the gateway checks one it addressed to an actor). */
  async verifyAssertion(token: string, audience: string | undefined = this.config.service): Promise<Identity> {
    if (!audience || this.config.gatewayKeys.size === 0) throw unauthenticated("This service does not accept gateway assertions.");
    const payload = await this.check(() =>
      jwtVerify(token, keyById(this.config.gatewayKeys), {
        algorithms: [SERVICE_KEY_ALGORITHM],
        issuer: GATEWAY_ISSUER,
        audience,
        requiredClaims: ["sub", "exp", "iat"],
        maxTokenAge: ASSERTION_SECONDS + CLOCK_TOLERANCE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }),
    );
    return identityOf(payload, true);
  }

  /**
   * Signs the gateway's assertion for one fetch to `audience`: the caller,
   * the request it belongs to, and the service acting for it, if any.
   */
  async assert(identity: Identity, options: { audience: ServiceName; requestId: string }): Promise<string> {
    const signing = this.config.signingKey;
    if (this.config.service !== "gateway" || !signing) throw new Error("Only the gateway signs assertions.");
    const now = Math.floor(Date.now() / 1000);
    const exp = Math.min(now + ASSERTION_SECONDS, identity.expiresAt ?? Number.POSITIVE_INFINITY);
    return new SignJWT({
      role: identity.role,
      partnerships: identity.partnerships,
      request_id: options.requestId,
      ...(identity.actor ? { act: { sub: identity.actor } } : {}),
    })
      .setProtectedHeader({ alg: SERVICE_KEY_ALGORITHM, kid: signing.kid, typ: "JWT" })
      .setIssuer(GATEWAY_ISSUER)
      .setAudience(options.audience)
      .setSubject(identity.subject ?? "public")
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(signing.key);
  }

  /**
   * The headers a service (the book) sends the gateway to ask on a caller's
   * behalf: a short token it signs as itself, with the caller's credentials
   * (`forward`) beside it. It grants nothing by itself: the gateway gives the
   * request the rights of the caller the credentials prove, no more.
   */
  async actorHeaders(forward: Record<string, string>): Promise<Record<string, string>> {
    const signing = this.config.signingKey;
    const service = this.config.service;
    if (!signing || !service || service === "gateway") throw new Error("Only a service with a key of its own asks the gateway on a caller's behalf.");
    const now = Math.floor(Date.now() / 1000);
    const actor = await new SignJWT({})
      .setProtectedHeader({ alg: SERVICE_KEY_ALGORITHM, kid: signing.kid, typ: "JWT" })
      .setIssuer(service)
      .setSubject(service)
      .setAudience(GATEWAY_ISSUER)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ASSERTION_SECONDS)
      .sign(signing.key);
    return { ...forward, [ACTOR_HEADER]: actor };
  }

  /**
   * The caller of a subgraph request: the gateway's assertion addressed to
   * this service if present, else a user's bearer token (a direct call),
   * else the public. `forward` is what speaks for the same caller when the
   * service asks the gateway in turn.
   */
  async identify(headers: CallerHeaders): Promise<Caller> {
    if (headers.assertion)
      return { identity: await this.verifyAssertion(headers.assertion), viaGateway: true, forward: { [SUBJECT_HEADER]: headers.assertion } };
    const token = bearerToken(headers.authorization);
    if (token === null) return { identity: PUBLIC_IDENTITY, viaGateway: false, forward: {} };
    return { identity: await this.verifyUserToken(token), viaGateway: false, forward: { authorization: `Bearer ${token}` } };
  }

  /**
   * The caller of a request to the gateway. Clients send a bearer token or
   * nothing; an assertion is never accepted from outside (the gateway issues
   * them; one captured on its way to a subgraph must not work here). A
   * service acting for a caller proves itself with its own key and the
   * caller with the assertion the gateway addressed to that service, or the
   * user's own token: the request gets that caller's rights.
   */
  async identifyClient(headers: CallerHeaders): Promise<{ identity: Identity; actor?: string }> {
    if (headers.assertion)
      throw unauthenticated(
        `The gateway does not accept ${ASSERTION_HEADER}: it issues assertions to the subgraphs and takes none from clients. Send a bearer token.`,
      );
    if (headers.subject && !headers.actor) throw unauthenticated(`${SUBJECT_HEADER} is accepted only from a service that signs ${ACTOR_HEADER}.`);
    if (!headers.actor) {
      const token = bearerToken(headers.authorization);
      return { identity: token === null ? PUBLIC_IDENTITY : await this.verifyUserToken(token) };
    }
    const actor = await this.verifyActor(headers.actor);
    const token = bearerToken(headers.authorization);
    const subject = headers.subject ? await this.verifyAssertion(headers.subject, actor) : token === null ? PUBLIC_IDENTITY : await this.verifyUserToken(token);
    return { identity: { ...subject, actor }, actor };
  }

  /** The service behind an actor token, if one of the services the gateway trusts signed it for the gateway. */
  private async verifyActor(token: string): Promise<string> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated(`The ${ACTOR_HEADER} token is not a well-formed JWT.`);
    }
    const keys = issuer === undefined ? undefined : this.config.actors.get(issuer);
    if (!keys) throw unauthenticated(`The ${ACTOR_HEADER} token names no service the gateway trusts.`);
    await this.check(() =>
      jwtVerify(token, keyById(keys), {
        algorithms: [SERVICE_KEY_ALGORITHM],
        issuer,
        subject: issuer,
        audience: GATEWAY_ISSUER,
        requiredClaims: ["exp", "iat"],
        maxTokenAge: ASSERTION_SECONDS + CLOCK_TOLERANCE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }),
    );
    return issuer!;
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

/** Picks the key a token names (`kid`): an unknown key id fails like a bad signature. */
function keyById(keys: PublicKeys): JWTVerifyGetKey {
  return (header) => {
    const key = header.kid === undefined ? undefined : keys.get(header.kid);
    if (!key) throw new joseErrors.JWSSignatureVerificationFailed();
    return key;
  };
}

function describeSeconds(seconds: number): string {
  return seconds >= 3600 ? `${Math.round((seconds / 3600) * 10) / 10} h` : `${seconds} s`;
}

/** Signs a user token with the local HS256 secret (`npm run token`; tests). Refused for any other key setting. */
export async function signLocalToken(
  config: AuthConfig,
  claims: { subject: string; role: Role; partnerships?: PartnershipKey[]; expiresIn?: string | number },
): Promise<string> {
  if (config.userKey.kind !== "secret")
    throw new Error("Local tokens can be signed only with the local HS256 secret; production tokens come from your identity provider.");
  const token = await new SignJWT({ role: claims.role, ...(claims.partnerships?.length ? { partnerships: claims.partnerships } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "8h")
    .sign(new TextEncoder().encode(config.userKey.secret));
  // A token the hub would refuse is no use to anyone: say so now, not at the first request.
  const { iat, exp } = decodeJwt(token);
  if (exp! - iat! > config.maxTokenSeconds) {
    throw new Error(`The hub accepts tokens of at most ${describeSeconds(config.maxTokenSeconds)} (AUTH_MAX_TOKEN_SECONDS); ask for a shorter --expires.`);
  }
  return token;
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
  if (asserted && role === Role.PUBLIC) {
    const actor = (payload.act as { sub?: unknown } | undefined)?.sub;
    return typeof actor === "string" ? { ...PUBLIC_IDENTITY, actor } : PUBLIC_IDENTITY;
  }
  if (typeof role !== "string" || !(TOKEN_ROLES as string[]).includes(role)) {
    throw unauthenticated(`The token's role must be one of ${TOKEN_ROLES.join(", ")}; got ${JSON.stringify(role)}.`);
  }
  const rawPartnerships = payload.partnerships ?? [];
  if (!Array.isArray(rawPartnerships) || !rawPartnerships.every(isPartnershipKey)) {
    throw unauthenticated("The token's `partnerships` claim must list partnership keys (liderzy, kooperacja, kooperacje3d).");
  }
  const partnerships = role === Role.REGIONAL_OWNER ? (rawPartnerships as PartnershipKey[]) : [];
  if (role === Role.REGIONAL_OWNER && partnerships.length === 0) throw unauthenticated("A regional_owner token must name its partnership(s).");
  const actor = asserted ? (payload.act as { sub?: unknown } | undefined)?.sub : undefined;
  return { subject: payload.sub ?? null, role: role as Role, partnerships, expiresAt: payload.exp, ...(typeof actor === "string" ? { actor } : {}) };
}

function describe(error: InstanceType<typeof joseErrors.JOSEError>): string {
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "its signature does not verify";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "its algorithm is not accepted";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim} is not valid (${error.reason})`;
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return "it is not a well-formed JWT";
  return error.code;
}
