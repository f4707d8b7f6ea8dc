import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleApi } from "~/server/api-route.server";
import { publicBase } from "~/server/invitations.server";
import { assertDrawn, roundFor } from "~/server/rounds.server";
import { sampleCsv } from "~/server/round-reach.server";

/** GET /api/v1/rounds/:id/sample.csv — code,dossier,unit,service,url (no contacts). */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    const { round } = await roundFor(services.db, principal, params.id, false);
    assertDrawn(round);
    return sampleCsv(services, round, publicBase(services, request));
  });
}
