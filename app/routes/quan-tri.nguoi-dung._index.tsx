import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { RoleSelect, UnitInput } from "~/components/console/unit-input";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ROLE_LABEL_KEYS } from "~/components/role-label";
import { formatDateTime } from "~/components/console/format-time";
import { actorOf, invalid, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { reachOf, grantUnit } from "~/server/scope.server";
import { createUser, createUserSchema } from "~/server/users.server";
import { listUnits } from "../../db/queries/units";
import { listUsers } from "../../db/queries/users";

export const meta: MetaFunction = () => [{ title: "Người dùng — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.nguoi-dung._index";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const db = context.services.db;
  const [users, units, reach] = await Promise.all([listUsers(db), listUnits(db), reachOf(db, user.unitId)]);
  // An admin of a subtree sees and picks only the users and units of that subtree.
  return { csrf: user.csrfToken, users: users.filter((u) => reach(u.unit_id)), units: units.filter((u) => reach(u.id)).map((u) => ({ code: u.code, name: u.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const parsed = parseForm(createUserSchema, form);
  if (!parsed.ok) return invalid(parsed.errors);
  const scope = await grantUnit(context.services.db, user.unitId, parsed.data.unit);
  if ("errors" in scope) return invalid(scope.errors);
  const id = await createUser(context.services.db, { username: parsed.data.username, password: parsed.data.password, role: parsed.data.role, unitId: scope.unitId }, actorOf(user));
  if (id === null) return invalid({ username: "users.errors.taken" });
  throw redirect(`/quan-tri/nguoi-dung/${id}`);
}

export default function Users() {
  const { t } = useTranslation();
  const { csrf, users, units } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const roleLabels = Object.fromEntries(Object.entries(ROLE_LABEL_KEYS).map(([role, key]) => [role, t(key)]));
  return (
    <section>
      <h1>{t("users.title")}</h1>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.unit")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">{t("users.passwordChanged")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/quan-tri/nguoi-dung/${u.id}`}>{u.username}</Link>
                </td>
                <td>{roleLabels[u.role]}</td>
                <td>{u.unit_name ?? t("users.wholeProvince")}</td>
                <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
                <td>{formatDateTime(u.password_changed_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("users.create")}</h2>
      <Form method="post" className="stack narrow">
        <Csrf token={csrf} />
        <FormErrors errors={errors} />
        <Field name="username" required autoComplete="off" label={t("users.username")} errors={errors} />
        <RoleSelect name="role" label={t("users.role")} labels={roleLabels} defaultValue="analyst" errors={errors} />
        <UnitInput name="unit" label={t("users.unitHint")} units={units} errors={errors} required />
        <Field name="password" type="password" autoComplete="new-password" required minLength={10} label={t("users.password.new")} errors={errors} />
        <Field name="password2" type="password" autoComplete="new-password" required minLength={10} label={t("users.password.repeat")} errors={errors} />
        <button type="submit">{t("users.createSubmit")}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
