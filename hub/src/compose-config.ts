import { parse, stringify } from "yaml";

/**
 * docker-compose.yml as Compose resolves it: `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?message}`, `${VAR?message}` and `$$` filled from
 * the environment, YAML anchors and merge keys (`<<`) applied, `x-` extension
 * fields left out. Missing required variables are all named in one error, as
 * `docker compose config` names them.
 */
/** A resolved Compose file: its top-level sections, each a map by name. */
export interface ComposeFile {
  services?: Record<string, unknown>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
  [section: string]: unknown;
}

export function resolveCompose(text: string, env: NodeJS.ProcessEnv): ComposeFile {
  const missing = new Set<string>();
  const interpolated = text
    .split("\n")
    // Comments are not interpolated.
    .map((line) => (/^\s*#/.test(line) ? line : interpolate(line, env, missing)))
    .join("\n");
  if (missing.size > 0) throw new Error(`Required variables are not set:\n${[...missing].map((message) => `  ${message}`).join("\n")}`);
  const resolved = parse(interpolated, { merge: true }) as ComposeFile;
  for (const key of Object.keys(resolved)) if (key.startsWith("x-")) delete resolved[key];
  return resolved;
}

function interpolate(line: string, env: NodeJS.ProcessEnv, missing: Set<string>): string {
  return line.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g,
    (match, name: string | undefined, colon: string, kind: string, argument: string) => {
      if (match === "$$") return "$";
      const value = env[name!];
      const unset = value === undefined || (colon === ":" && value === "");
      if (!unset) return value!;
      if (kind === "-") return argument;
      if (kind === "?") {
        missing.add(`${name}: ${argument || "required"}`);
        return "";
      }
      return "";
    },
  );
}

export function printCompose(resolved: ComposeFile): string {
  return stringify(resolved, { aliasDuplicateObjects: false, lineWidth: 0 });
}
