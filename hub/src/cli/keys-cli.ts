import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { keyId } from "@kooperacja/service-kit";

/**
 * `npm run -s keys`: new Ed25519 key pairs for the gateway and the book, as
 * lines for a production `.env` (PEM on one line, line breaks written `\n`).
 * Each service gets only its own lines (docs/operations.md, "Run in production").
 */
function pem(key: KeyObject): string {
  return (key.export({ type: key.type === "private" ? "pkcs8" : "spki", format: "pem" }) as string).trim().replace(/\n/g, "\\n");
}

const lines: string[] = [];
for (const service of ["gateway", "book"] as const) {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const name = service.toUpperCase();
  lines.push(`# ${service}: key id ${keyId(publicKey)}`, `${name}_PRIVATE_KEY=${pem(privateKey)}`, `${name}_PUBLIC_KEY=${pem(publicKey)}`);
}
console.log(lines.join("\n"));
