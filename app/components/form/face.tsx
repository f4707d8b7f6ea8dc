/** A face for a satisfaction level, drawn in the text colour: decoration next to the words. */
const MOUTHS: Record<number, string> = {
  1: "M8 17 Q12 12 16 17",
  2: "M8 16 Q12 14 16 16",
  3: "M8 15.5 L16 15.5",
  4: "M8 14.5 Q12 17 16 14.5",
  5: "M7.5 14 Q12 20 16.5 14",
};

export function Face({ level, of = 5 }: { level: number; of?: 3 | 5 }) {
  const mouth = MOUTHS[of === 3 ? level * 2 - 1 : level] ?? MOUTHS[3];
  return (
    <svg className="face" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
