// The two modules it needs, not the shared barrel (which loads the ORM and the servers): a token in well under a second.
import { authConfig, Role, signLocalToken, TOKEN_ROLES } from "@kooperacja/service-kit/src/auth";
import { isPartnershipKey, PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract/src/partnerships";
import { parseArgs } from "node:util";

/** Short names accepted for `--role`. */
const ROLE_ALIASES: Record<string, Role> = { analyst: Role.NATIONAL_ANALYST, owner: Role.REGIONAL_OWNER };

const USAGE = `Usage: npm run -s token -- --role <role> [--partnership <key>]... [--subject <name>] [--expires <time>]
  role:        ${TOKEN_ROLES.join(", ")} (or analyst, owner)
  partnership: ${PARTNERSHIP_KEYS.join(", ")} (regional_owner only; repeat for several)
  expires:     a time span such as 8h (default), 30m, 7d
Signs a development token with the local HS256 secret; prints only the token.`;

/** `npm run token -- --role analyst`: a development token for the local hub. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      partnership: { type: "string", multiple: true },
      subject: { type: "string" },
      expires: { type: "string", default: "8h" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const role = ROLE_ALIASES[values.role ?? ""] ?? values.role;
  if (!role || !(TOKEN_ROLES as string[]).includes(role)) throw new Error(`--role must be one of ${TOKEN_ROLES.join(", ")}.\n${USAGE}`);
  const partnerships = (values.partnership ?? []).flatMap((value) => value.split(","));
  const unknown = partnerships.filter((key) => !isPartnershipKey(key));
  if (unknown.length > 0) throw new Error(`Unknown partnership ${unknown.join(", ")}; use ${PARTNERSHIP_KEYS.join(", ")}.`);
  if (role === Role.REGIONAL_OWNER && partnerships.length === 0) throw new Error("A regional_owner token needs --partnership.");
  const token = await signLocalToken(authConfig(), {
    subject: values.subject ?? `local-${role}${partnerships.length ? `-${partnerships.join("-")}` : ""}`,
    role: role as Role,
    partnerships: partnerships as PartnershipKey[],
    expiresIn: values.expires,
  });
  console.log(token);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
