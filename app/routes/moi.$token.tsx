import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CITIZEN_PAGE, type PageHandle } from "~/page-handle";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormRoutePage, formShouldRevalidate } from "~/components/form/citizen-form-page";
import { formAction, formLoader } from "~/server/citizen-form.server";
import { bindInvitation } from "~/server/form-binding.server";

// A single-use invitation (QR code on the receipt): the form bound to unit, service and dossier.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/form.css" }];
export const meta: MetaFunction = () => [{ title: "Đánh giá sự hài lòng — Hài Lòng" }, { name: "referrer", content: "same-origin" }];
export const handle: PageHandle = { ...CITIZEN_PAGE, ownDisplayPrefs: true };

export async function loader({ params, context }: LoaderFunctionArgs) {
  return formLoader(context.services, () => bindInvitation(context.services, params.token ?? ""));
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  return formAction(context, request, (sending) => bindInvitation(context.services, params.token ?? "", sending));
}

export const shouldRevalidate = formShouldRevalidate;
export default FormRoutePage;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
