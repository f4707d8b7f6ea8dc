import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Csrf, FieldError, FormErrors, ariaFor } from "~/components/console/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invalid, notFound, opOf, requireConsoleUser } from "~/server/console.server";
import * as imports from "~/server/org-imports.server";
import { parseTable } from "~/server/table-file.server";
import { requireUploadAction } from "~/server/upload.server";

export const meta: MetaFunction = () => [{ title: "Nhập dữ liệu — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.nhap.$kind";

/** What each import page takes: its columns and the preview/commit pair. */
const KINDS = {
  "don-vi": { titleKey: "org.import.units", columns: "code,name,parent,level", back: "/quan-tri/don-vi", preview: imports.previewUnitImport, commit: imports.commitUnitImport },
  "thu-tuc": { titleKey: "org.import.services", columns: "code,name,field,level", back: "/quan-tri/thu-tuc", preview: imports.previewServiceImport, commit: imports.commitServiceImport },
  "so-ho-so": { titleKey: "org.import.dossiers", columns: "unit,service,month,count", back: "/quan-tri/thu-tuc", preview: imports.previewDossierImport, commit: imports.commitDossierImport },
} as const;

function kindOf(kind: string | undefined) {
  return kind && kind in KINDS ? KINDS[kind as keyof typeof KINDS] : notFound();
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const kind = kindOf(params.kind);
  return { csrf: user.csrfToken, titleKey: kind.titleKey, columns: kind.columns, back: kind.back };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, form, file } = await requireUploadAction(context.services, request, ROUTE);
  const kind = kindOf(params.kind);
  const op = opOf(form);
  if (op === "preview") {
    if (!file) return invalid({ file: "console.errors.required" });
    const table = await parseTable(file.bytes);
    if (!table.ok) return invalid({ file: table.errorKey });
    const report = await kind.preview(context.services.db, table.rows, user.username);
    return data({ ok: true as const, errors: {}, fileName: file.name, report, rows: JSON.stringify(table.rows) });
  }
  if (op === "commit") {
    const rows = imports.postedRowsSchema.safeParse(form.get("rows") ?? "");
    if (!rows.success) return invalid({ form: "console.errors.invalid" });
    const report = await kind.commit(context.services.db, rows.data, user.username);
    return data({ ok: report.committed, errors: report.committed ? {} : { form: "org.import.notCommitted" }, fileName: String(form.get("fileName") ?? ""), report, rows: "" }, { status: report.committed ? 200 : 400 });
  }
  return invalid({ form: "console.errors.invalid" });
}

const STATUS_KEYS = { added: "org.import.added", updated: "org.import.updated", unchanged: "org.import.unchanged", rejected: "org.import.rejected" } as const;

export default function ImportPage() {
  const { t } = useTranslation();
  const { csrf, titleKey, columns, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const report = result && "report" in result ? result.report : null;
  return (
    <section>
      <p>
        <Link to={back}>{t("org.import.back")}</Link>
      </p>
      <h1>{t(titleKey)}</h1>
      <p>{t("org.import.help", { columns })}</p>
      <FormErrors errors={errors} />
      <Form method="post" encType="multipart/form-data" className="stack narrow">
        <Csrf token={csrf} />
        <label className="field">
          <span>{t("org.import.file")}</span>
          <input type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {...ariaFor("file", errors)} />
          <FieldError name="file" errors={errors} />
        </label>
        <button type="submit" name="op" value="preview">
          {t("org.import.preview")}
        </button>
      </Form>
      {report ? (
        <>
          <h2>{report.committed ? t("org.import.done") : t("org.import.previewTitle", { file: result && "fileName" in result ? result.fileName : "" })}</h2>
          <p role="status">
            {(["added", "updated", "unchanged", "rejected"] as const).map((s) => `${t(STATUS_KEYS[s])}: ${report.counts[s]}`).join(" · ")}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("org.import.line")}</th>
                  <th scope="col">{t("org.code")}</th>
                  <th scope="col">{t("org.import.result")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.filter((r) => r.status !== "unchanged").slice(0, 1000).map((r) => (
                  <tr key={r.line} className={r.status === "rejected" ? "rejected" : undefined}>
                    <td className="num">{r.line}</td>
                    <td>{r.key}</td>
                    <td>
                      {t(STATUS_KEYS[r.status])}
                      {r.reason ? ` — ${r.reason.field}: ${t(r.reason.key)}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!report.committed && report.counts.rejected === 0 && result && "rows" in result && result.rows ? (
            <Form method="post">
              <Csrf token={csrf} />
              <input type="hidden" name="rows" value={result.rows} />
              <input type="hidden" name="fileName" value={result.fileName} />
              <button type="submit" name="op" value="commit">
                {t("org.import.commit")}
              </button>
            </Form>
          ) : report.counts.rejected > 0 ? (
            <p className="form-error">{t("org.import.fixFirst")}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
