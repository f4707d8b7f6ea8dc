import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf } from "~/components/console/field";
import { DraftEditor } from "~/components/designer/draft-editor";
import { SurveyPreview } from "~/components/designer/survey-preview";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translator } from "~/i18n/i18n.server";
import { idParam, invalid, notFound, opOf, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { copyToDraft, discardDraft, publishDraft, retire, revisionOf, saveDraft, validateDraft } from "~/server/designer.server";
import { applyDraftOp } from "~/survey/draft-ops";
import { formToDefinition } from "~/survey/draft-form";
import { getVersionById } from "../../db/queries/drafts";
import { getVersion } from "../../db/queries/surveys";
import type { Db } from "../../db/index";

export const meta: MetaFunction = () => [{ title: "Thiết kế phiếu — Hài Lòng" }];
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/console.css" },
  { rel: "stylesheet", href: "/styles/designer.css" },
];
const ROUTE = "routes/quan-tri.phieu.$id";

async function loadVersion(db: Db, id: string | undefined) {
  return (await getVersionById(db, idParam(id))) ?? notFound();
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const version = await loadVersion(context.services.db, params.id);
  const url = new URL(request.url);
  const view = url.searchParams.get("xem") === "kiosk" ? "kiosk" : url.searchParams.get("xem") === "phone" || version.status !== "draft" ? "phone" : "edit";
  const lng = url.searchParams.get("lang") === "en" ? "en" : "vi";
  const t = translator(lng);
  const doc = JSON.parse(version.definition) as Record<string, unknown>;
  return {
    csrf: user.csrfToken,
    version: { id: version.id, slug: version.slug, version: version.version, status: version.status },
    doc,
    rev: revisionOf(version.definition),
    errors: version.status === "draft" ? validateDraft(doc) : {},
    view: view as "edit" | "phone" | "kiosk",
    justPublished: url.searchParams.get("da-ban-hanh") === "1" && version.status === "published",
    lng: lng as "vi" | "en",
    labels: { scale: ["designer.scale.1", "designer.scale.2", "designer.scale.3", "designer.scale.4", "designer.scale.5"].map((k) => t(k)), na: t("designer.scale.na"), yes: t("designer.yes"), no: t("designer.no") },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const db = context.services.db;
  const version = await loadVersion(db, params.id);
  const op = opOf(form);
  if (version.status !== "draft") {
    if (op === "copy") {
      const id = await copyToDraft(db, version.id, user.username);
      throw redirect(`/quan-tri/phieu/${id}`);
    }
    if (op === "retire" && version.status === "published") {
      await retire(db, version.id, user.username);
      throw redirect(`/quan-tri/phieu/${version.id}`);
    }
    return invalid({ form: "designer.errors.immutable" });
  }
  if (op === "discard") {
    await discardDraft(db, version.id, user.username);
    throw redirect("/quan-tri/phieu");
  }
  if (!op) return invalid({ form: "console.errors.invalid" });
  let doc = formToDefinition(form.entries());
  if (op !== "save" && op !== "publish") doc = applyDraftOp(doc, op);
  if (!(await saveDraft(db, version.id, doc, user.username))) return invalid({ form: "designer.errors.immutable" });
  if (op !== "publish") return data({ ok: true as const, errors: {} });
  const published = await publishDraft(db, version.id, user.username);
  if (!published.ok) return data({ ok: false as const, errors: {}, draftErrors: published.errors }, { status: 400 });
  const row = await getVersion(db, version.slug, published.version);
  throw redirect(`/quan-tri/phieu/${row?.id ?? ""}?da-ban-hanh=1`);
}

export default function SurveyVersionPage() {
  const { t } = useTranslation();
  const { csrf, version, doc, rev, errors, view, lng, labels, justPublished } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formError = result && "errors" in result ? (result.errors as Record<string, string>).form : undefined;
  const isDraft = version.status === "draft";
  const tab = (xem: string, label: string) => (
    <Link to={`?xem=${xem}&lang=${lng}`} aria-current={view === xem ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <section>
      <p>
        <Link to="/quan-tri/phieu">{t("designer.back")}</Link>
      </p>
      <h1>
        <code>{version.slug}</code> — {isDraft ? t("designer.draft") : t("designer.version", { n: version.version })}
      </h1>
      {justPublished ? (
        <p role="status" className="notice">
          {t("designer.published", { n: version.version })}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="form-error">
          {t(formError)}
        </p>
      ) : null}
      <nav className="tabs" aria-label={t("designer.views")}>
        {isDraft ? tab("edit", t("designer.edit")) : null}
        {tab("phone", t("designer.previewPhone"))}
        {tab("kiosk", t("designer.previewKiosk"))}
        <Link to={`?xem=${view}&lang=${lng === "vi" ? "en" : "vi"}`}>{lng === "vi" ? t("designer.previewEn") : t("designer.previewVi")}</Link>
        <a href={`/quan-tri/phieu/${version.id}/json`} download>
          {t("designer.export")}
        </a>
      </nav>
      {view === "edit" ? (
        <DraftEditor key={rev} doc={doc} errors={{ ...errors, ...(result && "draftErrors" in result ? result.draftErrors : {}) }} csrf={csrf} />
      ) : (
        <SurveyPreview doc={doc} mode={view === "kiosk" ? "kiosk" : "phone"} lng={lng} labels={labels} />
      )}
      <Form method="post" className="op-row">
        <Csrf token={csrf} />
        {isDraft ? (
          <button type="submit" name="op" value="discard" className="secondary">
            {t("designer.discard")}
          </button>
        ) : (
          <button type="submit" name="op" value="copy">
            {t("designer.copy")}
          </button>
        )}
        {version.status === "published" ? (
          <button type="submit" name="op" value="retire" className="secondary">
            {t("designer.retire")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
