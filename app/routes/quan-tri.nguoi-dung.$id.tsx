import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { RoleSelect, UnitInput } from "~/components/console/unit-input";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ROLE_LABEL_KEYS } from "~/components/role-label";
import { actorOf, idParam, invalid, notFound, opOf, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { reachOf, grantUnit } from "~/server/scope.server";
import { changeRole, passwordPairSchema, resetPassword, roleSchema, setDisabled } from "~/server/users.server";
import { listUnits } from "../../db/queries/units";
import { getUser } from "../../db/queries/users";
import type { Db } from "../../db/index";

export const meta: MetaFunction = () => [{ title: "Người dùng — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.nguoi-dung.$id";

/** A user of the caller's subtree; any other (or a whole-province user for a subtree admin) is 404. */
async function loadUser(db: Db, id: string | undefined, me: { unitId: number | null }) {
  const user = await getUser(db, idParam(id));
  return user && (await reachOf(db, me.unitId))(user.unit_id) ? user : notFound();
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const me = await requireConsoleUser(context.services, request, ROUTE);
  const db = context.services.db;
  const user = await loadUser(db, params.id, me);
  const reach = await reachOf(db, me.unitId);
  const units = (await listUnits(db)).filter((u) => reach(u.id));
  // A whole-province user is shown with the root unit, which is what choosing it again means.
  const unitCode = units.find((u) => (user.unit_id === null ? u.parent_id === null : u.id === user.unit_id))?.code ?? "";
  return {
    csrf: me.csrfToken,
    self: me.userId === user.id,
    user: { id: user.id, username: user.username, role: user.role, unitCode, disabled: Boolean(user.disabled) },
    units: units.map((u) => ({ code: u.code, name: u.name })),
    done: new URL(request.url).searchParams.get("xong"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user: me, form } = await requireConsoleAction(context.services, request, ROUTE);
  const db = context.services.db;
  const user = await loadUser(db, params.id, me);
  const op = opOf(form);
  const actor = actorOf(me);
  // An admin cannot lock themselves out here; their own password is changed on /quan-tri/mat-khau.
  if (user.id === me.userId) return invalid({ form: "users.errors.self" });
  if (op === "role") {
    const parsed = parseForm(roleSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const scope = await grantUnit(db, me.unitId, parsed.data.unit);
    if ("errors" in scope) return invalid(scope.errors);
    await changeRole(db, user.id, parsed.data.role, scope.unitId, actor);
  } else if (op === "disable" || op === "enable") {
    await setDisabled(db, user.id, op === "disable", actor);
  } else if (op === "password") {
    const parsed = parseForm(passwordPairSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    await resetPassword(db, user.id, parsed.data.password, actor);
  } else {
    return invalid({ form: "console.errors.invalid" });
  }
  throw redirect(`/quan-tri/nguoi-dung/${user.id}?xong=${op}`);
}

export default function UserDetail() {
  const { t } = useTranslation();
  const { csrf, self, user, units, done } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const roleLabels = Object.fromEntries(Object.entries(ROLE_LABEL_KEYS).map(([role, key]) => [role, t(key)]));
  return (
    <section>
      <p>
        <Link to="/quan-tri/nguoi-dung">{t("users.back")}</Link>
      </p>
      <h1>{user.username}</h1>
      <p>{user.disabled ? t("users.disabled") : t("users.active")}</p>
      {done ? (
        <p role="status" className="notice">
          {t("console.saved")}
        </p>
      ) : null}
      <FormErrors errors={errors} />
      {self ? <p className="note">{t("users.selfNote")}</p> : null}
      <h2>{t("users.roleTitle")}</h2>
      <Form method="post" className="stack narrow">
        <Csrf token={csrf} />
        <RoleSelect name="role" label={t("users.role")} labels={roleLabels} defaultValue={user.role} errors={errors} />
        <UnitInput name="unit" label={t("users.unitHint")} units={units} defaultValue={user.unitCode} errors={errors} />
        <button type="submit" name="op" value="role" disabled={self}>
          {t("console.save")}
        </button>
      </Form>
      <h2>{t("users.accessTitle")}</h2>
      <Form method="post">
        <Csrf token={csrf} />
        <button type="submit" name="op" value={user.disabled ? "enable" : "disable"} className="secondary" disabled={self}>
          {user.disabled ? t("users.enable") : t("users.disable")}
        </button>
      </Form>
      <h2>{t("users.resetTitle")}</h2>
      <Form method="post" className="stack narrow">
        <Csrf token={csrf} />
        <Field name="password" type="password" autoComplete="new-password" required minLength={10} label={t("users.password.new")} errors={errors} />
        <Field name="password2" type="password" autoComplete="new-password" required minLength={10} label={t("users.password.repeat")} errors={errors} />
        <button type="submit" name="op" value="password" disabled={self}>
          {t("users.resetSubmit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
