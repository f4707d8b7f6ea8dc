import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { assertCsrf, requireUser, type SessionUser } from "./session.server";
import type { AppServices } from "./services.server";
import { actionRolesOf } from "./console.server";
import { MAX_IMPORT_BYTES } from "./import-table.server";

// Console uploads over HTTP: the size limit while reading, CSRF, readable file names, and a
// file sent back by a preview page for its commit step. The type check by content lives with
// the table reader (detectKind in import-table.server.ts).

/** The import reader's own limit: the console never refuses a file the CLI would take. */
export const UPLOAD_LIMIT = MAX_IMPORT_BYTES;

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

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

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes).replace(/^\ufeff/, "").normalize("NFC");
}

/** Base64url text a plain form can carry: the bytes of an uploaded file, for a preview page to send back. */
const echoedLength = (limit: number) => Math.ceil(limit / 3) * 4;

export function encodeEcho(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/** The bytes a preview page sent back, or null: checked again like any upload, never trusted. */
export function decodeEcho(value: FormDataEntryValue | null, limit = UPLOAD_LIMIT): Uint8Array | null {
  if (typeof value !== "string" || !value || value.length > echoedLength(limit) || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  return new Uint8Array(Buffer.from(value, "base64url"));
}

export type UploadResult = { user: SessionUser; form: FormData; file: Upload | null };

/**
 * A console action with a file: role, size limit while reading (413-sized files never reach
 * memory whole), then CSRF, before anything is changed. A plain form may carry a file echoed
 * back as base64url (the import preview → commit step), so its limit is 4/3 of the file's.
 */
export async function requireUploadAction(services: AppServices, request: Request, routeId: string, limit = UPLOAD_LIMIT): Promise<UploadResult> {
  const user = await requireUser(services, request, actionRolesOf(routeId));
  const declared = Number(request.headers.get("content-length") ?? "0");
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  if (declared > (multipart ? limit : echoedLength(limit)) + 64 * 1024) throw new Response("Payload Too Large", { status: 413 });
  if (!multipart) {
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
