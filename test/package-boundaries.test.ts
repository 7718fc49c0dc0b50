import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");

/**
 * The package boundaries as a running process sees them (dependency-cruiser checks the imports,
 * `npm run lint:boundaries`): the gateway started on its own loads the contract and the service
 * kit, never a subgraph's resolvers and entities, MikroORM or a database driver.
 */
describe("the gateway on its own", () => {
  const dir = mkdtempSync(join(tmpdir(), "gateway-modules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads no subgraph, no ORM and no database driver", async () => {
    const probe = join(dir, "loaded.cjs");
    writeFileSync(probe, `process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache))));\n`);
    // No region answers at these addresses; the gateway starts all the same (its readiness says so).
    const nowhere = "http://127.0.0.1:9/";
    const child = spawn(process.execPath, ["-r", "@swc-node/register", "-r", probe, "gateway/src/gateway-main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        GATEWAY_PORT: "0",
        LIDERZY_URL: nowhere,
        KOOPERACJA_URL: nowhere,
        KOOPERACJE3D_URL: nowhere,
        BOOK_URL: nowhere,
        LOG_LEVEL: "silent",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    await new Promise<void>((ready, fail) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("gateway ready at")) ready();
      });
      child.on("exit", () => fail(new Error(`the gateway exited before it was ready:\n${stdout}\n${stderr}`)));
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const loaded = JSON.parse(stderr.slice(stderr.lastIndexOf("LOADED ") + "LOADED ".length)) as string[];
    const relative = loaded.map((path) => path.replace(`${ROOT}/`, ""));
    expect(relative.some((path) => path.startsWith("packages/contract/"))).toBe(true);
    for (const forbidden of [
      "subgraphs/",
      "packages/database/",
      "packages/subgraph-kit/",
      "hub/",
      "node_modules/@mikro-orm/",
      "node_modules/type-graphql/",
      "node_modules/sqlite3/",
      "node_modules/pg/",
      "node_modules/knex/",
    ]) {
      expect(
        relative.filter((path) => path.startsWith(forbidden)),
        forbidden,
      ).toEqual([]);
    }
  });
});
