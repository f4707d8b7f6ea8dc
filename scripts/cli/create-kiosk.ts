import { formatDate } from "../../app/metrics/format";
import { vnDate } from "../../app/metrics/periods";
import { translator } from "../../app/i18n/i18n.server";
import { publicBase, registerKiosk, SETUP_DAYS } from "../../app/server/kiosks.server";
import { createHasher, loadSecretKey } from "../../app/server/secrets.server";
import { CliError, EXIT_OK, parseOptions, required, type CliContext } from "./context";
import { ensureDatabase } from "./ensure";

/**
 * `create-kiosk --unit CODE [--counter NAME] [--survey SLUG]`: the same registration as the
 * console page (app/server/kiosks.server.ts); prints the set-up URL and the token once.
 */
export async function createKiosk(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { unit: { type: "string" }, counter: { type: "string" }, survey: { type: "string" } });
  const unit = required(values.unit, "unit");
  const db = ctx.db();
  await ensureDatabase(db);
  const hasher = createHasher(loadSecretKey(ctx.env.SECRET_KEY, ctx.env.SECRET_KEY_FILE));
  const result = await registerKiosk(
    { db, hasher },
    { unit, counter: values.counter, survey: values.survey },
    { actor: "cli", baseUrl: publicBase({ env: ctx.env }), scopeUnitId: null },
  );
  if (!result.ok) {
    const t = translator("vi");
    throw new CliError(Object.entries(result.errors).map(([field, key]) => `${field}: ${t(key as string)}`).join("; "));
  }
  const k = result.kiosk;
  ctx.io.out(`Đã tạo kiosk #${k.kioskId} cho đơn vị ${unit}${values.counter ? `, ${values.counter}` : ""} (kiosk created).`);
  ctx.io.out(`Đường dẫn cài đặt, dùng một lần, hết hạn ${formatDate(vnDate(k.expiresAt))} (one-time setup URL, valid ${SETUP_DAYS} days):`);
  ctx.io.out(k.setupUrl);
  ctx.io.out("Mã thiết bị cho thiết bị cài tay (device bearer token, for devices set up by hand):");
  ctx.io.out(k.token);
  ctx.io.out("Các mã này chỉ hiện MỘT LẦN (shown only once).");
  return EXIT_OK;
}
