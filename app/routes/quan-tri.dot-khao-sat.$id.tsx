import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Csrf } from "~/components/console/field";
import { ROUND_STATUS_KEYS } from "~/components/console/round-status";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useTranslation } from "~/i18n/use-translation";
import { pageLocale } from "~/i18n/i18n.server";
import { requireConsoleUser } from "~/server/console.server";
import { publicBase } from "~/server/invitations.server";
import { consoleOp, principalOfUser } from "~/server/round-console.server";
import { drawRound } from "~/server/round-draw.server";
import { FRAME_MAX_BYTES, importFrame } from "~/server/round-frame.server";
import { sendRoundEmail } from "~/server/round-reach.server";
import { closeRound, roundFor, roundProgress, toView } from "~/server/rounds.server";
import { principalActor } from "~/server/principal.server";
import { requireUploadAction } from "~/server/upload.server";

// One survey round: progress per unit, the frame upload, the draw, the mailing files, e-mail
// and close. Changes are for administrators; unit managers read their subtree's rounds.

export const meta: MetaFunction = () => [{ title: "Đợt khảo sát — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/console.css" }];
const ROUTE = "routes/quan-tri.dot-khao-sat.$id";

async function load(context: LoaderFunctionArgs["context"], principal: ReturnType<typeof principalOfUser>, id: string | undefined, write: boolean) {
  try {
    return await roundFor(context.services.db, principal, id, write);
  } catch {
    throw new Response("Not found", { status: 404 });
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireConsoleUser(context.services, request, ROUTE);
  const { round } = await load(context, principalOfUser(user), params.id, false);
  return { csrf: user.csrfToken, canChange: user.role === "admin", round: toView(round), progress: await roundProgress(context.services.db, round) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form, file } = await requireUploadAction(context.services, request, ROUTE, FRAME_MAX_BYTES);
  const { round, principal } = await load(context, principalOfUser(user), params.id, true);
  const locale = await pageLocale(request);
  const actor = principalActor(principal);
  switch (String(form.get("op") ?? "")) {
    case "frame": {
      const out = await consoleOp(locale, async () => {
        const r = await importFrame(context.services, round, file?.bytes ?? new Uint8Array(), actor, locale);
        return { kind: "frame" as const, ...r.body, ok: r.ok };
      });
      // A rejected list stores nothing: the page says why, with the status of a refused form.
      return out.data.result && !out.data.result.ok ? data(out.data, { status: 400 }) : out;
    }
    case "draw":
      return consoleOp(locale, async () => ({ kind: "draw" as const, ...(await drawRound(context.services, round, actor)) }));
    case "email":
      return consoleOp(locale, async () => ({ kind: "email" as const, ...(await sendRoundEmail(context.services, round, publicBase(context.services, request), null)) }));
    case "close":
      return consoleOp(locale, async () => ({ kind: "close" as const, ...(await closeRound(context.services.db, round, actor)) }));
    default:
      throw new Response("Bad request", { status: 400 });
  }
}

const pct = (v: number | null) => (v === null ? "—" : `${(100 * v).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`);

export default function Round() {
  const { t } = useTranslation();
  const { csrf, canChange, round, progress } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const api = `/api/v1/rounds/${round.id}`;
  const result = outcome?.result ?? null;
  return (
    <section>
      <h1>{round.name}</h1>
      <p>
        {t("rounds.page.summary", { survey: `${round.survey} v${round.version}`, unit: round.unit, from: round.from, to: round.to, margin: round.margin, overdraw: round.overdraw, seed: round.seed })}{" "}
        <strong>{t(ROUND_STATUS_KEYS[round.status])}</strong>
      </p>
      {outcome && !outcome.ok ? (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      ) : null}
      {result && result.kind === "frame" ? (
        <div role="status" className="notice">
          <p>{t(result.ok ? "rounds.page.frameDone" : "rounds.page.frameRejected", { rows: result.rows, accepted: result.accepted, rejected: result.rejected.length })}</p>
          <ul>
            {result.rejected.slice(0, 50).map((r) => (
              <li key={r.row}>{t("rounds.page.rejectedRow", { row: r.row, reason: r.reason })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && result.kind === "draw" ? <p role="status">{t("rounds.page.drawDone", { drawn: result.drawn, seed: result.seed })}</p> : null}
      {result && result.kind === "email" ? <p role="status">{t("rounds.page.emailDone", { sent: result.sent, failed: result.failed })}</p> : null}

      <h2>{t("rounds.page.progress")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("rounds.page.unit")}</th>
              <th scope="col">N</th>
              <th scope="col">n</th>
              <th scope="col">{t("rounds.page.drawn")}</th>
              <th scope="col">{t("rounds.page.invited")}</th>
              <th scope="col">{t("rounds.page.responded")}</th>
              <th scope="col">{t("rounds.page.byChannel")}</th>
              <th scope="col">{t("rounds.page.undeliverable")}</th>
              <th scope="col">{t("rounds.page.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {[...progress.strata.map((s) => ({ ...s, label: `${s.name} (${s.unit})` })), { ...progress.totals, unit: "", label: t("rounds.page.total") }].map((s) => (
              <tr key={s.unit || "total"}>
                <th scope="row">{s.label}</th>
                <td>{s.N}</td>
                <td>{s.n}</td>
                <td>{s.drawn}</td>
                <td>{s.invited}</td>
                <td>{s.responded}</td>
                <td>{t("rounds.page.channels", s.byChannel)}</td>
                <td>{s.undeliverable}</td>
                <td>{pct(s.responseRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {round.status !== "draft" ? (
        <p>
          <a href={`${api}/sample.csv`}>{t("rounds.page.sampleCsv")}</a>
          {canChange && round.status !== "closed" ? (
            <>
              {" · "}
              <a href={`${api}/letters.pdf`}>{t("rounds.page.letters")}</a>
              {" · "}
              <a href={`${api}/sms.csv`}>{t("rounds.page.smsCsv")}</a>
            </>
          ) : null}
        </p>
      ) : null}

      {canChange && round.status === "draft" ? (
        <>
          <h2>{t("rounds.page.frame")}</h2>
          <p>{t("rounds.page.frameHint")}</p>
          <Form method="post" encType="multipart/form-data" className="stack narrow">
            <Csrf token={csrf} />
            <input type="file" name="file" accept=".csv,.xlsx,text/csv" required aria-label={t("rounds.page.frame")} />
            <button type="submit" name="op" value="frame">
              {t("rounds.page.frameSubmit")}
            </button>
          </Form>
          {round.frameRows > 0 ? (
            <Form method="post" encType="multipart/form-data">
              <Csrf token={csrf} />
              <button type="submit" name="op" value="draw">
                {t("rounds.page.draw")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
      {canChange && (round.status === "sampled" || round.status === "fieldwork") ? (
        <Form method="post" encType="multipart/form-data" className="stack narrow">
          <Csrf token={csrf} />
          <button type="submit" name="op" value="email" className="secondary">
            {t("rounds.page.email")}
          </button>
          <p>{t("rounds.page.closeHint")}</p>
          <button type="submit" name="op" value="close" className="secondary">
            {t("rounds.page.close")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
