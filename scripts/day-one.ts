// A start without the demo (SEED_DEMO=0) on a database that is not set up yet: print the
// exact commands that remain, in order (first administrator, units, procedures, which unit
// handles which procedure, kiosks). README "A province without the demo" walks the same
// steps, and tests/integration/day-one.test.ts runs them.
import type { Db } from "../db/index";
import { countSetup, type SetupCounts } from "../db/queries/setup";

export interface SetupStep {
  /** What the step gives the province, in Vietnamese (English in brackets). */
  what: string;
  command: string;
}

/** The remaining steps for what the database holds, in the order they must run. */
export function remainingSteps(c: SetupCounts): SetupStep[] {
  const steps: SetupStep[] = [];
  if (c.admins === 0) {
    steps.push({
      what: "Tạo tài khoản quản trị đầu tiên (the first administrator)",
      command: "echo 'mật-khẩu-đủ-dài' | npm run cli -- create-user --username quantri --role admin --password-stdin",
    });
  }
  if (c.units === 0) steps.push({ what: "Nhập đơn vị: cột code,name,parent,level (units)", command: "npm run cli -- import-units don-vi.csv" });
  if (c.services === 0) steps.push({ what: "Nhập thủ tục hành chính: cột code,name,field,level (procedures)", command: "npm run cli -- import-services thu-tuc.csv" });
  if (c.offerings === 0) {
    steps.push({ what: "Nhập thủ tục mỗi đơn vị giải quyết: cột unit,service (which unit handles which procedure)", command: "npm run cli -- import-offerings thu-tuc-don-vi.csv" });
  }
  if (c.kiosks === 0) steps.push({ what: "Đăng ký máy đánh giá tại quầy (a counter kiosk, optional)", command: `npm run cli -- create-kiosk --unit ${c.exampleUnit ?? "MA-DON-VI"} --counter "Quầy 1"` });
  return steps;
}

/** The lines `npm start` prints with SEED_DEMO=0 while set-up is incomplete (none when done). */
export async function dayOneLines(db: Db): Promise<string[]> {
  const steps = remainingSteps(await countSetup(db));
  if (!steps.length) return [];
  return [
    "Chưa có dữ liệu mẫu (SEED_DEMO=0). Các bước còn lại để bắt đầu (remaining set-up steps):",
    ...steps.flatMap((s, i) => [`  ${i + 1}. ${s.what}`, `     ${s.command}`]),
    "Hướng dẫn đầy đủ (full walk-through): README.md, \"Một tỉnh mới, không có dữ liệu mẫu\".",
  ];
}
