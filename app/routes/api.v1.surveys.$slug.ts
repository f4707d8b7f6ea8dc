import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse, zodFields } from "~/server/api-error.server";
import { surveyVersionQuerySchema } from "~/server/api-contract.server";
import { handleApi } from "~/server/api-route.server";
import { loadPublishedVersion } from "~/server/survey-versions.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, params }) => {
    const query = surveyVersionQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new ApiError("invalid", "errors.invalid", zodFields(query.error.issues));
    const { version } = query.data;
    const found = await loadPublishedVersion(services.db, params.slug ?? "", version);
    if (!found) throw new ApiError("not_found", "errors.notFound");
    return jsonResponse({ slug: found.slug, version: found.version, definition: found.definition, indexModel: found.indexModel });
  });
}
