import type { Role } from "../../db/schema";

/** Who manages kiosks and pushes bindings: admins and unit managers, each in their subtree. */
export const KIOSK_ADMIN_ROLES: readonly Role[] = ["admin", "unit-manager"];
