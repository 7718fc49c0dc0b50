import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { as, freePort, graphql } from "../helpers";

const ROOT = resolve(__dirname, "../..");

interface Started {
  child: ChildProcess;
  output: () => string;
  gatewayUrl: string;
}

/** Runs `npm start` as a user would, with free ports and its own data directory. */
async function npmStart(dataDir: string): Promise<Started> {
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  // As a user runs it: not under vitest's NODE_ENV=test, which changes how servers handle signals.
  const { NODE_ENV: _testEnv, VITEST: _vitest, ...userEnv } = process.env;
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    env: {
      ...userEnv,
      DATA_DIR: dataDir,
      LIDERZY_PORT: String(ports[0]),
      KOOPERACJA_PORT: String(ports[1]),
      KOOPERACJE3D_PORT: String(ports[2]),
      BOOK_PORT: String(ports[3]),
      GATEWAY_PORT: String(ports[4]),
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const gatewayUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print the gateway URL:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = /gateway ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, gatewayUrl };
}

/**
 * Ctrl-C: SIGINT to the whole process group, as a terminal sends it. npm
 * itself ends by the signal; the hub under it must stop cleanly and say so.
 */
function interrupt(started: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolveExit) => {
    started.child.once("exit", (code, signal) => resolveExit({ code, signal }));
    process.kill(-started.child.pid!, "SIGINT");
  });
}

describe("npm start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "kooperacja-start-"));
  const groups: number[] = [];
  let gatewayKey = "";
  afterAll(() => {
    // A hub that failed to stop must not outlive the test run.
    for (const group of groups) {
      try {
        process.kill(-group, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts the five services, prints the gateway URL, serves GraphQL and its own API explorer, and stops cleanly on Ctrl-C", async () => {
    const started = await npmStart(dataDir);
    groups.push(started.child.pid!);
    expect(started.output()).toMatch(/region I\s+liderzy\s+http/);
    expect(started.output()).toMatch(/book\s+http/);
    expect(started.output()).toContain("Seeded kooperacje3d into");
    expect(started.output()).toContain("npm run -s token -- --role analyst");
    // The service keys are made on first start, under the data directory, and printed.
    expect(started.output()).toContain(`Service keys (the gateway's and the book's, generated on first start): ${join(dataDir, "keys")}`);
    expect(readdirSync(join(dataDir, "keys")).sort()).toEqual(["book.key.pem", "book.pub.pem", "gateway.key.pem", "gateway.pub.pem"]);
    gatewayKey = readFileSync(join(dataDir, "keys", "gateway.key.pem"), "utf8");
    // The token the printed command gives, as a user would get it.
    const token = execFileSync("npm", ["run", "-s", "token", "--", "--role", "analyst"], { cwd: ROOT, encoding: "utf8" }).trim();
    const result = await graphql(
      started.gatewayUrl,
      `
        {
          partnerships {
            key
          }
          recommendations {
            title
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(result.data.partnerships.map((p: { key: string }) => p.key)).toEqual(["liderzy", "kooperacja", "kooperacje3d"]);
    expect(result.data.recommendations.length).toBeGreaterThan(0);
    const landing = await fetch(started.gatewayUrl, { headers: { accept: "text/html" } });
    expect(landing.status).toBe(200);
    // The explorer the hub serves itself: every script and style from the hub, none from a CDN.
    const html = await landing.text();
    expect(html).toContain('<div id="explorer">');
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((url) => /^(https?:)?\/\//.test(url!))).toEqual([]);
    // The book page it prints opens in a browser.
    const bookUrl = /The book as a web page: (http:\/\/\S+)/.exec(started.output())?.[1];
    const book = await fetch(bookUrl!);
    expect(book.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await book.text()).toContain("Księga rekomendacyjna");
    // So does the dashboard, built by `npm install`.
    const dashboardUrl = /The dashboard \(the three models compared\): (http:\/\/\S+)/.exec(started.output())?.[1];
    expect(dashboardUrl).toBe(new URL("dashboard/", started.gatewayUrl).href);
    const dashboard = await fetch(dashboardUrl!);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toMatch(/<script type="module" crossorigin src="\/dashboard\/assets\/dashboard-[\w-]+\.js">/);

    const exit = await interrupt(started);
    expect(exit.code === 0 || exit.signal === "SIGINT").toBe(true);
    expect(started.output()).toContain("SIGINT: stopping...");
    expect(started.output()).toContain("Stopped.");
    await expect(fetch(started.gatewayUrl)).rejects.toThrow();
  });

  it("stops every service when only the npm process gets SIGTERM, as a process manager sends it, leaving no port served", async () => {
    const started = await npmStart(dataDir);
    groups.push(started.child.pid!);
    const urls = [...started.output().matchAll(/(http:\/\/127\.0\.0\.1:\d+)\//g)].map((match) => match[1]!);
    const ports = [...new Set(urls)];
    expect(ports.length).toBeGreaterThanOrEqual(5);
    const npmExited = new Promise<void>((resolveExit) => started.child.once("exit", () => resolveExit()));
    // The npm process alone, not its group: npm ends, and its shell with it; the hub must notice.
    process.kill(started.child.pid!, "SIGTERM");
    await npmExited;
    // However busy the machine, every service closes its port once it notices; poll rather than race a clock.
    for (let attempt = 0; attempt < 600; attempt++) {
      const open = await Promise.all(
        ports.map((url) =>
          fetch(url).then(
            () => true,
            () => false,
          ),
        ),
      );
      if (!open.includes(true)) break;
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
    for (const url of ports) await expect(fetch(url), url).rejects.toThrow();
  });

  it("keeps its data across restarts instead of seeding again", async () => {
    const started = await npmStart(dataDir);
    groups.push(started.child.pid!);
    expect(started.output()).not.toContain("Seeded");
    // The same keys as before: generated once.
    expect(readFileSync(join(dataDir, "keys", "gateway.key.pem"), "utf8")).toBe(gatewayKey);
    const owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    const result = await graphql(
      started.gatewayUrl,
      `
        {
          pilotSites {
            totalCount
          }
          supportedFamilies(first: 500) {
            totalCount
            edges {
              node {
                code
              }
            }
          }
        }
      `,
      {},
      owner,
    );
    expect(result.data.pilotSites.totalCount).toBe(6);
    const codes = result.data.supportedFamilies.edges.map((edge: { node: { code: string } }) => edge.node.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).toHaveLength(result.data.supportedFamilies.totalCount);
    expect(new Set(codes).size).toBe(codes.length);
    await interrupt(started);
    expect(started.output()).toContain("Stopped.");
  });
});
