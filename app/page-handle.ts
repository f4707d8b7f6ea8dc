/** What a route's `handle` says about the page around it (read by app/root.tsx). */
export interface PageHandle {
  /** The page's form carries the text size and contrast buttons itself: no footer copy. */
  ownDisplayPrefs?: boolean;
  /** A full-screen device page (the kiosk): no site header or footer. */
  bare?: boolean;
  /**
   * No framework JavaScript: the page works as plain HTML forms and links. Citizen pages are
   * opened on phones over slow links, where React would cost five times the page's bytes.
   */
  noScripts?: boolean;
}

/** The handle of a citizen page (the form, the unit's service list, thank-you, public results). */
export const CITIZEN_PAGE: PageHandle = { noScripts: true };
