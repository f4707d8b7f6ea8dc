// Follow-up statuses of a citizen's comment. Client-safe on purpose: the Góp ý page renders
// them in the browser too, and a value imported from a *.server module is empty there.
export const COMMENT_STATUSES = ["new", "in-progress", "answered"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const COMMENT_STATUS_KEYS = {
  new: "comments.status.new",
  "in-progress": "comments.status.in-progress",
  answered: "comments.status.answered",
} as const satisfies Record<CommentStatus, string>;
