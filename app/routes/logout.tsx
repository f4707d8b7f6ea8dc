import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { assertSameOrigin, endSession } from "~/server/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect("/login", { headers: { "Set-Cookie": await endSession(context.services, request) } });
}
