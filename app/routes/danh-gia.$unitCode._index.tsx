import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NoticePage } from "~/components/form/notice-view";
import { FormNotice, NOTICE_STATUS } from "~/server/form-binding.server";
import { loadServicePicker } from "~/server/service-picker.server";
import { CITIZEN_PAGE } from "~/page-handle";

// The unit's link or QR code: the citizen picks the service they used, then rates it.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/form.css" }];
export const meta: MetaFunction = () => [{ title: "Chọn thủ tục để đánh giá — Hài Lòng" }];
export const handle = CITIZEN_PAGE;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  try {
    const picker = await loadServicePicker(context.services, params.unitCode ?? "", new URL(request.url).searchParams);
    return data({ kind: "picker" as const, ...picker });
  } catch (error) {
    if (!(error instanceof FormNotice)) throw error;
    return data({ kind: "notice" as const, notice: error.notice, restartUrl: null }, { status: NOTICE_STATUS[error.notice] });
  }
}

export default function ServicePicker() {
  const { t } = useTranslation();
  const view = useLoaderData<typeof loader>();
  if (view.kind === "notice") return <NoticePage view={view} />;
  return (
    <section className="citizen-form">
      <h1>{t("form.picker.title")}</h1>
      <p className="form-where">{view.unit.name}</p>
      <p>{t("form.picker.intro")}</p>
      <form method="get" className="picker-search" role="search">
        {view.phieu ? <input type="hidden" name="phieu" value={view.phieu} /> : null}
        <label htmlFor="picker-q">{t("form.picker.search")}</label>
        <div className="search-row">
          <input id="picker-q" name="q" type="search" defaultValue={view.q} autoComplete="off" />
          <button type="submit">{t("form.picker.find")}</button>
        </div>
      </form>
      <p role="status">{t("form.picker.count", { count: view.services.length, total: view.total })}</p>
      {view.services.length ? (
        <ul className="service-list">
          {view.services.map((s) => (
            <li key={s.code}>
              <a href={s.href}>
                <span className="service-name">{s.name}</span>
                <span className="service-meta">
                  {s.field} · {s.code}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("form.picker.none")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
