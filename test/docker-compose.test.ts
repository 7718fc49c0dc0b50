import { PARTNERSHIP_KEYS } from "@kooperacja/shared";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs here, so the file is checked by reading it.
const compose = parse(readFileSync(resolve(__dirname, "../docker-compose.yml"), "utf8"));
const services = compose.services as Record<string, { environment: Record<string, string>; ports?: string[]; volumes?: string[]; command: string[] }>;

describe("docker-compose.yml", () => {
  it("runs each region, the book and the gateway as services, publishing only the gateway", () => {
    expect(Object.keys(services).sort()).toEqual(["book", "gateway", ...PARTNERSHIP_KEYS].sort());
    for (const [name, service] of Object.entries(services)) {
      expect(Boolean(service.ports), name).toBe(name === "gateway");
    }
  });

  it("gives each region its own partnership, port and data volume", () => {
    for (const key of PARTNERSHIP_KEYS) {
      const service = services[key]!;
      expect(service.environment.PARTNERSHIP).toBe(key);
      expect(service.environment[`${key.toUpperCase()}_PORT`]).toMatch(/^\d+$/);
      expect(service.volumes).toEqual([`${key}-data:/data`]);
      expect(service.command.join(" ")).toContain("subgraphs/regional/src/main.ts");
    }
  });

  it("points the gateway at each service on the port that service listens on", () => {
    const gateway = services.gateway!.environment;
    for (const key of PARTNERSHIP_KEYS) {
      expect(gateway[`${key.toUpperCase()}_URL`]).toBe(`http://${key}:${services[key]!.environment[`${key.toUpperCase()}_PORT`]}/`);
    }
    expect(gateway.BOOK_URL).toBe(`http://book:${services.book!.environment.BOOK_PORT}/`);
    // …and the book at the gateway, which it asks for the figures of its evidence.
    expect(services.book!.environment.HUB_URL).toBe(`http://gateway:${gateway.GATEWAY_PORT}/`);
  });

  it("runs every service in production mode, with the keys it refuses to start without", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.environment.NODE_ENV, name).toBe("production");
      expect(service.environment.AUTH_JWKS_URL, name).toMatch(/^\$\{AUTH_JWKS_URL:\?/);
      expect(service.environment.HUB_INTERNAL_SECRET, name).toMatch(/^\$\{HUB_INTERNAL_SECRET:\?/);
    }
    expect(services.gateway!.environment.CURSOR_SECRET).toMatch(/^\$\{CURSOR_SECRET:\?/);
  });
});
