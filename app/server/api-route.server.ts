import type { AppLoadContext } from "@remix-run/node";
import { isConnectionError } from "../../db/replica";
import { apiLocale, translator } from "~/i18n/i18n.server";
import { ApiError, errorResponse } from "./api-error.server";
import { principalOf, throttle, type Principal } from "./principal.server";
import type { AppServices } from "./services.server";
import { assertSameOrigin } from "./session.server";

export interface ApiCall {
  request: Request;
  services: AppServices;
  principal: Principal;
  params: Record<string, string | undefined>;
}

const RETRY_AFTER_S = 5;

/**
 * Wraps an API handler: identifies and throttles the caller, and turns every failure into
 * the docs/api.md error shape in the caller's language. Unexpected errors are logged, never shown.
 */
export async function handleApi(
  args: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> },
  handler: (call: ApiCall) => Promise<Response>,
): Promise<Response> {
  const t = translator(apiLocale(args.request));
  try {
    const { services, clientAddress } = args.context;
    const principal = await principalOf(args.request, services);
    // Cookie-authenticated writes must come from our own pages.
    if (principal.kind === "user" && args.request.method !== "GET") {
      try {
        assertSameOrigin(args.request);
      } catch {
        throw new ApiError("forbidden", "errors.forbidden");
      }
    }
    throttle(principal, services, clientAddress);
    return await handler({ request: args.request, services, principal, params: args.params });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error, t);
    // The primary is down or restarting: say when to come back (kiosks keep their queue).
    if (isConnectionError(error)) {
      console.error(`Database unreachable: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(new ApiError("unavailable", "errors.unavailable", undefined, RETRY_AFTER_S), t);
    }
    console.error(error);
    return errorResponse(new ApiError("internal", "errors.internal"), t);
  }
}

export function methodNotAllowed(): never {
  throw new ApiError("not_found", "errors.notFound");
}
