import type { Role } from "../../db/schema";

/** Message keys of the roles, spelled out so the translation check can see them. */
export const ROLE_LABEL_KEYS: Record<Role, string> = {
  // Least privileged first: a role picker starts there.
  analyst: "roles.analyst",
  designer: "roles.designer",
  "unit-manager": "roles.unit-manager",
  admin: "roles.admin",
};
