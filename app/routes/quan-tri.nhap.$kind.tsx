import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatCount } from "~/metrics/format";
import { levelKey } from "~/org/levels";
import { Csrf, FieldError, FormErrors, ariaFor, errorId } from "~/components/console/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageLocale } from "~/i18n/i18n.server";
import { invalid, notFound, opOf, requireConsoleUser } from "~/server/console.server";
import { DOSSIER_COLUMNS, importDossierFile } from "~/server/import-dossiers.server";
import { describeIssue } from "~/server/import-issues.server";
import { OFFERING_COLUMNS, importOfferingsFile } from "~/server/import-offerings.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "~/server/import-table.server";
import { SERVICE_COLUMNS, SERVICE_LEVELS, UNIT_COLUMNS, UNIT_LEVELS, importFile, type ImportReport } from "~/server/imports.server";
import { decodeEcho, encodeEcho, requireUploadAction } from "~/server/upload.server";
import type { AppLocale } from "~/i18n/config";

export const meta: MetaFunction = () => [{ title: "Nhập dữ liệu — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.nhap.$kind";

/** What each import page takes: its columns, allowed levels and the shared import (CLI's too). */
const KINDS = {
  "don-vi": { titleKey: "org.import.units", columns: UNIT_COLUMNS, levels: UNIT_LEVELS, back: "/quan-tri/don-vi", run: (db, bytes, opts) => importFile(db, "units", bytes, opts), noteKey: null, replace: false },
  "thu-tuc": { titleKey: "org.import.services", columns: SERVICE_COLUMNS, levels: SERVICE_LEVELS, back: "/quan-tri/thu-tuc", run: (db, bytes, opts) => importFile(db, "services", bytes, opts), noteKey: null, replace: false },
  "so-ho-so": { titleKey: "org.import.dossiers", columns: DOSSIER_COLUMNS, levels: [], back: "/quan-tri/thu-tuc", run: importDossierFile, noteKey: "imports.complaintsColumn", replace: false },
  "thu-tuc-don-vi": { titleKey: "org.import.offerings", columns: OFFERING_COLUMNS, levels: [], back: "/quan-tri/thu-tuc", run: importOfferingsFile, noteKey: null, replace: true },
} satisfies Record<string, { titleKey: string; columns: readonly string[]; levels: readonly string[]; back: string; run: typeof importOfferingsFile; noteKey: string | null; replace: boolean }>;

function kindOf(kind: string | undefined) {
  return kind && kind in KINDS ? KINDS[kind as keyof typeof KINDS] : notFound();
}

/** The report as the page shows it: rows that change or are rejected, reasons in the page's language. */
function reportView(report: ImportReport, locale: AppLocale) {
  const rows = report.rows.filter((r) => r.status !== "unchanged").slice(0, 1000);
  return { committed: report.committed, counts: report.counts, removed: report.removed, rows: rows.map((r) => ({ row: r.row, code: r.code, status: r.status, reasons: r.issues.map((i) => describeIssue(i, locale)).join("; ") })) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const kind = kindOf(params.kind);
  const maxRows = formatCount(MAX_IMPORT_ROWS, await pageLocale(request));
  return { csrf: user.csrfToken, titleKey: kind.titleKey, columns: kind.columns.join(", "), levels: [...kind.levels], maxRows, maxMb: MAX_IMPORT_BYTES / 1024 / 1024, back: kind.back, noteKey: kind.noteKey, canReplace: kind.replace };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, form, file } = await requireUploadAction(context.services, request, ROUTE);
  const kind = kindOf(params.kind);
  const op = opOf(form);
  const locale = await pageLocale(request);
  // Preview reads the uploaded file; commit reads the same bytes again, sent back by the page.
  const bytes = op === "preview" ? file?.bytes : op === "commit" ? decodeEcho(form.get("content")) : undefined;
  if (op === "preview" && !bytes) return invalid({ file: "console.errors.required" });
  if (!bytes) return invalid({ form: "console.errors.invalid" });
  const replace = kind.replace && form.get("replace") === "1";
  const report = await kind.run(context.services.db, bytes, { actor: user.username, dryRun: op === "preview", replace });
  if (report.fileError) return invalid({}, { fileError: describeIssue(report.fileError, locale) });
  const fileName = op === "preview" ? file!.name : String(form.get("fileName") ?? "");
  const view = reportView(report, locale);
  if (op === "preview") return data({ ok: true as const, errors: {}, fileName, report: view, content: encodeEcho(bytes), replace });
  return data({ ok: report.committed, errors: report.committed ? {} : { form: "org.import.notCommitted" }, fileName, report: view, content: "", replace }, { status: report.committed ? 200 : 400 });
}

const STATUS_KEYS = { added: "org.import.added", updated: "org.import.updated", unchanged: "org.import.unchanged", rejected: "org.import.rejected" } as const;

export default function ImportPage() {
  const { t } = useTranslation();
  const { csrf, titleKey, columns, levels, maxRows, maxMb, back, noteKey, canReplace } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const fileError = result && "fileError" in result && typeof result.fileError === "string" ? result.fileError : null;
  const report = result && "report" in result ? result.report : null;
  return (
    <section>
      <p>
        <Link to={back}>{t("org.import.back")}</Link>
      </p>
      <h1>{t(titleKey)}</h1>
      <p>{t("org.import.help", { columns, maxRows, maxMb })}</p>
      {levels.length ? <p>{t("org.import.levels", { levels: levels.map((l) => `${l} (${t(levelKey(l))})`).join(", ") })}</p> : null}
      {noteKey ? <p>{t(noteKey)}</p> : null}
      <FormErrors errors={errors} />
      <Form method="post" encType="multipart/form-data" className="stack narrow">
        <Csrf token={csrf} />
        <label className="field">
          <span>{t("org.import.file")}</span>
          <input
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...(fileError ? { "aria-invalid": true, "aria-describedby": errorId("file") } : ariaFor("file", errors))}
          />
          {fileError ? (
            <span className="field-error" id={errorId("file")}>
              {fileError}
            </span>
          ) : (
            <FieldError name="file" errors={errors} />
          )}
        </label>
        {canReplace ? (
          <label className="check">
            <input type="checkbox" name="replace" value="1" />
            <span>{t("org.import.replace")}</span>
          </label>
        ) : null}
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
          {report.removed.length ? <p>{t("org.import.removed", { count: report.removed.length, list: report.removed.join(", ") })}</p> : null}
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
                {report.rows.map((r) => (
                  <tr key={r.row} className={r.status === "rejected" ? "rejected" : undefined}>
                    <td className="num">{r.row}</td>
                    <td>{r.code}</td>
                    <td>
                      {t(STATUS_KEYS[r.status])}
                      {r.reasons ? ` — ${r.reasons}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!report.committed && report.counts.rejected === 0 && result && "content" in result && result.content ? (
            <Form method="post">
              <Csrf token={csrf} />
              <input type="hidden" name="content" value={result.content} />
              <input type="hidden" name="fileName" value={result.fileName} />
              {result.replace ? <input type="hidden" name="replace" value="1" /> : null}
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
