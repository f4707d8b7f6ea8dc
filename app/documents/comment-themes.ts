// Citizens' comments sorted into the themes a report summarises, by Vietnamese keywords
// (marks removed, so "thai do" matches "thái độ"). A comment may touch several themes; one
// that matches none is "other". A first sort for the analyst, who edits the paragraph. Pure.

export const THEME_KEYS = {
  time: "document.theme.time",
  attitude: "document.theme.attitude",
  procedure: "document.theme.procedure",
  fees: "document.theme.fees",
  facilities: "document.theme.facilities",
  online: "document.theme.online",
  praise: "document.theme.praise",
  other: "document.theme.other",
} as const;

export type Theme = keyof typeof THEME_KEYS;

const KEYWORDS: Array<[Exclude<Theme, "other">, string[]]> = [
  ["time", ["cham", "lau", "tre han", "qua han", "thoi gian", "cho doi", "nhanh", "dung han", "hen"]],
  ["attitude", ["thai do", "nhiet tinh", "than thien", "kho chiu", "cau kinh", "lich su", "tan tinh", "nhung nhieu", "gay kho"]],
  ["procedure", ["thu tuc", "ho so", "giay to", "quy trinh", "bieu mau", "phuc tap", "rom ra", "don gian"]],
  ["fees", ["phi", "le phi", "chi phi", "tien"]],
  ["facilities", ["co so", "phong cho", "ghe", "cho ngoi", "cho do xe", "may lanh", "dieu hoa", "chat", "nha ve sinh", "wifi"]],
  ["online", ["truc tuyen", "online", "cong dich vu", "mang", "website", "ung dung", "dien tu"]],
  ["praise", ["hai long", "cam on", "tot", "chu dao", "hai long"]],
];

const fold = (text: string) =>
  ` ${text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")} `;

/** The themes one comment touches (whole words, so "phi" does not match "phia"). */
export function themesOf(text: string): Theme[] {
  const folded = fold(text);
  const found = KEYWORDS.filter(([, words]) => words.some((w) => folded.includes(` ${w} `))).map(([theme]) => theme);
  return found.length ? found : ["other"];
}

/** Counts per theme, most frequent first; themes nobody raised are left out. */
export function themeCounts(texts: string[]): Array<{ theme: Theme; count: number }> {
  const counts = new Map<Theme, number>();
  for (const text of texts) for (const theme of themesOf(text)) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  const order = Object.keys(THEME_KEYS) as Theme[];
  return [...counts].map(([theme, count]) => ({ theme, count })).sort((a, b) => b.count - a.count || order.indexOf(a.theme) - order.indexOf(b.theme));
}
