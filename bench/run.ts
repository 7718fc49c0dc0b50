/** `npm run bench -- <name>`: runs bench/<name>.ts. */
const BENCHMARKS: Record<string, () => unknown> = {
  fanout: () => require("./fanout"),
};

const name = process.argv[2];
const run = name ? BENCHMARKS[name] : undefined;
if (!run) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}>`);
  process.exit(2);
}
run();
