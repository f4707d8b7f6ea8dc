// Display preferences of the citizen pages (text size, high contrast), remembered per device
// in a cookie and applied on the server as classes on <html>, so they work without JavaScript.

export type TextSize = "sm" | "md" | "lg";
export interface DisplayPrefs {
  size: TextSize;
  contrast: boolean;
}

export const DEFAULT_PREFS: DisplayPrefs = { size: "md", contrast: false };
export const PREFS_COOKIE = "hl_hien_thi";

/** Cookie value "lg.hc" / "md" ↔ prefs; anything unknown falls back to the defaults. */
export function parsePrefs(value: string | null | undefined): DisplayPrefs {
  const [size, contrast] = (value ?? "").split(".");
  return {
    size: size === "sm" || size === "lg" ? size : "md",
    contrast: contrast === "hc",
  };
}

export function serializePrefs(prefs: DisplayPrefs): string {
  return `${prefs.size}${prefs.contrast ? ".hc" : ""}`;
}

/** A change asked for by a button value: "size:lg", "contrast:on", "contrast:off". */
export function applyPrefsChange(prefs: DisplayPrefs, change: string): DisplayPrefs {
  const [what, value] = change.split(":");
  if (what === "size" && (value === "sm" || value === "md" || value === "lg")) return { ...prefs, size: value };
  if (what === "contrast") return { ...prefs, contrast: value === "on" };
  return prefs;
}

export function prefsClassName(prefs: DisplayPrefs): string | undefined {
  const classes = [prefs.size !== "md" ? `text-${prefs.size}` : "", prefs.contrast ? "contrast-high" : ""].filter(Boolean);
  return classes.length ? classes.join(" ") : undefined;
}
