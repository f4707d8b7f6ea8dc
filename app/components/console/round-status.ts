/** Labels of a survey round's status (public/locales/{vi,en}/rounds.json). */
export const ROUND_STATUS_KEYS = {
  draft: "rounds.status.draft",
  sampled: "rounds.status.sampled",
  fieldwork: "rounds.status.fieldwork",
  closed: "rounds.status.closed",
} as const;
