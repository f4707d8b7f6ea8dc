import { useTranslation } from "~/i18n/use-translation";
import { auditFieldKey } from "./audit-words";

/** A before → after JSON pair as a readable list of the keys that changed. */
export function AuditChange({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const parse = (s: string | null): Record<string, unknown> => {
    if (!s) return {};
    try {
      const v = JSON.parse(s);
      return v && typeof v === "object" && !Array.isArray(v) ? v : { value: v };
    } catch {
      return { value: s };
    }
  };
  const a = parse(before);
  const b = parse(after);
  const show = (v: unknown) => (v === undefined ? "∅" : typeof v === "string" ? v : JSON.stringify(v));
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (!keys.length) return <span>—</span>;
  return (
    <dl className="diff">
      {keys.map((k) => (
        <div key={k}>
          <dt>{t(auditFieldKey(k))}</dt>
          <dd>
            {k in a ? <del>{show(a[k])}</del> : null}
            {k in a && k in b ? " → " : null}
            {k in b ? <ins>{show(b[k])}</ins> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
