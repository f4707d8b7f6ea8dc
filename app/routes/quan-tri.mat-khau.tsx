import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { actorOf, invalid, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { startSession } from "~/server/session.server";
import { changeOwnPassword, changeOwnPasswordSchema } from "~/server/users.server";

export const meta: MetaFunction = () => [{ title: "Đổi mật khẩu — Hài Lòng" }];
const ROUTE = "routes/quan-tri.mat-khau";
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  return { csrf: user.csrfToken, done: new URL(request.url).searchParams.has("xong") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const parsed = parseForm(changeOwnPasswordSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  const { current, password } = parsed.data;
  const changed = await changeOwnPassword(context.services.db, user.userId, current, password, actorOf(user));
  if (!changed) return invalid({ current: "users.errors.currentWrong" });
  // Every session ended with the change; this browser gets a fresh one.
  const cookie = await startSession(context.services, request, user.userId);
  throw redirect("/quan-tri/mat-khau?xong=1", { headers: { "Set-Cookie": cookie } });
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const { csrf, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <section className="narrow">
      <h1>{t("users.password.title")}</h1>
      {done ? (
        <p role="status" className="notice">
          {t("users.password.done")}
        </p>
      ) : null}
      <p>{t("users.password.rules")}</p>
      <Form method="post" className="stack">
        <Csrf token={csrf} />
        <FormErrors errors={errors} />
        <Field name="current" type="password" autoComplete="current-password" required label={t("users.password.current")} errors={errors} />
        <Field name="password" type="password" autoComplete="new-password" required minLength={10} label={t("users.password.new")} errors={errors} />
        <Field name="password2" type="password" autoComplete="new-password" required minLength={10} label={t("users.password.repeat")} errors={errors} />
        <button type="submit">{t("users.password.submit")}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
