import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = join(__dirname, "fixtures/stopping-service.ts");

/** Starts the fixture service, sends it SIGTERM once it is ready, and reports how it ended. */
function stopped(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "@swc-node/register", FIXTURE], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("ready\n") && !child.killed) child.kill("SIGTERM");
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("runUntilSignal", () => {
  it("exits 0 once the service has stopped", async () => {
    const { code, output } = await stopped({ STOP: "now", STOP_TIMEOUT_MS: "60000" });
    expect(code).toBe(0);
    expect(output).toContain("SIGTERM: stopping...");
    expect(output).toContain("Stopped.");
  });

  // No clock is raced: a stop that never ends would hang this test (the vitest timeout), not make it slower.
  it("exits 1 at its deadline when stopping never ends (a request or a transaction that would hold it forever)", async () => {
    const { code, output } = await stopped({ STOP: "never", STOP_TIMEOUT_MS: "50" });
    expect(code, output).toBe(1);
    expect(output).toContain("Did not stop within 50 ms; exiting");
    expect(output).not.toContain("Stopped.");
  });
});
