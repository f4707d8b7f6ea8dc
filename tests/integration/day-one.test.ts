// Day one of a new province without the demo, as README "Một tỉnh mới, không có dữ liệu mẫu"
// tells it: a start with SEED_DEMO=0 prints the remaining commands; running exactly those
// (through the CLI, with the README's files) leaves a province whose administrator signs in,
// whose citizens open the form of a unit's procedure, and whose kiosk is configured.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../app/server/bootstrap.server";
import { runCli } from "../../scripts/cli/run";
import type { CliIo } from "../../scripts/cli/context";
import { dayOneLines } from "../../scripts/day-one";
import { startServer, type RunningServer } from "../../scripts/server";
import { createTestDb, type TestDb } from "../support/test-db";

const SECRET_KEY = "day-one-secret-key-0123456789abcdefghijkl";
const PASSWORD = "mật-khẩu-đủ-dài";

/** The files README's walk-through shows, word for word. */
const FILES: Record<string, string> = {
  "don-vi.csv": "code,name,parent,level\nT01,Tỉnh Thử Nghiệm,,tinh\nT01.SNV,Sở Nội vụ,T01,so\nT01.X-AN-BINH,Xã An Bình,T01,xa\n",
  "thu-tuc.csv": "code,name,field,level\n1.001612,Đăng ký thành lập hộ kinh doanh,Đăng ký kinh doanh,xa\n1.001193,Đăng ký khai sinh,Hộ tịch,xa\n",
  "thu-tuc-don-vi.csv": "unit,service\nT01.X-AN-BINH,1.001612\nT01.X-AN-BINH,1.001193\n",
};

let t: TestDb;
let dir: string;
let server: RunningServer | undefined;

beforeAll(async () => {
  t = await createTestDb();
  await prepareDatabase(t.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-day-one-"));
  for (const [name, content] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), content);
});
afterAll(async () => {
  await server?.close();
  await t?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs one printed command line (`[echo '…' |] npm run cli -- …`) as the shell would. */
async function runPrinted(line: string): Promise<{ code: number; out: string[] }> {
  const stdin = /^echo '([^']*)' \| /.exec(line)?.[1] ?? "";
  const argv = [...line.replace(/^.*npm run cli -- /, "").matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]).map((a) => (FILES[a] ? path.join(dir, a) : a));
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l), progress: () => {}, readLine: async () => stdin };
  const code = await runCli(argv, { db: t.db, io, env: { DATABASE_URL: t.url, SECRET_KEY, SEED_DEMO: "0", PORT: "3999" } });
  return { code, out };
}

const commands = (lines: string[]) => lines.filter((l) => l.includes("npm run cli -- ")).map((l) => l.trim());

describe("day one without the demo", () => {
  it("prints the remaining commands, and running them one by one sets the province up", async () => {
    const first = await dayOneLines(t.db);
    expect(commands(first)).toEqual([
      `echo '${PASSWORD}' | npm run cli -- create-user --username quantri --role admin --password-stdin`,
      "npm run cli -- import-units don-vi.csv",
      "npm run cli -- import-services thu-tuc.csv",
      "npm run cli -- import-offerings thu-tuc-don-vi.csv",
      'npm run cli -- create-kiosk --unit MA-DON-VI --counter "Quầy 1"',
    ]);
    let kioskToken = "";
    for (let guard = 0; guard < 6; guard++) {
      const [next] = commands(await dayOneLines(t.db));
      if (!next) break;
      const { code, out } = await runPrinted(next);
      expect(code, `${next}\n${out.join("\n")}`).toBe(0);
      if (next.includes("create-kiosk")) {
        // Once units handle procedures, the printed example is a real unit.
        expect(next).toContain("--unit T01.X-AN-BINH");
        kioskToken = out[out.indexOf(out.find((l) => l.startsWith("Mã thiết bị"))!) + 1];
      }
    }
    expect(await dayOneLines(t.db)).toEqual([]);
    expect(kioskToken).toMatch(/^hlk_/);

    server = await startServer({ db: t.db, env: { DATABASE_URL: t.url, PORT: "0", HOST: "127.0.0.1", SECRET_KEY, SEED_DEMO: "0", NODE_ENV: "test" } });
    const signIn = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams({ username: "quantri", password: PASSWORD, redirectTo: "/quan-tri" }).toString(),
    });
    expect(signIn.status).toBe(302);
    const list = await (await fetch(`${server.url}/danh-gia/T01.X-AN-BINH`)).text();
    expect(list).toContain("Đăng ký khai sinh");
    const form = await fetch(`${server.url}/danh-gia/T01.X-AN-BINH/1.001612`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Bước 1/");
    const config = await fetch(`${server.url}/api/v1/kiosk/config`, { headers: { authorization: `Bearer ${kioskToken}` } });
    expect(config.status).toBe(200);
    expect(((await config.json()) as { services: unknown[] }).services).toHaveLength(2);
  });
});
