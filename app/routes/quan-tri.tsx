import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AdminNav } from "~/components/admin-nav";
import { ROLE_LABEL_KEYS } from "~/components/role-label";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { menuOf } from "~/server/console-menu.server";
import { requireConsoleUser } from "~/server/console.server";

/** The console's frame: every page below it is for signed-in users only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, "routes/quan-tri");
  return { username: user.username, role: user.role, csrf: user.csrfToken, menu: menuOf(user) };
}

export default function AdminLayout() {
  const { t } = useTranslation();
  const { username, role, csrf, menu } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <div className="admin-bar">
        <span>{t("admin.signedInAs", { username, role: t(ROLE_LABEL_KEYS[role]) })}</span>
        <Form method="post" action="/logout">
          <input type="hidden" name="csrf" value={csrf} />
          <button type="submit" className="secondary">
            {t("admin.signOut")}
          </button>
        </Form>
      </div>
      <AdminNav sections={menu} />
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
