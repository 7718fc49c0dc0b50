import { isPartnershipKey, PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { EXIT, EXIT_CODES_TEXT, exitCodeOf, fromCaller } from "./cli-exit";
import { cliToken, DEFAULT_HUB_URL } from "./cli-hub";
import { DEFAULT_GATEWAY_PORT } from "@kooperacja/gateway/src/config";

const KINDS: Record<string, string> = {
  sites: "SITES",
  bodies: "BODIES",
  meetings: "MEETINGS",
  activities: "ACTIVITIES",
  families: "FAMILIES",
  "indicator-values": "INDICATOR_VALUES",
  institutions: "INSTITUTIONS",
  "body-members": "BODY_MEMBERS",
};

const USAGE = `Usage: npm run import -- --partnership <key> --kind <kind> [--dry-run] [--url <gateway>] [--token <token>] <file.csv|file.json>
  partnership: ${PARTNERSHIP_KEYS.join(", ")}
  kind:        ${Object.keys(KINDS).join(", ")} (templates in subgraphs/regional/templates/)
  url:         the gateway (default $HUB_URL or http://localhost:${DEFAULT_GATEWAY_PORT}/)
  token:       a regional owner's token (default $HUB_TOKEN; on a local hub, a development token is signed for you)
Sends the file (a path from the directory you run it in) to the gateway as a GraphQL multipart request and prints the report.
${EXIT_CODES_TEXT}`;

const MUTATION = `mutation Import($partnership: String!, $kind: ImportKind!, $file: Upload!, $dryRun: Boolean!) {
  importRecords(partnership: $partnership, kind: $kind, file: $file, dryRun: $dryRun) {
    written dryRun format rows created updated unchanged rejected problemCount checksum
    problems { row column value message }
    import { id importedAt }
  }
}`;

interface Report {
  written: boolean;
  dryRun: boolean;
  format: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problemCount: number;
  checksum: string;
  problems: { row: number; column: string; value: string | null; message: string }[];
  import: { id: string; importedAt: string } | null;
}

/** `npm run import -- --partnership kooperacja --kind families families.csv`: a regional owner's bulk import. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      partnership: { type: "string" },
      kind: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      url: { type: "string", default: DEFAULT_HUB_URL },
      token: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return EXIT.OK;
  }
  const partnership = values.partnership;
  const kind = KINDS[values.kind ?? ""];
  const path = positionals[0];
  if (!isPartnershipKey(partnership) || !kind || !path || positionals.length > 1) {
    console.error(USAGE);
    return EXIT.USAGE;
  }
  const file = fromCaller(path);
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return EXIT.USAGE;
  }
  const token = await cliToken(values.token, Role.REGIONAL_OWNER, [partnership], `local-import-${partnership}`);

  const form = new FormData();
  form.set("operations", JSON.stringify({ query: MUTATION, variables: { partnership, kind, file: null, dryRun: values["dry-run"] } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", new Blob([content]), basename(path));
  let response: Response;
  try {
    // The preflight header tells the gateway's CSRF guard this is no browser form post.
    response = await fetch(values.url, { method: "POST", body: form, headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" } });
  } catch (error) {
    console.error(`No answer from ${values.url}: ${(error as Error).message}. Is the hub running (npm start)?`);
    return EXIT.UNREACHABLE;
  }
  const body = (await response.json().catch(() => null)) as {
    data?: { importRecords?: Report | null };
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const report = body?.data?.importRecords;
  if (!report) {
    const errors = body?.errors ?? [{ message: `HTTP ${response.status} from ${values.url}` }];
    for (const error of errors) console.error(`${error.extensions?.code ?? "ERROR"}: ${error.message}`);
    return exitCodeOf(
      response.status,
      errors.map((error) => error.extensions?.code),
    );
  }
  print(path, report);
  return report.problemCount > 0 ? EXIT.INVALID_INPUT : EXIT.OK;
}

function print(path: string, report: Report): void {
  const outcome = report.problemCount > 0 ? "REJECTED, nothing written" : report.dryRun ? "dry run, nothing written" : `imported as ${report.import?.id}`;
  console.log(`${basename(path)} (${report.format}, ${report.rows} rows, sha256 ${report.checksum.slice(0, 12)}…): ${outcome}`);
  console.log(`  created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`);
  if (report.problemCount === 0) return;
  console.log(`  ${report.problemCount} problem(s)${report.problems.length < report.problemCount ? `, the first ${report.problems.length} listed` : ""}:`);
  for (const problem of report.problems)
    console.log(`  row ${problem.row}, column ${problem.column}${problem.value === null ? "" : ` (${JSON.stringify(problem.value)})`}: ${problem.message}`);
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
