import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { assertCsrf, requireUser, type SessionUser } from "./session.server";
import type { AppServices } from "./services.server";
import { actionRolesOf } from "./console.server";

// Thin on purpose: the CSV/XLSX parsing of app/server/csv.server.ts (written on main) replaces
// parseTable below once merged. What stays here: the size limit and the type check by content.

export const UPLOAD_LIMIT = 2 * 1024 * 1024;

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export type UploadKind = "xlsx" | "text";

/** Browsers send UTF-8 file names that some parsers read as Latin-1: undo that, then NFC. */
export function fileName(raw: string): string {
  let name = raw;
  const latin1Only = [...raw].every((ch) => ch.charCodeAt(0) <= 0xff);
  if (/[\u00c0-\u00ff]/.test(raw) && latin1Only) {
    const decoded = Buffer.from(raw, "latin1").toString("utf8");
    if (!decoded.includes("\ufffd")) name = decoded;
  }
  // Control characters and path separators never reach a page or a log.
  return [...name.normalize("NFC")].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === "/" || ch === "\\" ? "_" : ch)).join("").slice(0, 200);
}

/** The type is read from the bytes, never from the name or the browser's claim. */
export function detectKind(bytes: Uint8Array): UploadKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text";
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes).replace(/^\ufeff/, "").normalize("NFC");
}

export type UploadResult = { user: SessionUser; form: FormData; file: Upload | null };

/**
 * A console action with a file: role, size limit while reading (413-sized files never reach
 * memory whole), then CSRF, before anything is changed.
 */
export async function requireUploadAction(services: AppServices, request: Request, routeId: string, limit = UPLOAD_LIMIT): Promise<UploadResult> {
  const user = await requireUser(services, request, actionRolesOf(routeId));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit + 64 * 1024) throw new Response("Payload Too Large", { status: 413 });
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    assertCsrf(request, user, form);
    return { user, form, file: null };
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: limit }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new Response("Payload Too Large", { status: 413 });
    throw error;
  }
  assertCsrf(request, user, form);
  const part = form.get("file");
  if (!part || typeof part === "string" || part.size === 0) return { user, form, file: null };
  return { user, form, file: { name: fileName(part.name), bytes: new Uint8Array(await part.arrayBuffer()) } };
}
