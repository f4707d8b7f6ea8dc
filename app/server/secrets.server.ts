import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Keyed hashes for secrets we must recognise but never store: tokens, dossier codes. */
export interface Hasher {
  hash(purpose: "token" | "dossier" | "session" | "invitation" | "phone" | "round-code", value: string): string;
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

/**
 * AES-256-GCM for personal data we must read back (a kiosk's pending dossier, a survey round's
 * contacts): the key is derived from SECRET_KEY and `name`, so each use has its own key.
 */
export interface Sealer {
  seal(plain: string): string;
  /** null when the text was sealed under another key or altered. */
  unseal(sealed: string): string | null;
}

export function createSealer(hasher: Hasher, name: string): Sealer {
  const key = Buffer.from(hasher.hash("token", `\u0000${name}-seal-key`), "base64url");
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
    },
    unseal(sealed) {
      try {
        const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
        const decipher = createDecipheriv("aes-256-gcm", key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}
