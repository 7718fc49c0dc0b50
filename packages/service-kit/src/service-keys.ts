import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The keys services prove who they are with (decision 0012). The gateway
 * signs each fetch's assertion with its private key; the subgraphs hold only
 * its public key, so no region can mint an identity. The book signs, with a
 * key of its own, the requests it makes to the gateway on a caller's behalf.
 */

/** Ed25519: 32-byte keys, deterministic signatures, one algorithm name in JOSE. */
export const SERVICE_KEY_ALGORITHM = "EdDSA";

/** A private key that signs, with the key id its tokens name. */
export interface SigningKey {
  kid: string;
  key: KeyObject;
}

/** Public keys by key id: the current one and, during a rotation, the previous. */
export type PublicKeys = ReadonlyMap<string, KeyObject>;

/** The key id: a digest of the public key, so every service computes the same id from the same key. */
export function keyId(key: KeyObject): string {
  const spki = (key.type === "private" ? createPublicKey(key) : key).export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("base64url").slice(0, 16);
}

/** The pairs a local hub generates on first start; production passes each key in the environment. */
export const LOCAL_KEY_PAIRS = ["gateway", "book"] as const;
export type LocalKeyPair = (typeof LOCAL_KEY_PAIRS)[number];

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/** Env values hold PEM with real or `\n`-escaped line breaks. */
function pemText(value: string): string {
  return value.replace(/\\n/g, "\n");
}

/**
 * Reads one Ed25519 private key (PKCS#8 PEM). `problems` gets a sentence
 * naming `name` for anything else: no key, several keys, another algorithm.
 */
export function readPrivateKey(name: string, value: string, problems: string[]): SigningKey | undefined {
  const blocks = pemText(value).match(PEM_BLOCK) ?? [];
  if (blocks.length !== 1 || !/PRIVATE KEY/.test(blocks[0]!)) {
    problems.push(`${name} must hold one private key in PEM (PKCS#8), as \`openssl genpkey -algorithm ed25519\` writes it`);
    return undefined;
  }
  try {
    const key = createPrivateKey(blocks[0]!);
    if (key.asymmetricKeyType !== "ed25519") {
      problems.push(`${name} is a ${key.asymmetricKeyType} key; service keys are Ed25519 (EdDSA)`);
      return undefined;
    }
    return { kid: keyId(key), key };
  } catch {
    problems.push(`${name} is not a readable private key`);
    return undefined;
  }
}

/**
 * Reads one or more Ed25519 public keys (SPKI PEM, concatenated while a key
 * is rotated). A private key here is refused: the service given it could mint.
 */
export function readPublicKeys(name: string, value: string, problems: string[]): PublicKeys | undefined {
  const blocks = pemText(value).match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    problems.push(`${name} must hold one or more public keys in PEM`);
    return undefined;
  }
  const keys = new Map<string, KeyObject>();
  for (const block of blocks) {
    if (/PRIVATE KEY/.test(block)) {
      problems.push(`${name} holds a private key; give this service only the public key (a private key lets it sign as the key's owner)`);
      return undefined;
    }
    try {
      const key = createPublicKey(block);
      if (key.asymmetricKeyType !== "ed25519") {
        problems.push(`${name} holds a ${key.asymmetricKeyType} key; service keys are Ed25519 (EdDSA)`);
        return undefined;
      }
      keys.set(keyId(key), key);
    } catch {
      problems.push(`${name} holds a block that is not a readable public key`);
      return undefined;
    }
  }
  return keys;
}

/** Where a local hub keeps its generated key pairs. */
export function localKeyDir(dataDir: string): string {
  return join(resolve(dataDir), "keys");
}

/**
 * The local key pair `pair` under `dataDir/keys`, generated on first use.
 * Only a local (non-production) hub calls this. Several services (or test
 * workers) may start at once: the private key is created by a hard link,
 * which fails for all but the first, so everyone ends up with the same pair.
 */
export function localPublicKey(dataDir: string, pair: LocalKeyPair): PublicKeys {
  const dir = localKeyDir(dataDir);
  const publicFile = join(dir, `${pair}.pub.pem`);
  if (!existsSync(publicFile)) {
    const key = createPublicKey(localPrivateKey(dataDir, pair).key);
    writeAtomically(publicFile, key.export({ type: "spki", format: "pem" }) as string);
  }
  const key = createPublicKey(readFileSync(publicFile, "utf8"));
  return new Map([[keyId(key), key]]);
}

export function localPrivateKey(dataDir: string, pair: LocalKeyPair): SigningKey {
  const dir = localKeyDir(dataDir);
  const privateFile = join(dir, `${pair}.key.pem`);
  if (!existsSync(privateFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ed25519");
    const draft = `${privateFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(draft, privateKey.export({ type: "pkcs8", format: "pem" }) as string, { mode: 0o600 });
    try {
      linkSync(draft, privateFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const key = createPrivateKey(readFileSync(privateFile, "utf8"));
  return { kid: keyId(key), key };
}

/** The same content may be written by several processes: each renames its own complete copy into place. */
function writeAtomically(file: string, content: string): void {
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(draft, content);
  renameSync(draft, file);
}
