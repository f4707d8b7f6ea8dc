import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { assertSameOrigin, getSessionUser } from "~/server/session.server";
import { safeRedirect, signIn } from "~/server/sign-in.server";

export const meta: MetaFunction = () => [{ title: "Đăng nhập — Hài Lòng" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(context.services, request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo") ?? undefined));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const result = await signIn(context.services, request, form, context.clientAddress);
  if (result.ok) throw redirect(result.redirectTo, { headers: { "Set-Cookie": result.setCookie } });
  return data({ errorKey: result.errorKey, username: String(form.get("username") ?? "") }, { status: result.errorKey === "login.throttled" ? 429 : 400 });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        {actionData ? (
          <p role="alert" className="form-error" id="login-error">
            {t(actionData.errorKey)}
          </p>
        ) : null}
        <label>
          {t("login.username")}
          <input name="username" autoComplete="username" required defaultValue={actionData?.username} aria-describedby={actionData ? "login-error" : undefined} />
        </label>
        <label>
          {t("login.password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">{t("login.submit")}</button>
      </Form>
    </section>
  );
}
