import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Quản trị — Hài Lòng" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.services, request);
  return null;
}

export default function AdminHome() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
    </section>
  );
}
