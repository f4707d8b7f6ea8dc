import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { formatDateTime } from "~/components/console/format-time";
import { RoleSelect, UnitInput } from "~/components/console/unit-input";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ROLE_LABEL_KEYS } from "~/components/role-label";
import { actorOf, invalid, opOf, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { createApiToken, revokeToken, tokenSchema } from "~/server/org.server";
import { grantUnit, reachOf } from "~/server/scope.server";
import type { Db } from "../../db/index";
import { listApiTokens } from "../../db/queries/org";
import { listUnits } from "../../db/queries/units";

export const meta: MetaFunction = () => [{ title: "Mã API — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.ma-api";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const { tokens, units } = await visible(context.services.db, user.unitId);
  return { csrf: user.csrfToken, tokens, units: units.map((u) => ({ code: u.code, name: u.name })) };
}

/** The tokens and units of the caller's subtree (a subtree admin never sees province-wide tokens). */
async function visible(db: Db, unitId: number | null) {
  const [tokens, units, reach] = await Promise.all([listApiTokens(db), listUnits(db), reachOf(db, unitId)]);
  return { tokens: tokens.filter((t) => reach(t.unit_id)), units: units.filter((u) => reach(u.id)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const { db, hasher } = context.services;
  const op = opOf(form);
  if (op === "create") {
    const parsed = parseForm(tokenSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    // Nothing created is wider than its creator; only a whole-province admin may leave the unit empty.
    const scope = await grantUnit(db, user.unitId, parsed.data.unit, { optional: parsed.data.role !== "unit-manager" });
    if ("errors" in scope) return invalid(scope.errors);
    const token = await createApiToken(db, hasher, { name: parsed.data.name, role: parsed.data.role, unitId: scope.unitId }, actorOf(user));
    // Shown once, in this response only; the database keeps a keyed hash.
    return data({ ok: true as const, errors: {}, token }, { headers: { "Cache-Control": "no-store" } });
  }
  const id = Number(form.get("id"));
  if (op === "revoke" && Number.isInteger(id) && id > 0) {
    if (!(await visible(db, user.unitId)).tokens.some((t) => t.id === id)) return invalid({ form: "console.errors.outsideScope" });
    await revokeToken(db, id, actorOf(user));
    return data({ ok: true as const, errors: {}, token: null });
  }
  return invalid({ form: "console.errors.invalid" });
}

export default function ApiTokens() {
  const { t } = useTranslation();
  const { csrf, tokens, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const roleLabels = Object.fromEntries(Object.entries(ROLE_LABEL_KEYS).map(([role, key]) => [role, t(key)]));
  return (
    <section>
      <h1>{t("org.tokens.title")}</h1>
      <p>{t("org.tokens.intro")}</p>
      {result && "token" in result && result.token ? (
        <div role="status" className="notice">
          <p>{t("org.tokens.once")}</p>
          <p className="secret" data-testid="new-token">
            {result.token}
          </p>
        </div>
      ) : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("org.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.unit")}</th>
              <th scope="col">{t("org.tokens.created")}</th>
              <th scope="col">{t("org.tokens.lastUsed")}</th>
              <th scope="col">{t("users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tk) => (
              <tr key={tk.id}>
                <td>{tk.name}</td>
                <td>{roleLabels[tk.role] ?? tk.role}</td>
                <td>{tk.unit_code ?? t("users.wholeProvince")}</td>
                <td>{formatDateTime(tk.created_at)}</td>
                <td>{formatDateTime(tk.last_used_at)}</td>
                <td>
                  {tk.revoked_at ? (
                    t("org.tokens.revoked")
                  ) : (
                    <Form method="post">
                      <Csrf token={csrf} />
                      <input type="hidden" name="id" value={tk.id} />
                      <button type="submit" name="op" value="revoke" className="secondary" aria-label={t("org.tokens.revokeNamed", { name: tk.name })}>
                        {t("org.tokens.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("org.tokens.create")}</h2>
      <Form method="post" className="stack narrow">
        <Csrf token={csrf} />
        <FormErrors errors={errors} />
        <Field name="name" required label={t("org.tokens.name")} errors={errors} />
        <RoleSelect name="role" label={t("users.role")} labels={roleLabels} defaultValue="analyst" errors={errors} />
        <UnitInput name="unit" label={t("users.unitHint")} units={units} errors={errors} />
        <button type="submit" name="op" value="create">
          {t("org.tokens.createSubmit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
