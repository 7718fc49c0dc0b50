import { BOOK_ENV } from "@kooperacja/book";
import { GATEWAY_ENV } from "@kooperacja/gateway";
import { resolveCompose } from "@kooperacja/hub";
import { regionalEnv } from "@kooperacja/regional";
import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { AUTH_ENV_NAMES } from "@kooperacja/service-kit";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { productionKeys } from "../helpers";

// No Docker engine runs here, so the file is checked by reading it, resolved as Compose resolves it.
const ROOT = resolve(__dirname, "../..");
const TEXT = readFileSync(resolve(ROOT, "docker-compose.yml"), "utf8");
const ENV = {
  LIDERZY_DB_PASSWORD: "pw-liderzy",
  KOOPERACJA_DB_PASSWORD: "pw-kooperacja",
  KOOPERACJE3D_DB_PASSWORD: "pw-kooperacje3d",
  BOOK_DB_PASSWORD: "pw-book",
  AUTH_JWKS_URL: "https://id.example.gov.pl/.well-known/jwks.json",
  CURSOR_SECRET: "a-cursor-secret-of-at-least-32-characters",
  // An .env file holds a PEM on one line, its line breaks written as \n.
  ...(Object.fromEntries(Object.entries(productionKeys()).map(([name, pem]) => [name, pem.replace(/\n/g, "\\n")])) as ReturnType<typeof productionKeys>),
  LIDERZY_RECORD_KEY_SECRET: "liderzy-record-key-secret-of-32-characters",
  KOOPERACJA_RECORD_KEY_SECRET: "kooperacja-record-key-secret-of-32-characters",
  KOOPERACJE3D_RECORD_KEY_SECRET: "kooperacje3d-record-key-secret-of-32-characters",
};
const compose = resolveCompose(TEXT, ENV);

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  networks: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  user?: string;
}
const services = compose.services as Record<string, Service>;
const APPS: string[] = [...PARTNERSHIP_KEYS, "book", "gateway"];
const DATABASES = [...PARTNERSHIP_KEYS, "book"].map((name) => `${name}-db`);

/** The variables each service's code reads: the zod shapes of its configuration and the identity settings. */
function knownVariables(service: string): Set<string> {
  const own =
    service === "gateway" ? Object.keys(GATEWAY_ENV) : service === "book" ? Object.keys(BOOK_ENV) : Object.keys(regionalEnv(service as PartnershipKey));
  return new Set([...own, ...AUTH_ENV_NAMES]);
}

describe("docker-compose.yml", () => {
  it("runs a PostgreSQL per region and for the book, the three regions, the book and the gateway", () => {
    expect(Object.keys(services).sort()).toEqual([...APPS, ...DATABASES].sort());
    for (const name of DATABASES) expect(services[name]!.image, name).toMatch(/^postgres:15/);
    for (const name of APPS) {
      // One image built from the Dockerfile, another entry point each.
      expect(services[name]!.build, name).toBe(".");
      expect(services[name]!.image, name).toBe("kooperacja-hub:latest");
    }
    for (const key of PARTNERSHIP_KEYS) expect(services[key]!.command!.join(" ")).toContain("subgraphs/regional/src/main.ts");
    expect(services.book!.command!.join(" ")).toContain("subgraphs/book/src/main.ts");
    expect(services.gateway!.command!.join(" ")).toContain("gateway/src/gateway-main.ts");
  });

  it("keeps each database in a named volume, reachable only by its own service", () => {
    const volumes = Object.keys(compose.volumes as object);
    for (const name of [...PARTNERSHIP_KEYS, "book"]) {
      const database = services[`${name}-db`]!;
      expect(database.volumes).toEqual([`${name}-pgdata:/var/lib/postgresql/data`]);
      expect(volumes).toContain(`${name}-pgdata`);
      expect(database.networks).toEqual([`${name}-data`]);
      expect(compose.networks?.[`${name}-data`]).toEqual({ internal: true });
      // Only its own service shares the database's network.
      const members = Object.entries(services)
        .filter(([, service]) => service.networks.includes(`${name}-data`))
        .map(([member]) => member);
      expect(members.sort()).toEqual([name, `${name}-db`].sort());
    }
  });

  it("publishes only the gateway; the services talk on an internal network", () => {
    for (const [name, service] of Object.entries(services)) expect(Boolean(service.ports), name).toBe(name === "gateway");
    expect(services.gateway!.ports).toEqual(["4000:4000"]);
    expect(compose.networks?.hub).toEqual({ internal: true });
    for (const name of APPS) expect(services[name]!.networks).toContain("hub");
    expect(
      Object.entries(services)
        .filter(([, service]) => service.networks.includes("edge"))
        .map(([name]) => name),
    ).toEqual(["gateway"]);
  });

  it("health-checks every service, the services on their readiness endpoint, and starts each after what it needs is healthy", () => {
    for (const name of DATABASES) expect(services[name]!.healthcheck!.test.join(" ")).toContain("pg_isready");
    const ports: Record<string, string> = { liderzy: "4101", kooperacja: "4102", kooperacje3d: "4103", book: "4104", gateway: "4000" };
    for (const name of APPS) expect(services[name]!.healthcheck!.test.join(" "), name).toContain(`http://127.0.0.1:${ports[name]}/health/ready`);
    for (const name of [...PARTNERSHIP_KEYS, "book"]) expect(services[name]!.depends_on).toEqual({ [`${name}-db`]: { condition: "service_healthy" } });
    expect(services.gateway!.depends_on).toEqual(Object.fromEntries([...PARTNERSHIP_KEYS, "book"].map((name) => [name, { condition: "service_healthy" }])));
  });

  it("sets only variables the code reads, and every one a production service needs", () => {
    for (const name of APPS) {
      const environment = services[name]!.environment!;
      const known = knownVariables(name);
      expect(
        Object.keys(environment).filter((variable) => !known.has(variable)),
        name,
      ).toEqual([]);
      expect(environment.NODE_ENV, name).toBe("production");
      expect(environment.AUTH_JWKS_URL, name).toBe(ENV.AUTH_JWKS_URL);
      expect(environment.HUB_INTERNAL_SECRET, name).toBeUndefined();
    }
    // Only the gateway holds the key that signs assertions; the regions and the book hold its public key, the book its own key besides.
    for (const name of [...PARTNERSHIP_KEYS, "book"]) {
      expect(services[name]!.environment!.GATEWAY_PUBLIC_KEY, name).toBe(ENV.GATEWAY_PUBLIC_KEY);
      expect(services[name]!.environment!.GATEWAY_PRIVATE_KEY, name).toBeUndefined();
    }
    for (const key of PARTNERSHIP_KEYS) expect(services[key]!.environment!.BOOK_PRIVATE_KEY, key).toBeUndefined();
    expect(services.book!.environment!.BOOK_PRIVATE_KEY).toBe(ENV.BOOK_PRIVATE_KEY);
    expect(services.gateway!.environment).toMatchObject({ GATEWAY_PRIVATE_KEY: ENV.GATEWAY_PRIVATE_KEY, BOOK_PUBLIC_KEY: ENV.BOOK_PUBLIC_KEY });
    expect(services.gateway!.environment!.BOOK_PRIVATE_KEY).toBeUndefined();
    for (const key of PARTNERSHIP_KEYS) {
      const environment = services[key]!.environment!;
      const upper = key.toUpperCase();
      expect(environment.PARTNERSHIP).toBe(key);
      // Each region its own record key secret: one region's cannot take the noise off another's figures.
      expect(environment.RECORD_KEY_SECRET).toBe(ENV[`${upper}_RECORD_KEY_SECRET` as keyof typeof ENV]);
      expect(environment.SUBGRAPH_HOST).toBe("0.0.0.0");
      expect(environment[`${upper}_DATABASE_URL`]).toBe(`postgresql://hub:pw-${key}@${key}-db:5432/${key}`);
      expect(services[`${key}-db`]!.environment).toMatchObject({ POSTGRES_USER: "hub", POSTGRES_PASSWORD: `pw-${key}`, POSTGRES_DB: key });
      // The gateway finds the region on the port the region listens on.
      expect(services.gateway!.environment![`${upper}_URL`]).toBe(`http://${key}:${environment[`${upper}_PORT`]}/`);
    }
    expect(services.book!.environment).toMatchObject({
      BOOK_DATABASE_URL: "postgresql://hub:pw-book@book-db:5432/book",
      SUBGRAPH_HOST: "0.0.0.0",
      HUB_URL: "http://gateway:4000/",
    });
    expect(services.gateway!.environment).toMatchObject({
      BOOK_URL: `http://book:${services.book!.environment!.BOOK_PORT}/`,
      CURSOR_SECRET: ENV.CURSOR_SECRET,
      GATEWAY_HOST: "0.0.0.0",
      GATEWAY_PORT: "4000",
    });
  });

  it("refuses to resolve without the keys and passwords, naming each", () => {
    expect(() => resolveCompose(TEXT, {})).toThrow(
      /LIDERZY_DB_PASSWORD[\s\S]*BOOK_DB_PASSWORD[\s\S]*AUTH_JWKS_URL[\s\S]*GATEWAY_PUBLIC_KEY[\s\S]*BOOK_PRIVATE_KEY[\s\S]*GATEWAY_PRIVATE_KEY[\s\S]*CURSOR_SECRET/,
    );
  });

  it("is printed resolved by npm run compose:config, and refused there without the keys", () => {
    const printed = execFileSync("npm", ["run", "-s", "compose:config"], { cwd: ROOT, env: { ...process.env, ...ENV }, encoding: "utf8" });
    expect(parse(printed)).toEqual(compose);
    const refused = spawnSync("npm", ["run", "-s", "compose:config"], { cwd: ROOT, env: { PATH: process.env.PATH }, encoding: "utf8" });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("CURSOR_SECRET: set CURSOR_SECRET");
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(resolve(ROOT, "Dockerfile"), "utf8");

  it("builds in stages, installs production dependencies only, and runs as a user other than root", () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    // Everything to build the dashboard, then production dependencies only; the image gets the build.
    expect(dockerfile).toMatch(/npm ci .*&& npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dashboard\/dist \.\/dashboard\/dist$/m);
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((match) => match[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toBe("root");
    // npm ci needs every workspace's package.json, and the image every workspace's code but the dashboard's sources.
    const workspaces = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;
    for (const workspace of workspaces) {
      expect(dockerfile, workspace).toContain(`COPY ${workspace}/package.json ${workspace}/\n`);
      if (workspace !== "dashboard") expect(dockerfile, workspace).toMatch(new RegExp(`^COPY ${workspace.split("/")[0]} ${workspace.split("/")[0]}$`, "m"));
    }
    // Runs on Node.js 24, a current LTS line (Node 20 reached its end of life in April 2026).
    expect(dockerfile.match(/^FROM node:(\d+)/gm)).toEqual(["FROM node:24", "FROM node:24"]);
  });
});

describe("the operations guide", () => {
  const readme = readFileSync(resolve(ROOT, "docs/operations.md"), "utf8");

  it("documents every variable the services read and every one docker-compose.yml asks for", () => {
    const read = new Set([...knownVariables("gateway"), ...knownVariables("book"), ...PARTNERSHIP_KEYS.flatMap((key) => [...knownVariables(key)])]);
    const asked = [...TEXT.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]!);
    const undocumented = [...read, ...asked].filter((variable) => !readme.includes(`\`${variable}\``));
    expect([...new Set(undocumented)]).toEqual([]);
  });
});
