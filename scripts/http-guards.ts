// Express middleware in front of Remix that no route can forget: body size caps while the
// body streams, closing a keep-alive socket whose request body was not read, forwarded
// headers only from a trusted proxy, cross-site form posts, and the security headers.
import type express from "express";
import { asLocale } from "../app/i18n/config";
import { translator } from "../app/i18n/i18n.server";
import { BATCH_BODY_LIMIT, BODY_LIMIT } from "../app/server/api-error.server";
import { uploadBodyLimit } from "../app/server/upload.server";
import { FEDERATION_BODY_LIMIT } from "../app/server/federation.server";
import { FRAME_MAX_BYTES } from "../app/server/round-frame.server";

/** The most bytes a request to `path` may carry: 64 KiB for plain forms and single responses. */
export function bodyLimitFor(path: string): number {
  if (path === "/api/v1/responses/batch") return BATCH_BODY_LIMIT;
  if (path.startsWith("/quan-tri/nhap/")) return uploadBodyLimit();
  // A survey round's sampling frame (up to 200,000 dossiers) and a province's federation push.
  if (/^\/api\/v1\/rounds\/[^/]+\/frame$/.test(path)) return FRAME_MAX_BYTES;
  if (path.startsWith("/quan-tri/dot-khao-sat/")) return uploadBodyLimit(FRAME_MAX_BYTES);
  if (path === "/api/v1/federation/snapshots") return FEDERATION_BODY_LIMIT;
  // Survey drafts (a whole questionnaire in one form) and their JSON import.
  if (path.startsWith("/quan-tri/phieu")) return uploadBodyLimit();
  return BODY_LIMIT;
}

/** 413 in the caller's language; the API's error shape on API paths. */
function tooLarge(req: express.Request, res: express.Response): void {
  const message = translator(asLocale((req.headers["accept-language"] ?? "").slice(0, 2).toLowerCase()))("errors.tooLarge");
  // Closing the connection is what stops the client from sending the rest.
  res.status(413).set("Connection", "close");
  if (req.path.startsWith("/api/")) res.json({ error: { code: "too_large", message } });
  else res.type("text/plain; charset=utf-8").send(message);
}

/**
 * Caps every body while it streams: a declared length over the cap is refused before a byte
 * is read; an undeclared (chunked) body is counted as it arrives and refused at the cap.
 * The listener is added paused, so Remix still receives every chunk in order.
 */
export function capBodies(req: express.Request, res: express.Response, next: express.NextFunction) {
  const limit = bodyLimitFor(req.path);
  if (Number(req.headers["content-length"] ?? 0) > limit) return tooLarge(req, res);
  if (req.method === "GET" || req.method === "HEAD") return next();
  let seen = 0;
  req.pause();
  req.on("data", function count(chunk: Buffer) {
    seen += chunk.length;
    if (seen <= limit) return;
    req.off("data", count);
    if (!res.headersSent) tooLarge(req, res);
    // An error, not an end: the route must fail, never act on a truncated form.
    res.once("finish", () => req.socket.destroy());
    req.destroy(new Error("request body over the limit"));
  });
  next();
}

/**
 * A response sent before its request body was read (413, 429, 401 …) closes the connection:
 * otherwise the unread rest sits on a keep-alive socket and the next request on it (a kiosk
 * flushing its queue) is never answered.
 */
export function closeUnreadBodies(req: express.Request, res: express.Response, next: express.NextFunction) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && !res.headersSent) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
}

/**
 * `X-Forwarded-*` come from the client unless a trusted proxy set them: drop them otherwise,
 * so neither the CSRF origin check nor the URL Remix builds can be steered by a client.
 */
export function dropUntrustedForwarding(req: express.Request, _res: express.Response, next: express.NextFunction) {
  const trust = req.app.get("trust proxy fn") as (addr: string | undefined, i: number) => boolean;
  if (!trust(req.socket.remoteAddress, 0)) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-for"];
  }
  next();
}

/**
 * Pages' forms must be posted from our own pages. Remix aborts such posts with a bare 500;
 * answer 403 instead, before any route runs. The API (bearer tokens) is not affected.
 */
export function refuseCrossSiteForms(req: express.Request, res: express.Response, next: express.NextFunction) {
  const origin = req.headers.origin;
  if (req.method === "GET" || req.method === "HEAD" || !origin || req.path.startsWith("/api/")) return next();
  let originHost = "";
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or malformed origins are never ours
  }
  // Forwarded hosts survive only from a trusted proxy (dropUntrustedForwarding runs first).
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  if (originHost && originHost === host) return next();
  res.status(403).type("text/plain; charset=utf-8").send("Yêu cầu bị từ chối: gửi từ trang khác (CSRF).");
}

export function strictTransportSecurity(_req: express.Request, res: express.Response, next: express.NextFunction) {
  res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}
