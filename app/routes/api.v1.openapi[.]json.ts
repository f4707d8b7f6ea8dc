import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { openApiDocument } from "~/server/openapi.server";

/** GET /api/v1/openapi.json — the API's contract, generated from the routes' zod schemas. */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => jsonResponse(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" }));
}
