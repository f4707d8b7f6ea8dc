// Unit and procedure levels (client-safe: the console's selects and the import reader share
// them). Codes are what is stored; Vietnamese names are what people type and read.

export const UNIT_LEVELS = ["quoc-gia", "tinh", "so", "ban", "xa", "phuong", "dac-khu", "phong", "to-chuc-khac", "huyen"] as const;
/** Cấp huyện was abolished by the 2025 reform: existing units keep it, new units cannot take it. */
export const ABOLISHED_UNIT_LEVELS: readonly string[] = ["huyen"];
export const NEW_UNIT_LEVELS = UNIT_LEVELS.filter((l) => !ABOLISHED_UNIT_LEVELS.includes(l));
export const SERVICE_LEVELS = ["tinh", "xa", "trung-uong"] as const;

export type UnitLevel = (typeof UNIT_LEVELS)[number];

const LEVEL_KEYS: Record<string, string> = {
  "quoc-gia": "org.levels.quoc-gia", tinh: "org.levels.tinh", so: "org.levels.so", ban: "org.levels.ban", xa: "org.levels.xa", phuong: "org.levels.phuong",
  "dac-khu": "org.levels.dac-khu", phong: "org.levels.phong", "to-chuc-khac": "org.levels.to-chuc-khac",
  huyen: "org.levels.huyen", "trung-uong": "org.levels.trung-uong",
};

/** The locale key of a level's name; an unknown code (old data) is shown as it is. */
export const levelKey = (code: string): string => LEVEL_KEYS[code] ?? code;

/** Vietnamese names as people write them (folded: no marks, lower case) → code. */
const NAMES: Record<string, string> = {
  "quoc gia": "quoc-gia", "trung uong quoc gia": "quoc-gia",
  tinh: "tinh", "thanh pho": "tinh", "thanh pho truc thuoc trung uong": "tinh",
  so: "so", "so, ban, nganh": "so", ban: "ban", nganh: "so",
  xa: "xa", phuong: "phuong", "dac khu": "dac-khu",
  phong: "phong", "to chuc khac": "to-chuc-khac",
  huyen: "huyen", quan: "huyen", "thi xa": "huyen", "thi tran": "xa",
  "trung uong": "trung-uong",
};

const fold = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The level code a cell or field means: the code itself ("xa"), or a Vietnamese name with
 * or without "Cấp" ("Cấp xã", "Xã", "cấp tỉnh"). Unknown text comes back unchanged, so the
 * caller's check names what was written.
 */
export function levelCodeOf(raw: string): string {
  const text = raw.trim();
  const folded = fold(text);
  if ((UNIT_LEVELS as readonly string[]).includes(folded) || (SERVICE_LEVELS as readonly string[]).includes(folded)) return folded;
  const name = folded.replace(/^cap /, "");
  return NAMES[name] ?? NAMES[name.replace(/-/g, " ")] ?? text;
}

/**
 * A unit picked in the console: the pickers offer "Name (CODE)" so people search by name;
 * a bare code still works (typed, or sent without JavaScript by older pages).
 */
export function pickedUnitCode(raw: string): string {
  const m = /\(([^()]+)\)\s*$/.exec(raw.trim());
  return (m ? m[1] : raw).trim();
}

export const unitPickLabel = (u: { code: string; name: string }) => `${u.name} (${u.code})`;
