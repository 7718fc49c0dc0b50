import { expectedServices, gatewayConfig, servicesReadiness, startGateway } from "@kooperacja/gateway";
import { type RunningService } from "@kooperacja/service-kit";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers";

/** A second gateway over the hub's services, with some settings changed. */
function gatewayOver(hub: TestHub, env: Record<string, string>): Promise<RunningService> {
  return startGateway(
    gatewayConfig({
      DATA_DIR: hub.dataDir,
      GATEWAY_PORT: "0",
      LOG_LEVEL: "silent",
      LIDERZY_URL: hub.regions.liderzy.url,
      KOOPERACJA_URL: hub.regions.kooperacja.url,
      KOOPERACJE3D_URL: hub.regions.kooperacje3d.url,
      BOOK_URL: hub.book.url,
      ...env,
    }),
  );
}

describe("a gateway checks who answers behind each URL", () => {
  let hub: TestHub;
  const scratch = mkdtempSync(join(tmpdir(), "identity-"));
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("states each service's identity in its readiness answer, to anyone", async () => {
    const region = (await (await fetch(new URL("health/ready", hub.regions.kooperacja.url))).json()) as { service: unknown };
    expect(region.service).toMatchObject({
      service: "region",
      partnership: "kooperacja",
      macroregion: "II",
      contract: expect.stringMatching(/^[0-9a-f]{64}$/),
      gatewayKeys: [expect.any(String)],
    });
    const book = (await (await fetch(new URL("health/ready", hub.book.url))).json()) as { service: unknown };
    expect(book.service).toMatchObject({ service: "book", contract: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("refuses to start when a region's URL answers as another partnership, saying which", async () => {
    await expect(gatewayOver(hub, { LIDERZY_URL: hub.regions.kooperacja.url })).rejects.toThrow(
      `LIDERZY_URL ${hub.regions.kooperacja.url} answers as the kooperacja region (macroregion II), not as the liderzy region: check the URL and port settings.`,
    );
    await expect(gatewayOver(hub, { BOOK_URL: hub.regions.liderzy.url })).rejects.toThrow(
      /BOOK_URL .* answers as the liderzy region \(macroregion I\), not as the book/,
    );
  });

  it("refuses a region of another hub (it does not accept this gateway's key)", async () => {
    const otherHub = mkdtempSync(join(scratch, "other-"));
    await expect(gatewayOver(hub, { DATA_DIR: otherHub })).rejects.toThrow(/LIDERZY_URL .* does not accept this gateway's key/);
  });

  it("refuses a region of another release (a different contract)", async () => {
    const schema = join(scratch, "schema");
    cpSync(resolve(__dirname, "../../schema"), schema, { recursive: true });
    const regional = join(schema, "regional.graphql");
    writeFileSync(regional, readFileSync(regional, "utf8").replace("type Partnership", "type Partnership @deprecated_in_a_later_release"));
    await expect(gatewayOver(hub, { SUPERGRAPH_PATH: join(schema, "supergraph.graphql") })).rejects.toThrow(
      /serves another contract \(schema sha256 [0-9a-f]{12}…, this gateway's schema\/ has [0-9a-f]{12}…\)/,
    );
  });

  it("counts a URL that comes to answer as another service as not ready, with the reason, in the gateway's readiness", async () => {
    const config = gatewayConfig({
      DATA_DIR: hub.dataDir,
      LIDERZY_URL: hub.regions.kooperacje3d.url,
      KOOPERACJA_URL: hub.regions.kooperacja.url,
      KOOPERACJE3D_URL: hub.regions.kooperacje3d.url,
      BOOK_URL: hub.book.url,
    });
    const readiness = await servicesReadiness(expectedServices(config, undefined));
    expect(readiness).toMatchObject({
      ready: true,
      degraded: true,
      shards: {
        liderzy: { state: "wrong service", reason: expect.stringContaining("answers as the kooperacje3d region (macroregion III), not as the liderzy region") },
        kooperacja: { state: "ready" },
        kooperacje3d: { state: "ready" },
      },
      book: { state: "ready" },
    });
  });

  it("starts over the right services, and takes unset URLs from the same port settings the services use", async () => {
    const gateway = await gatewayOver(hub, {});
    await gateway.stop();
    const config = gatewayConfig({ LIDERZY_PORT: "5123", BOOK_PORT: "5124", DATA_DIR: hub.dataDir });
    expect(config.shardUrls.liderzy).toBe("http://127.0.0.1:5123/");
    expect(config.bookUrl).toBe("http://127.0.0.1:5124/");
    expect(gatewayConfig({ LIDERZY_PORT: "5123", LIDERZY_URL: "http://regions.example/liderzy/", DATA_DIR: hub.dataDir }).shardUrls.liderzy).toBe(
      "http://regions.example/liderzy/",
    );
  });
});
