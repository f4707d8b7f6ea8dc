import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CITIZEN_PAGE, type PageHandle } from "~/page-handle";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormRoutePage, formShouldRevalidate } from "~/components/form/citizen-form-page";
import { formAction, formLoader } from "~/server/citizen-form.server";
import { bindUnitService } from "~/server/form-binding.server";

// The online form for one unit and one service: /danh-gia/:unitCode/:serviceCode[?phieu=slug].

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/form.css" }];
export const meta: MetaFunction = () => [{ title: "Đánh giá sự hài lòng — Hài Lòng" }];
export const handle: PageHandle = { ...CITIZEN_PAGE, ownDisplayPrefs: true };

const binder = ({ params, request, context }: LoaderFunctionArgs) => () =>
  bindUnitService(context.services, params.unitCode ?? "", params.serviceCode ?? "", new URL(request.url).searchParams.get("phieu"));

export async function loader(args: LoaderFunctionArgs) {
  return formLoader(args.context.services, binder(args));
}

export async function action(args: ActionFunctionArgs) {
  return formAction(args.context, args.request, binder(args));
}

export const shouldRevalidate = formShouldRevalidate;
export default FormRoutePage;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
