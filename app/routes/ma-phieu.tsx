import type { ActionFunctionArgs, LinksFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useTranslation } from "~/i18n/use-translation";
import { ApiError } from "~/server/api-error.server";
import { linkOfCode } from "~/server/round-codes.server";
import { linkSealer } from "~/server/round-draw.server";

// The code printed on a survey round's letter, typed by the person who received it: opens the
// same single-use form as the letter's QR code. Plain HTML form, no JavaScript needed.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/form.css" }];
export const meta: MetaFunction = () => [{ title: "Nhập mã phiếu — Hài Lòng" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const code = String(form.get("code") ?? "").slice(0, 20);
  try {
    const link = await linkOfCode(context.services, code, context.clientAddress, (s) => linkSealer(context.services).unseal(s));
    if (link) return redirect(link);
    return data({ error: "rounds.entry.unknown" as const }, { status: 400 });
  } catch (error) {
    if (error instanceof ApiError && error.code === "rate_limited") return data({ error: "rounds.entry.tooMany" as const }, { status: 429 });
    throw error;
  }
}

export default function CodeEntry() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  return (
    <section className="citizen-form">
      <h1>{t("rounds.entry.title")}</h1>
      <p>{t("rounds.entry.intro")}</p>
      <form method="post">
        {result?.error ? (
          <p role="alert" className="form-error">
            {t(result.error)}
          </p>
        ) : null}
        <label htmlFor="ma-phieu">{t("rounds.entry.label")}</label>
        <input id="ma-phieu" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={20} required />
        <button type="submit">{t("rounds.entry.submit")}</button>
      </form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
