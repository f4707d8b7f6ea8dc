import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse, readJsonBody, zodFields } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { publicBase } from "~/server/invitations.server";
import { sendRoundEmail } from "~/server/round-reach.server";
import { emailRequestSchema } from "~/server/round-schemas.server";
import { assertDrawn, roundFor } from "~/server/rounds.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

/** POST /api/v1/rounds/:id/email `{ reminderDays? }` — invitations or reminders through SMTP_URL. */
export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    const { round } = await roundFor(services.db, principal, params.id, true);
    assertDrawn(round);
    const parsed = emailRequestSchema.safeParse(await readJsonBody(request));
    if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
    return jsonResponse(await sendRoundEmail(services, round, publicBase(services, request), parsed.data.reminderDays ?? null));
  });
}
