import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { changeDisplayPrefs } from "~/server/display-prefs.server";
import { safeRedirect } from "~/server/sign-in.server";
import { CITIZEN_PAGE } from "~/page-handle";

// Text size and contrast for pages without a form of their own (the footer buttons post here).

export const meta: MetaFunction = () => [{ title: "Cỡ chữ và độ tương phản — Hài Lòng" }];
export const handle = CITIZEN_PAGE;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const setCookie = changeDisplayPrefs(request, context, String(form.get("change") ?? ""));
  throw redirect(safeRedirect(String(form.get("redirectTo") ?? ""), "/"), { headers: { "Set-Cookie": setCookie } });
}

export default function DisplayPrefsPage() {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{t("prefs.pageTitle")}</h1>
      <p>{t("prefs.pageIntro")}</p>
    </section>
  );
}
