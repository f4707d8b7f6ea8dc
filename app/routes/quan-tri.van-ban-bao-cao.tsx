import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocumentSettingsForm } from "~/components/reports/document-settings-form";
import { pageLocale, translator } from "~/i18n/i18n.server";
import { loadSettingsPage, saveSettings } from "~/server/report-settings.server";
import { requireConsoleAction, requireConsoleUser } from "~/server/console.server";

const ROUTE = "routes/quan-tri.van-ban-bao-cao";

export const meta: MetaFunction = () => [{ title: "Văn bản báo cáo — Hài Lòng" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  return { roots: await loadSettingsPage(context.services.db, user, translator(await pageLocale(request))), csrf: user.csrfToken };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form: formData } = await requireConsoleAction(context.services, request, ROUTE);
  return saveSettings(context.services.db, user, formData);
}

export default function DocumentSettingsPage() {
  const { t } = useTranslation();
  const { roots, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("document.settings.title")}</h1>
      <p>{t("document.settings.intro")}</p>
      {roots.length ? null : <p>{t("document.settings.none")}</p>}
      {roots.map((root) => (
        <DocumentSettingsForm key={root.code} root={root} csrf={csrf} errors={result?.root === root.code && !result.ok ? result.errors : undefined} saved={result?.root === root.code && result.ok} />
      ))}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
