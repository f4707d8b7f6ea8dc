import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublished } from "../../db/queries/surveys";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ services }) => {
    const rows = await listPublished(services.db);
    return jsonResponse(
      rows.map((r) => ({ slug: r.slug, version: r.version, title: { vi: r.title_vi, en: r.title_en }, publishedAt: r.published_at })),
    );
  });
}
