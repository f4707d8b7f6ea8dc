import { idb } from "./idb";
import type { KioskConfigView, KioskPrefs } from "./types";

// What the device remembers: its token (localStorage AND IndexedDB, so clearing one does
// not orphan the device), its last configuration (to boot offline) and display preferences.

const TOKEN_KEY = "hl-kiosk-token";
const PREFS_KEY = "hl-kiosk-prefs";
const DONE_BINDING_KEY = "hl-kiosk-binding-done";

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export async function saveToken(token: string): Promise<void> {
  local()?.setItem(TOKEN_KEY, token);
  await idb.put("meta", token, "token");
}

/** The stored token; repairs whichever copy went missing. */
export async function loadToken(): Promise<string | null> {
  const fromLocal = local()?.getItem(TOKEN_KEY) ?? null;
  const fromDb = (await idb.get<string>("meta", "token").catch(() => undefined)) ?? null;
  const token = fromLocal ?? fromDb;
  if (token && token !== fromLocal) local()?.setItem(TOKEN_KEY, token);
  if (token && token !== fromDb) await idb.put("meta", token, "token").catch(() => undefined);
  return token;
}

export const saveConfig = (config: KioskConfigView) => idb.put("meta", config, "config");
export const loadConfig = () => idb.get<KioskConfigView>("meta", "config").catch(() => undefined);

export const DEFAULT_PREFS: KioskPrefs = { size: "m", contrast: false, speech: false };

export function loadPrefs(): KioskPrefs {
  try {
    return { ...DEFAULT_PREFS, ...JSON.parse(local()?.getItem(PREFS_KEY) ?? "{}") };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(prefs: KioskPrefs): void {
  local()?.setItem(PREFS_KEY, JSON.stringify(prefs));
}

/** The binding the last rating used: reported on polls until the server forgets it. */
export const doneBinding = {
  get: (): number | null => {
    const v = Number(local()?.getItem(DONE_BINDING_KEY) ?? "");
    return Number.isSafeInteger(v) && v > 0 ? v : null;
  },
  set: (id: number) => local()?.setItem(DONE_BINDING_KEY, String(id)),
};

const REVOKED_KEY = "hl-kiosk-revoked";

/** A revoked device remembers it, so it shows the revoked screen even when it boots offline. */
export const isMarkedRevoked = () => local()?.getItem(REVOKED_KEY) === "1";
export const markRevoked = () => local()?.setItem(REVOKED_KEY, "1");
export const clearRevoked = () => local()?.removeItem(REVOKED_KEY);
