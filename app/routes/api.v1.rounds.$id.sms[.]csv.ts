import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiError } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { publicBase } from "~/server/invitations.server";
import { smsCsv } from "~/server/round-reach.server";
import { assertDrawn, roundFor } from "~/server/rounds.server";

/** GET /api/v1/rounds/:id/sms.csv[?reminder=DAYS] — phone,message for an SMS/Zalo gateway. */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    const { round } = await roundFor(services.db, principal, params.id, true);
    assertDrawn(round);
    const raw = new URL(request.url).searchParams.get("reminder");
    const days = raw === null ? null : Number(raw);
    if (days !== null && (!Number.isInteger(days) || days < 0 || days > 365)) throw new ApiError("invalid", "errors.invalid", { reminder: { key: "validation.invalid" } });
    return smsCsv(services, round, publicBase(services, request), days);
  });
}
