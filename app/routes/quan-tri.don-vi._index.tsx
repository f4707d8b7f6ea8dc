import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { LevelSelect, UnitInput } from "~/components/console/unit-input";
import { NEW_UNIT_LEVELS } from "~/org/levels";
import { UnitTree } from "~/components/console/unit-tree";
import { SavedNotice } from "~/components/console/list-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invalid, opOf, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { reorganize, reorganizeSchema, saveUnit, unitSchema } from "~/server/org.server";
import { listUnitTree } from "../../db/queries/org";

export const meta: MetaFunction = () => [{ title: "Đơn vị — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.don-vi._index";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  // Unit managers see their own subtree only.
  const units = await listUnitTree(context.services.db, user.unitId);
  const rootIds = user.unitId === null ? units.filter((u) => u.parent_id === null).map((u) => u.id) : [user.unitId];
  return { csrf: user.csrfToken, canEdit: user.role === "admin", units, rootIds };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  // Creating and reorganizing units changes the province's structure: admins only (ACTION_ACCESS).
  const op = opOf(form);
  if (op === "create") {
    const parsed = parseForm(unitSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, { op });
    const errors = await saveUnit(context.services.db, parsed.data, user.username, "create");
    return errors ? invalid(errors, { op }) : data({ ok: true as const, errors: {}, op });
  }
  if (op === "reorganize") {
    const parsed = parseForm(reorganizeSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, { op });
    const errors = await reorganize(context.services.db, parsed.data, user.username);
    return errors ? invalid(errors, { op }) : data({ ok: true as const, errors: {}, op });
  }
  return invalid({ form: "console.errors.invalid" });
}

export default function Units() {
  const { t } = useTranslation();
  const { csrf, canEdit, units, rootIds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (op: string) => (result && "op" in result && result.op === op ? (result.errors as Record<string, string>) : undefined);
  const options = units.filter((u) => !u.valid_to).map((u) => ({ code: u.code, name: u.name }));
  return (
    <section>
      <h1>{t("org.units.title")}</h1>
      <SavedNotice show={result?.ok} />
      <FormErrors errors={result && !("op" in result) ? result.errors : undefined} />
      {canEdit ? (
        <p>
          <Link to="/quan-tri/nhap/don-vi">{t("org.units.import")}</Link>
        </p>
      ) : null}
      <UnitTree units={units} rootIds={rootIds} />
      {canEdit ? (
        <>
          <h2>{t("org.units.create")}</h2>
          <Form method="post" className="stack narrow">
            <Csrf token={csrf} />
            <Field name="code" required label={t("org.code")} errors={errorsFor("create")} />
            <Field name="name" required label={t("org.name")} errors={errorsFor("create")} />
            <LevelSelect name="level" label={t("org.level")} levels={NEW_UNIT_LEVELS} errors={errorsFor("create")} />
            <UnitInput name="parent" label={t("org.units.parent")} units={options} errors={errorsFor("create")} />
            <button type="submit" name="op" value="create">
              {t("org.units.createSubmit")}
            </button>
          </Form>
          <h2>{t("org.units.reorganize")}</h2>
          <p>{t("org.units.reorganizeHelp")}</p>
          <Form method="post" className="stack narrow">
            <Csrf token={csrf} />
            <UnitInput name="code" label={t("org.units.closing")} units={options} errors={errorsFor("reorganize")} required />
            <UnitInput name="successor" label={t("org.units.successor")} units={options} errors={errorsFor("reorganize")} required />
            <Field name="effectiveDate" type="date" required label={t("org.units.effectiveDate")} errors={errorsFor("reorganize")} />
            <button type="submit" name="op" value="reorganize">
              {t("org.units.reorganizeSubmit")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
