import { Role } from "@kooperacja/service-kit";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { EXIT, EXIT_CODES_TEXT, exitCodeOf, fromCaller } from "./cli-exit";
import { cliToken, DEFAULT_HUB_URL } from "./cli-hub";

const USAGE = `Usage:
  npm run export -- comparison --indicators <A,B> [--by <PARTNERSHIP,PERIOD>] [--grain MONTH|QUARTER|YEAR] [--filter <json>] [--format csv|xlsx] [--out <file>]
  npm run export -- chapter <chapter ID> [--format csv|xlsx] [--out <file>]
  npm run export -- book [--format md|html] [--out <file>]
Common options:
  --url    the gateway (default $HUB_URL or http://localhost:4000/)
  --token  a token (default $HUB_TOKEN; on a local hub, a national analyst's development token is signed for you)
Downloads from the gateway's /export endpoint and writes the file, in the directory you run it in unless --out says otherwise
(default: comparison.csv, chapter.xlsx, ksiega-rekomendacyjna.md).
${EXIT_CODES_TEXT}`;

const DEFAULT_FORMAT: Record<string, string> = { comparison: "csv", chapter: "xlsx", book: "md" };

/** `npm run export -- comparison --indicators FAMILIES_SUPPORTED --by PARTNERSHIP --format xlsx`: tables for the book team. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      indicators: { type: "string" },
      by: { type: "string" },
      grain: { type: "string" },
      filter: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      url: { type: "string", default: DEFAULT_HUB_URL },
      token: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [what, chapterId] = positionals;
  if (values.help) {
    console.log(USAGE);
    return EXIT.OK;
  }
  if (!what || !DEFAULT_FORMAT[what] || (what === "chapter") !== Boolean(chapterId) || positionals.length > (what === "chapter" ? 2 : 1)) {
    console.error(USAGE);
    return EXIT.USAGE;
  }
  const format = values.format ?? DEFAULT_FORMAT[what]!;
  const name = what === "book" ? "ksiega-rekomendacyjna" : what;
  const path = what === "chapter" ? `chapter/${encodeURIComponent(chapterId!)}.${format}` : `${what}.${format}`;
  const url = new URL(`export/${path}`, values.url);
  if (what === "comparison") {
    for (const key of ["indicators", "by", "grain", "filter"] as const) if (values[key]) url.searchParams.set(key, values[key]!);
  }
  const token = await cliToken(values.token, Role.NATIONAL_ANALYST, [], "local-export");
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    console.error(`No answer from ${url.origin}: ${(error as Error).message}. Is the hub running (npm start)?`);
    return EXIT.UNREACHABLE;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const errors = body?.errors ?? [{ message: `HTTP ${response.status} from ${url}` }];
    for (const error of errors) console.error(`${error.extensions?.code ?? "ERROR"}: ${error.message}`);
    return exitCodeOf(
      response.status,
      errors.map((error) => error.extensions?.code),
    );
  }
  const out = fromCaller(values.out ?? `${name}.${format}`);
  const content = Buffer.from(await response.arrayBuffer());
  await writeFile(out, content);
  console.log(`Wrote ${out} (${content.length} bytes, ${response.headers.get("content-type")}).`);
  return EXIT.OK;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = EXIT.USAGE;
  },
);
