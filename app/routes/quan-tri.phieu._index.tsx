import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FieldError, FormErrors, ariaFor } from "~/components/console/field";
import { formatDateTime } from "~/components/console/format-time";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { actorOf, invalid, opOf, parseForm, requireConsoleUser } from "~/server/console.server";
import { SLUG, createSurveyDraft, importDraft, newSurveySchema } from "~/server/designer.server";
import { detectKind } from "~/server/import-table.server";
import { decodeText, requireUploadAction } from "~/server/upload.server";
import { listSurveyVersions } from "../../db/queries/drafts";

export const meta: MetaFunction = () => [{ title: "Thiết kế phiếu — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.phieu._index";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const versions = await listSurveyVersions(context.services.db);
  const surveys = new Map<string, { slug: string; titleVi: string; versions: typeof versions }>();
  for (const v of versions) {
    const s = surveys.get(v.slug) ?? { slug: v.slug, titleVi: v.title_vi, versions: [] };
    s.versions.push(v);
    surveys.set(v.slug, s);
  }
  return { csrf: user.csrfToken, surveys: [...surveys.values()] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form, file } = await requireUploadAction(context.services, request, ROUTE, 1024 * 1024);
  const db = context.services.db;
  const op = opOf(form);
  if (op === "new") {
    const parsed = parseForm(newSurveySchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    throw redirect(`/quan-tri/phieu/${await createSurveyDraft(db, parsed.data, actorOf(user))}`);
  }
  if (op !== "import") return invalid({ form: "console.errors.invalid" });
  const pasted = String(form.get("json") ?? "").trim();
  if (file && detectKind(file.bytes) !== "text") return invalid({ file: "console.upload.notText" });
  const text = file ? decodeText(file.bytes) : pasted;
  if (!text) return invalid({ file: "console.errors.required" });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return invalid({ file: "designer.errors.json" });
  }
  const record = doc as Record<string, unknown> | null;
  if (!record || typeof record !== "object" || Array.isArray(record) || typeof record.slug !== "string" || !SLUG.test(record.slug)) {
    return invalid({ file: "designer.errors.jsonShape" });
  }
  throw redirect(`/quan-tri/phieu/${await importDraft(db, record, actorOf(user))}`);
}

const STATUS_KEYS = { draft: "designer.status.draft", published: "designer.status.published", retired: "designer.status.retired" } as const;

export default function Surveys() {
  const { t } = useTranslation();
  const { csrf, surveys } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  return (
    <section>
      <h1>{t("designer.title")}</h1>
      <p>{t("designer.intro")}</p>
      {surveys.map((s) => (
        <article key={s.slug} className="survey-card">
          <h2>
            {s.titleVi} <code>{s.slug}</code>
          </h2>
          <ul className="link-list">
            {s.versions.map((v) => (
              <li key={v.id}>
                <Link to={`/quan-tri/phieu/${v.id}`}>{v.status === "draft" ? t("designer.draft") : t("designer.version", { n: v.version })}</Link>{" "}
                — {t(STATUS_KEYS[v.status])}
                {v.published_at ? ` · ${formatDateTime(v.published_at)} · ${v.published_by ?? ""}` : ""}
              </li>
            ))}
          </ul>
        </article>
      ))}
      <h2>{t("designer.newTitle")}</h2>
      <Form method="post" className="stack narrow">
        <Csrf token={csrf} />
        <FormErrors errors={errors} />
        <Field name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,62}" label={t("designer.slug")} errors={errors} />
        <Field name="titleVi" required lang="vi" label={t("designer.titleVi")} errors={errors} />
        <Field name="titleEn" required lang="en" label={t("designer.titleEn")} errors={errors} />
        <button type="submit" name="op" value="new">
          {t("designer.create")}
        </button>
      </Form>
      <h2>{t("designer.importTitle")}</h2>
      <p>{t("designer.importHelp")}</p>
      <Form method="post" encType="multipart/form-data" className="stack narrow">
        <Csrf token={csrf} />
        <label className="field">
          <span>{t("designer.importFile")}</span>
          <input type="file" name="file" accept=".json,application/json" {...ariaFor("file", errors)} />
          <FieldError name="file" errors={errors} />
        </label>
        <label className="field">
          <span>{t("designer.importPaste")}</span>
          <textarea name="json" rows={4} spellCheck={false} />
        </label>
        <button type="submit" name="op" value="import">
          {t("designer.import")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
