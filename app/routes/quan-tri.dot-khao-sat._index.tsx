import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Csrf, Field, FormErrors } from "~/components/console/field";
import { ROUND_STATUS_KEYS } from "~/components/console/round-status";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useTranslation } from "~/i18n/use-translation";
import { pageLocale } from "~/i18n/i18n.server";
import { requireConsoleAction, requireConsoleUser } from "~/server/console.server";
import { consoleOp, principalOfUser } from "~/server/round-console.server";
import { createRound, roundsOf } from "~/server/rounds.server";
import { listPublished } from "../../db/queries/surveys";
import { listUnits } from "../../db/queries/units";

// Survey rounds (đợt khảo sát): the list, and a new round (administrators).

export const meta: MetaFunction = () => [{ title: "Đợt khảo sát — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.dot-khao-sat._index";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const { db } = context.services;
  const [rounds, surveys, units] = await Promise.all([roundsOf(db, principalOfUser(user)), listPublished(db), listUnits(db)]);
  return {
    csrf: user.csrfToken,
    canChange: user.role === "admin",
    rounds,
    surveys: [...new Set(surveys.map((s) => s.slug))],
    units: units.filter((u) => u.valid_to === null).map((u) => ({ code: u.code, name: u.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireConsoleAction(context.services, request, ROUTE);
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const num = (name: string) => (text(name) === "" ? undefined : Number(text(name).replace(",", ".")));
  const body = { name: text("name"), survey: text("survey"), unit: text("unit"), from: text("from"), to: text("to"), margin: num("margin"), overdraw: num("overdraw"), seed: text("seed") || undefined };
  const outcome = await consoleOp(await pageLocale(request), () => createRound(context.services, principalOfUser(user), body));
  if (outcome.data.ok && outcome.data.result) return redirect(`/quan-tri/dot-khao-sat/${outcome.data.result.id}`);
  return outcome;
}

export default function Rounds() {
  const { t } = useTranslation();
  const { csrf, canChange, rounds, surveys, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? { ...result.fields, ...(result.message ? { form: result.message } : {}) } : undefined;
  return (
    <section>
      <h1>{t("rounds.page.title")}</h1>
      <p>{t("rounds.page.intro")}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("rounds.page.name")}</th>
              <th scope="col">{t("rounds.page.survey")}</th>
              <th scope="col">{t("rounds.page.unit")}</th>
              <th scope="col">{t("rounds.page.window")}</th>
              <th scope="col">{t("rounds.page.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/quan-tri/dot-khao-sat/${r.id}`}>{r.name}</Link>
                </td>
                <td>{`${r.survey} v${r.version}`}</td>
                <td>{r.unit}</td>
                <td>{`${r.from} – ${r.to}`}</td>
                <td>{t(ROUND_STATUS_KEYS[r.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canChange ? (
        <>
          <h2>{t("rounds.page.create")}</h2>
          <Form method="post" className="stack narrow">
            <Csrf token={csrf} />
            <FormErrors errors={errors} />
            <Field name="name" required label={t("rounds.page.name")} errors={errors} />
            <label>
              {t("rounds.page.survey")}
              <select name="survey" defaultValue="sipas-2017">
                {surveys.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("rounds.page.unit")}
              <select name="unit">
                {units.map((u) => (
                  <option key={u.code} value={u.code}>{`${u.name} (${u.code})`}</option>
                ))}
              </select>
            </label>
            <Field name="from" type="date" required label={t("rounds.page.from")} errors={errors} />
            <Field name="to" type="date" required label={t("rounds.page.to")} errors={errors} />
            <Field name="margin" inputMode="decimal" defaultValue="0.05" label={t("rounds.page.margin")} errors={errors} />
            <Field name="overdraw" inputMode="decimal" defaultValue="1" label={t("rounds.page.overdraw")} errors={errors} />
            <Field name="seed" label={t("rounds.page.seed")} errors={errors} />
            <button type="submit">{t("rounds.page.createSubmit")}</button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
