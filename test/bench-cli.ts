import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(__dirname, "..");

/** Runs one of bench/'s scripts with these arguments (as npm runs it, without npm) and answers its exit code and output. */
export async function benchScript(script: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["-r", "@swc-node/register", script, ...args], {
      cwd: ROOT,
      maxBuffer: 16 * 2 ** 20,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** `npm run bench` with these arguments. */
export const bench = (...args: string[]) => benchScript("bench/run.ts", ...args);
