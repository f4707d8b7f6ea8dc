import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound, requireConsoleUser } from "~/server/console.server";
import { getVersionById } from "../../db/queries/drafts";

/** The version's definition as a survey-definitions/ file (the designer's export). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireConsoleUser(context.services, request, "routes/quan-tri.phieu.$id.json");
  const version = (await getVersionById(context.services.db, idParam(params.id))) ?? notFound();
  const name = `${version.slug}-${version.status === "draft" ? "nhap" : `v${version.version}`}.json`;
  return new Response(`${JSON.stringify(JSON.parse(version.definition), null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
