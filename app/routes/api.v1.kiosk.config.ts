import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { kioskConfig } from "~/server/kiosk-config.server";

/** GET /api/v1/kiosk/config — the calling kiosk's unit, survey, services and pending binding (README.md). */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => jsonResponse(await kioskConfig(services, principal, request)));
}

export async function action(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}
