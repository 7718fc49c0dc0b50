import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

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
    // Asked by a signal of its own, once the gateway is ready: what the process has loaded by then.
    writeFileSync(probe, `process.on("SIGUSR2", () => process.stderr.write("LOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));\n`);
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
    const output = { stdout: "", stderr: "" };
    const until = (stream: "stdout" | "stderr", marker: RegExp) =>
      new Promise<string>((found, fail) => {
        const look = () => {
          const match = marker.exec(output[stream]);
          if (match) found(match[0]);
        };
        child[stream].on("data", (chunk: Buffer) => {
          output[stream] += chunk.toString();
          look();
        });
        child.on("close", () => fail(new Error(`the gateway stopped first:\n${output.stdout}\n${output.stderr}`)));
        look();
      });
    let loaded: string[];
    try {
      await until("stdout", /gateway ready at/);
      const listed = until("stderr", /LOADED (\[.*\])\n/);
      child.kill("SIGUSR2");
      const line = await listed;
      loaded = JSON.parse(line.slice("LOADED ".length)) as string[];
    } finally {
      child.kill("SIGTERM");
    }
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
      "node_modules/better-sqlite3/",
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
