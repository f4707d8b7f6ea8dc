import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLE_LABEL_KEYS } from "~/components/role-label";
import { requireUser } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Quản trị — Hài Lòng" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  return { username: user.username, role: user.role, csrf: user.csrfToken };
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { username, role, csrf } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.signedInAs", { username, role: t(ROLE_LABEL_KEYS[role]) })}</p>
      <Form method="post" action="/logout">
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit">{t("admin.signOut")}</button>
      </Form>
    </section>
  );
}
