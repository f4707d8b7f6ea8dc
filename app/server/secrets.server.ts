import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Keyed hashes for secrets we must recognise but never store: tokens, dossier codes. */
export interface Hasher {
  hash(purpose: "token" | "dossier" | "session" | "invitation", value: string): string;
}

export function createHasher(key: string): Hasher {
  return {
    hash(purpose, value) {
      return createHmac("sha256", key).update(`${purpose}\u0000${value}`).digest("base64url");
    },
  };
}

/** The env key, or one generated once into `file` (0600) so a fresh install needs no set-up. */
export function loadSecretKey(envKey: string | undefined, file: string): string {
  if (envKey) return envKey;
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString("base64url")}`;
}
