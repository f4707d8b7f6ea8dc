import type { CSSProperties } from "react";
import { useTranslation } from "~/i18n/use-translation";

// Big faces, each with its words: the colour is never the only cue (WCAG 1.4.1).

const WORDS_5: Record<number, string> = {
  1: "kiosk.faces.veryUnhappy",
  2: "kiosk.faces.unhappy",
  3: "kiosk.faces.neutral",
  4: "kiosk.faces.happy",
  5: "kiosk.faces.veryHappy",
};
const WORDS_3: Record<number, string> = { 1: "kiosk.faces.unhappy", 2: "kiosk.faces.neutral", 3: "kiosk.faces.happy" };

/** Mouth curve per mood: -1 (frown) … 1 (smile). */
function mood(value: number, levels: number): number {
  return levels <= 1 ? 0 : ((value - 1) / (levels - 1)) * 2 - 1;
}

function Face({ m }: { m: number }) {
  const curve = 30 + m * 14;
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" focusable="false" className="face-svg">
      <circle cx="32" cy="32" r="29" className="face-bg" />
      <circle cx="22" cy="26" r="4" className="face-ink" />
      <circle cx="42" cy="26" r="4" className="face-ink" />
      <path d={`M18 ${44 - m * 4} Q32 ${curve + 14} 46 ${44 - m * 4}`} className="face-mouth" />
    </svg>
  );
}

export function faceWordKey(value: number, levels: number): string {
  return (levels === 3 ? WORDS_3 : WORDS_5)[levels === 3 || levels === 5 ? value : Math.round(1 + ((value - 1) * 4) / Math.max(1, levels - 1))];
}

export function Faces({ levels, value, onPick, labelledBy }: { levels: number; value?: number; onPick: (v: number) => void; labelledBy: string }) {
  const { t } = useTranslation();
  const values = Array.from({ length: levels }, (_, i) => levels - i); // most satisfied first
  return (
    <div className="faces" role="group" aria-labelledby={labelledBy} style={{ "--levels": levels } as CSSProperties}>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          className={`face face-${Math.round(((v - 1) / Math.max(1, levels - 1)) * 4) + 1}`}
          aria-pressed={value === v}
          data-value={v}
          onClick={() => onPick(v)}
        >
          <Face m={mood(v, levels)} />
          <span className="face-word">{t(faceWordKey(v, levels))}</span>
        </button>
      ))}
    </div>
  );
}
