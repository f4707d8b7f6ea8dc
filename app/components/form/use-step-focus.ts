import { useEffect, type RefObject } from "react";
import { PREFS_ANCHOR } from "~/components/display-prefs";

// The first page of a visit is focused by the browser itself (and `autofocus` on the error
// summary). Later steps arrive without a page load when JavaScript runs, so move focus and
// scroll as a page load would: to the error summary when there is one, else the step heading.
let shownBefore = false;

export function useStepFocus(summary: RefObject<HTMLElement | null>, heading: RefObject<HTMLElement | null>, displayChanged = false) {
  useEffect(() => {
    if (!shownBefore) {
      shownBefore = true;
      return;
    }
    if (displayChanged) {
      // A text size or contrast change: stay with the display buttons the citizen just used.
      document.querySelector<HTMLElement>(`#${PREFS_ANCHOR} button[aria-pressed="true"]`)?.focus();
      return;
    }
    window.scrollTo(0, 0);
    (summary.current ?? heading.current)?.focus();
  }, [summary, heading, displayChanged]);
}
