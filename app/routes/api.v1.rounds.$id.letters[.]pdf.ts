import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleApi } from "~/server/api-route.server";
import { publicBase } from "~/server/invitations.server";
import { lettersPdf } from "~/server/round-letters.server";
import { assertDrawn, roundFor } from "~/server/rounds.server";

/** GET /api/v1/rounds/:id/letters.pdf — the mailing file (contacts): administrators only. */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    const { round } = await roundFor(services.db, principal, params.id, true);
    assertDrawn(round);
    const body = await lettersPdf(services, round, publicBase(services, request));
    return new Response(body, {
      headers: { "content-type": "application/pdf", "cache-control": "no-store", "content-disposition": `attachment; filename="thu-moi-dot-${round.id}.pdf"` },
    });
  });
}
