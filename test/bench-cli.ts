import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(__dirname, "..");

/** Runs `npm run bench` with these arguments (as node does it, without npm) and answers its exit code and output. */
export async function bench(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["-r", "@swc-node/register", "bench/run.ts", ...args], {
      cwd: ROOT,
      maxBuffer: 16 * 2 ** 20,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}
