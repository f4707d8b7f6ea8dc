import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { requireConsoleUser } from "~/server/console.server";

export const meta: MetaFunction = () => [{ title: "Quản trị — Hài Lòng" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireConsoleUser(context.services, request, "routes/quan-tri._index");
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
