import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Csrf, Field, FieldError, FormErrors } from "~/components/console/field";
import { LevelSelect, UnitInput } from "~/components/console/unit-input";
import { NEW_UNIT_LEVELS } from "~/org/levels";
import { SavedNotice } from "~/components/console/list-controls";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/metrics/format";
import { assertUnitScope, forbidden, invalid, notFound, opOf, parseForm, requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { saveUnit, saveUnitServices, unitSchema, unitServicesSchema } from "~/server/org.server";
import { serviceCodesOf } from "../../db/queries/org";
import { listServices } from "../../db/queries/services";
import { getUnitByCode, listUnits } from "../../db/queries/units";
import type { Db } from "../../db/index";
import { QrPoster, UnitQrSection, type PosterKind } from "~/components/console/unit-qr";
import { publicBase } from "~/server/kiosks.server";
import { qrSvg } from "~/server/qr.server";

export const meta: MetaFunction = () => [{ title: "Đơn vị — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.don-vi.$code";

async function loadUnit(db: Db, code: string | undefined) {
  return (code ? await getUnitByCode(db, code) : undefined) ?? notFound();
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const db = context.services.db;
  const unit = await loadUnit(db, params.code);
  await assertUnitScope(db, user, unit.id);
  const [units, services, offered] = await Promise.all([listUnits(db), listServices(db), serviceCodesOf(db, unit.id)]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const citizenUrl = `${publicBase(context.services, request)}/danh-gia/${encodeURIComponent(unit.code)}`;
  const print = new URL(request.url).searchParams.get("in");
  return {
    citizen: { url: citizenUrl, svg: await qrSvg(citizenUrl) },
    print: print === "a4" || print === "bien-nhan" ? (print as PosterKind) : null,
    csrf: user.csrfToken,
    canEditUnit: user.role === "admin",
    unit: { code: unit.code, name: unit.name, level: unit.level, parent: byId.get(unit.parent_id ?? -1)?.code ?? "", validTo: unit.valid_to, successor: byId.get(unit.successor_id ?? -1)?.code ?? null },
    units: units.filter((u) => !u.valid_to).map((u) => ({ code: u.code, name: u.name })),
    services: services.map((s) => ({ code: s.code, name: s.name, field: s.field })),
    offered,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const db = context.services.db;
  const unit = await loadUnit(db, params.code);
  await assertUnitScope(db, user, unit.id);
  const op = opOf(form);
  if (op === "services") {
    const parsed = parseForm(unitServicesSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const errors = await saveUnitServices(db, unit.id, unit.code, parsed.data.services, user.username);
    return errors ? invalid(errors) : data({ ok: true as const, errors: {} });
  }
  if (op === "update") {
    // Renaming and moving units is for admins; unit managers choose their services.
    if (user.role !== "admin") forbidden();
    form.set("code", unit.code);
    const parsed = parseForm(unitSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const errors = await saveUnit(db, parsed.data, user.username, "update");
    return errors ? invalid(errors) : data({ ok: true as const, errors: {} });
  }
  return invalid({ form: "console.errors.invalid" });
}

export default function UnitDetail() {
  const { t } = useTranslation();
  const { csrf, canEditUnit, unit, units, services, offered, citizen, print } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  if (print) return <QrPoster kind={print} unitName={unit.name} url={citizen.url} svg={citizen.svg} />;
  return (
    <section>
      <p>
        <Link to="/quan-tri/don-vi">{t("org.units.back")}</Link>
      </p>
      <h1>
        {unit.name} <code>{unit.code}</code>
      </h1>
      {unit.validTo ? <p className="closed">{t("org.closedOn", { date: formatDate(unit.validTo), successor: unit.successor ?? "—" })}</p> : null}
      <SavedNotice show={result?.ok} />
      <FormErrors errors={errors} />
      {unit.validTo ? null : <UnitQrSection unitName={unit.name} url={citizen.url} svg={citizen.svg} />}
      {canEditUnit ? (
        <>
          <h2>{t("org.units.edit")}</h2>
          <Form method="post" className="stack narrow">
            <Csrf token={csrf} />
            <Field name="name" required defaultValue={unit.name} label={t("org.name")} errors={errors} />
            <LevelSelect name="level" label={t("org.level")} levels={NEW_UNIT_LEVELS} defaultValue={unit.level} errors={errors} />
            <UnitInput name="parent" label={t("org.units.parent")} units={units} defaultValue={unit.parent} errors={errors} />
            <button type="submit" name="op" value="update">
              {t("console.save")}
            </button>
          </Form>
        </>
      ) : null}
      <h2>{t("org.units.services")}</h2>
      <Form method="post">
        <Csrf token={csrf} />
        <FieldError name="services" errors={errors} />
        <fieldset>
          <legend>{t("org.units.servicesHelp")}</legend>
          {services.map((s) => (
            <label key={s.code} className="check">
              <input type="checkbox" name="services" value={s.code} defaultChecked={offered.includes(s.code)} />
              {s.name} <code>{s.code}</code> · {s.field}
            </label>
          ))}
        </fieldset>
        <button type="submit" name="op" value="services">
          {t("console.save")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
