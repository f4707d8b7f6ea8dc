import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { roundFor, toView } from "~/server/rounds.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ services, principal, params }) => jsonResponse(toView((await roundFor(services.db, principal, params.id, false)).round)));
}
