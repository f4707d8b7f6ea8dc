import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export type PosterKind = "a4" | "bien-nhan";
interface QrProps {
  unitName: string;
  url: string;
  /** Inline SVG made on the server by the qrcode library from our own URL, never from input. */
  svg: string;
}

function QrImage({ svg, label, className }: { svg: string; label: string; className: string }) {
  return <div className={className} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** The unit's citizen link, its QR code, and the two printable forms of it. */
export function UnitQrSection({ unitName, url, svg }: QrProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="unit-link-title" className="unit-qr">
      <h2 id="unit-link-title">{t("org.qr.title")}</h2>
      <p>{t("org.qr.help")}</p>
      <p>
        <a href={url}>{url}</a>
      </p>
      <QrImage svg={svg} label={t("org.qr.image", { unit: unitName })} className="qr" />
      <ul className="link-row">
        <li>
          <Link to="?in=a4">{t("org.qr.poster")}</Link>
        </li>
        <li>
          <Link to="?in=bien-nhan">{t("org.qr.receipt")}</Link>
        </li>
      </ul>
    </section>
  );
}

/** What is printed: an A4 poster for the counter wall, or a QR small enough for a receipt. */
export function QrPoster({ kind, unitName, url, svg }: QrProps & { kind: PosterKind }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="no-print">
        <Link to=".">{t("org.qr.back")}</Link> ·{" "}
        <button type="button" onClick={() => window.print()}>
          {t("org.qr.print")}
        </button>
      </p>
      <article className={kind === "a4" ? "qr-poster" : "qr-receipt"} data-testid="qr-print">
        {kind === "a4" ? <h1>{t("org.qr.posterTitle")}</h1> : null}
        <p className="qr-unit">{unitName}</p>
        <QrImage svg={svg} label={t("org.qr.image", { unit: unitName })} className="qr" />
        <p className="qr-step">{t("org.qr.scan")}</p>
        <p className="qr-url">{url}</p>
      </article>
    </>
  );
}
