import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { loadPublishedVersion } from "~/server/survey-versions.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, params }) => {
    const raw = new URL(request.url).searchParams.get("version");
    const version = raw === null ? undefined : Number(raw);
    if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
      throw new ApiError("invalid", "errors.invalid", { version: { key: "validation.invalid" } });
    }
    const found = await loadPublishedVersion(services.db, params.slug ?? "", version);
    if (!found) throw new ApiError("not_found", "errors.notFound");
    return jsonResponse({ slug: found.slug, version: found.version, definition: found.definition, indexModel: found.indexModel });
  });
}
