import { type PartnershipKey } from "@kooperacja/contract";
import { authConfig, Role, signLocalToken } from "@kooperacja/service-kit";
import { DEFAULT_GATEWAY_PORT } from "@kooperacja/gateway/src/config";

/** The gateway a CLI talks to: --url, else $HUB_URL, else the local hub `npm start` runs. */
export const DEFAULT_HUB_URL = process.env.HUB_URL ?? `http://localhost:${DEFAULT_GATEWAY_PORT}/`;

/**
 * The token a CLI sends: --token, else $HUB_TOKEN, else (on a local hub
 * with the development secret) one signed here for the role the command needs.
 */
export async function cliToken(given: string | undefined, role: Role, partnerships: PartnershipKey[], subject: string): Promise<string> {
  return given ?? process.env.HUB_TOKEN ?? signLocalToken(authConfig(), { subject, role, partnerships, expiresIn: "1h" });
}
