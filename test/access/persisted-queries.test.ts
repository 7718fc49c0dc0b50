import { Role } from "@kooperacja/service-kit";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayConfig } from "../../gateway/src/config";
import { as, graphql, productionKeys, startTestHub, type TestHub } from "../helpers";

const MANIFEST_PATH = resolve(__dirname, "../../dashboard/dist/persisted-queries.json");
if (!existsSync(MANIFEST_PATH)) throw new Error(`No dashboard build at ${MANIFEST_PATH}: npm install builds it (prepare), or run \`npm run build:dashboard\`.`);
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, "utf8")) as Record<string, string>;

/** The hash of the dashboard operation of this name, as the page sends it. */
function hashOf(operationName: string): string {
  const found = Object.entries(manifest).find(
    ([, document]) => document.startsWith(`query ${operationName} `) || document.startsWith(`query ${operationName}(`),
  );
  if (!found) throw new Error(`The manifest has no operation ${operationName}.`);
  return found[0];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function persistedUrl(url: string, hash: string, variables?: Record<string, unknown>): URL {
  const target = new URL(url);
  target.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  if (variables) target.searchParams.set("variables", JSON.stringify(variables));
  return target;
}

/** A GET of a persisted query, as the dashboard sends it. */
async function getByHash(url: string, hash: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(persistedUrl(url, hash, variables), { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as { data?: any; errors?: any[] }) : undefined };
}

async function postRaw(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const AD_HOC = "{ partnerships { key name } }";

describe("persisted queries (trusted documents) of the dashboard", () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({ SAFELIST_ROLES: "dashboard" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("runs the dashboard's own operations by hash via GET, for the public cacheable, revalidated by ETag", async () => {
    const first = await getByHash(hub.gateway.url, hashOf("DashboardOverview"));
    expect(first.status).toBe(200);
    expect(first.body?.errors).toBeUndefined();
    expect(first.body?.data.partnerships.map((p: any) => p.key)).toEqual(["liderzy", "kooperacja", "kooperacje3d"]);
    expect(first.body?.data.partnerships.find((p: any) => p.key === "kooperacje3d").euSharePercent).toBe("84.28");
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect(first.headers.get("vary")).toContain("Authorization");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    // A revalidation as a browser or proxy cache sends it (fetch() itself would add `cache-control: no-cache` and force a full answer).
    const again = await request(persistedUrl(hub.gateway.url, hashOf("DashboardOverview")), { headers: { "if-none-match": etag! } });
    expect(again.statusCode).toBe(304);
    expect(await again.body.text()).toBe("");
  });

  it("runs the dashboard's operations by hash via GET with a dashboard token in safelist mode, and no cache keeps them", async () => {
    const dashboard = await as(Role.DASHBOARD);
    const series = await getByHash(hub.gateway.url, hashOf("DashboardSeries"), { indicators: ["FAMILIES_SUPPORTED"], grain: "QUARTER" }, dashboard);
    expect(series.status).toBe(200);
    expect(series.body?.errors).toBeUndefined();
    expect(series.body?.data.compare.rows.length).toBeGreaterThan(0);
    expect(series.body?.data.compare.rows.every((row: any) => row.period && row.partnership)).toBe(true);
    expect(series.headers.get("cache-control")).toBe("no-store");
    const coverage = await getByHash(hub.gateway.url, hashOf("DashboardCoverage"), { indicators: ["FAMILIES_SUPPORTED"], worst: 50 }, dashboard);
    expect(coverage.status).toBe(200);
    expect(coverage.body?.data.coverageSummary.length).toBeGreaterThan(0);
  });

  it("refuses any other operation from the dashboard role in safelist mode: text, unknown hash, or one bad operation in a batch", async () => {
    const dashboard = await as(Role.DASHBOARD);
    const byText = await postRaw(hub.gateway.url, { query: AD_HOC }, dashboard);
    expect(byText.status).toBe(403);
    expect(byText.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(byText.body.errors[0].message).toContain("Role dashboard may run only the operations of the hub's persisted query manifest");

    const unknownHash = await getByHash(hub.gateway.url, sha256(AD_HOC), undefined, dashboard);
    expect(unknownHash.status).toBe(403);
    expect(unknownHash.body?.errors?.[0].extensions.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");

    // Registering a new operation the APQ way (hash and text) is no way around the list.
    const registering = await postRaw(
      hub.gateway.url,
      { query: AD_HOC, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(AD_HOC) } } },
      dashboard,
    );
    expect(registering.status).toBe(403);

    // A trusted hash beside other text runs neither: Apollo Server checks that the hash is the text's.
    const smuggled = await postRaw(
      hub.gateway.url,
      { query: AD_HOC, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf("DashboardIndicators") } } },
      dashboard,
    );
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.data).toBeUndefined();
    expect(smuggled.body.errors[0].message).toContain("provided sha does not match query");
    const smuggledGet = persistedUrl(hub.gateway.url, hashOf("DashboardIndicators"));
    smuggledGet.searchParams.set("query", AD_HOC);
    const viaGet = await fetch(smuggledGet, { headers: dashboard });
    expect(viaGet.status).toBe(400);
    expect(((await viaGet.json()) as any).data).toBeUndefined();

    const batch = await postRaw(
      hub.gateway.url,
      [{ extensions: { persistedQuery: { version: 1, sha256Hash: hashOf("DashboardIndicators") } } }, { query: AD_HOC }],
      dashboard,
    );
    expect(batch.status).toBe(403);
    expect(batch.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("accepts the manifest's documents by their text from the dashboard role, and by hash alone in a POST", async () => {
    const dashboard = await as(Role.DASHBOARD);
    const text = manifest[hashOf("DashboardIndicators")]!;
    const byText = await postRaw(hub.gateway.url, { query: text }, dashboard);
    expect(byText.status).toBe(200);
    expect(byText.body.data.indicators.length).toBeGreaterThan(5);
    const byHash = await postRaw(hub.gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf("DashboardIndicators") } } }, dashboard);
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(byText.body.data);
  });

  it("holds only the listed roles to the manifest: an analyst and the public still ask freely, with automatic persisted queries", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const free = await graphql(hub.gateway.url, AD_HOC, undefined, analyst);
    expect(free.errors).toBeUndefined();
    expect(free.data.partnerships).toHaveLength(3);
    const query = "{ indicators { code } }";
    const hash = sha256(query);
    const unknown = await postRaw(hub.gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await postRaw(hub.gateway.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await postRaw(hub.gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);
  });

  it("does not let a cache keep an ad-hoc GET, nor a GET without the CSRF header", async () => {
    const adHoc = new URL(hub.gateway.url);
    adHoc.searchParams.set("query", AD_HOC);
    const blocked = await fetch(adHoc);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(adHoc, { headers: { "apollo-require-preflight": "true" } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("cache-control")).toBe("no-store");
  });

  it("serves the dashboard page and its hashed assets with the right cache lifetimes", async () => {
    const page = await fetch(new URL("/dashboard/", hub.gateway.url));
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const html = await page.text();
    const asset = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const script = await fetch(new URL(asset!, hub.gateway.url));
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // The page holds hashes, not the documents: the gateway's manifest is the only copy of the text.
    const code = await script.text();
    expect(code).toContain(hashOf("DashboardOverview"));
    expect(code).not.toContain("query DashboardOverview");
    expect((await fetch(new URL("/dashboard/assets/nothing.js", hub.gateway.url))).status).toBe(404);
  });

  it("counts the trusted operations it ran and the ones it refused, in /metrics", async () => {
    const metrics = await (await fetch(new URL("/metrics", hub.gateway.url))).text();
    const count = (labels: string) => Number(new RegExp(`^hub_persisted_queries_total\\{${labels},service="gateway"\\} (\\d+)$`, "m").exec(metrics)?.[1] ?? 0);
    // The tests above: GETs of the overview, and four refusals (text, unknown hash, APQ registration, batch).
    expect(count('operation="DashboardOverview",outcome="trusted"')).toBeGreaterThanOrEqual(2);
    expect(count('operation="",outcome="refused"')).toBe(4);
  });

  it("stops caching the public's answer when a region is missing from it", async () => {
    await hub.regions.kooperacje3d.stop();
    const partial = await getByHash(hub.gateway.url, hashOf("DashboardOverview"));
    expect(partial.status).toBe(200);
    expect(partial.body?.errors?.[0].extensions.code).toBe("SHARD_UNAVAILABLE");
    expect(partial.body?.data.partnerships.map((p: any) => p.key)).toEqual(["liderzy", "kooperacja"]);
    expect(partial.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the gateway's persisted query settings", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kooperacja-manifest-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("holds the dashboard role to the manifest in production unless told otherwise, and nobody locally", () => {
    const production = {
      NODE_ENV: "production",
      AUTH_JWKS_URL: "https://id.example/jwks",
      CURSOR_SECRET: "a-cursor-secret-of-32-characters-at-least",
      ...productionKeys(),
    };
    expect([...gatewayConfig(production).safelistRoles]).toEqual(["dashboard"]);
    expect([...gatewayConfig({ ...production, SAFELIST_ROLES: "none" }).safelistRoles]).toEqual([]);
    expect([...gatewayConfig({}).safelistRoles]).toEqual([]);
    expect([...gatewayConfig({ SAFELIST_ROLES: "dashboard,admin" }).safelistRoles]).toEqual(["dashboard", "admin"]);
    expect(() => gatewayConfig({ SAFELIST_ROLES: "dashbord" })).toThrow(
      /SAFELIST_ROLES must be `none` or a comma-separated list of dashboard, national_analyst, regional_owner, admin/,
    );
  });

  it("refuses to start on a manifest whose hash does not match its document", () => {
    const document = "query Tampered { partnerships { key } }";
    writeFileSync(join(scratch, "persisted-queries.json"), JSON.stringify({ [sha256("query Other { partnerships { key } }")]: document }));
    expect(() => gatewayConfig({ DASHBOARD_DIR: scratch })).toThrow(/is not the SHA-256 of its document/);
  });

  it("answers 503 with what to do when the dashboard is not built, and keeps serving the API", async () => {
    const empty = mkdtempSync(join(scratch, "empty-"));
    const lines: Record<string, any>[] = [];
    const hub = await startTestHub({ DASHBOARD_DIR: empty, LOG_LEVEL: "warn" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    try {
      expect(lines.find((line) => line.service === "gateway" && line.msg.startsWith("the dashboard is not built"))?.dashboardDir).toBe(empty);
      const page = await fetch(new URL("/dashboard/", hub.gateway.url));
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("The dashboard is not built");
      expect((await graphql(hub.gateway.url, AD_HOC)).data.partnerships).toHaveLength(3);
    } finally {
      await hub.close();
    }
  });
});
