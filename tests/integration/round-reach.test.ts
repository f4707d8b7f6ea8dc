import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plannedAnswers, shippedDefinition } from "../support/citizen-form";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";
import { dialect } from "../support/test-db";

// Reaching a round's sample: e-mail through a real SMTP server started here on loopback (the
// app is configured with its SMTP_URL like any mail server), the SMS/Zalo gateway file,
// reminders only to those who have not answered, and letters returned undeliverable.

interface Mail {
  to: string;
  text: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let app: TestApp;
let admin: string;
let roundId = 0;

const frame =
  "dossier,unit,service,completedAt,name,phone,email\n" +
  Array.from({ length: 6 }, (_, i) => `H-${i},X1,1.001612,2026-03-0${i + 1},Trần Văn Bình ${i},09000000${10 + i},${i === 5 ? "" : `nguoi${i}@thu.vn`}`).join("\n");

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "Sở Nội vụ <khao-sat@thu.vn>" });
  await seedSmallProvince(app);
  admin = await createToken(app, "admin", null);
  const created = await api(app, "/api/v1/rounds", { method: "POST", token: admin, json: { name: "Đợt thử thư", survey: "sipas-2017", unit: "X1", from: "2026-03-01", to: "2026-03-31", seed: "thu" } });
  roundId = created.body.id;
  expect((await api(app, `/api/v1/rounds/${roundId}/frame`, { method: "POST", token: admin, body: frame })).status).toBe(200);
  expect((await api(app, `/api/v1/rounds/${roundId}/draw`, { method: "POST", token: admin })).body.drawn).toBe(6);
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe(`reaching a round's sample [${dialect()}]`, () => {
  it("e-mails each drawn dossier with an address once, with its code and link", async () => {
    const r = await api(app, `/api/v1/rounds/${roundId}/email`, { method: "POST", token: admin, json: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ sent: 5, failed: 0 });
    expect(mails.map((m) => m.to).sort()).toEqual(["nguoi0@thu.vn", "nguoi1@thu.vn", "nguoi2@thu.vn", "nguoi3@thu.vn", "nguoi4@thu.vn"]);
    expect(mails[0].text).toMatch(/\/moi\/hli_/);
    const again = await api(app, `/api/v1/rounds/${roundId}/email`, { method: "POST", token: admin, json: {} });
    expect(again.body).toEqual({ sent: 0, failed: 0 });
    const progress = await api(app, `/api/v1/rounds/${roundId}/progress`, { token: admin });
    expect(progress.body.totals.invited).toBe(5);
    expect((await api(app, `/api/v1/rounds/${roundId}/email`, { method: "POST", token: await createToken(app, "unit-manager", "X1"), json: {} })).status).toBe(403);
  });

  it("writes the SMS/Zalo file and reminds only those who have not answered", async () => {
    const sms = await fetch(`${app.url}/api/v1/rounds/${roundId}/sms.csv`, { headers: { authorization: `Bearer ${admin}` } });
    const lines = Buffer.from(await sms.arrayBuffer()).subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("phone,message");
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^0900000\d{3},.*[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}.*\/moi\/hli_/);

    const sample = Buffer.from(await (await fetch(`${app.url}/api/v1/rounds/${roundId}/sample.csv`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer())
      .subarray(3).toString("utf8").trim().split("\r\n").slice(1).map((l) => l.split(","));
    const [first, second] = sample;
    const answered = await api(app, "/api/v1/responses", { method: "POST", token: admin, json: { id: randomUUID(), code: first[0], channel: "phone", answers: plannedAnswers(shippedDefinition("sipas-2017")) } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    const returned = await api(app, `/api/v1/rounds/${roundId}/undeliverable`, { method: "POST", token: admin, json: { codes: [second[0]] } });
    expect(returned.body).toEqual({ marked: 1 });

    // The code typed on /ma-phieu opens the same single-use link; a used or wrong code does not.
    const third = sample[2];
    const typed = await fetch(`${app.url}/ma-phieu`, { method: "POST", redirect: "manual", body: new URLSearchParams({ code: third[0].toLowerCase() }) });
    expect(typed.status).toBe(302);
    expect(typed.headers.get("location")).toBe(new URL(third[4]).pathname);
    for (const code of [first[0], "2222-2222"]) {
      const refused = await fetch(`${app.url}/ma-phieu`, { method: "POST", redirect: "manual", body: new URLSearchParams({ code }) });
      expect(refused.status).toBe(400);
    }

    mails.length = 0;
    const reminders = await api(app, `/api/v1/rounds/${roundId}/email`, { method: "POST", token: admin, json: { reminderDays: 0 } });
    expect(reminders.status).toBe(200);
    // 5 with e-mail, minus the one who answered and the one returned undeliverable (if it had e-mail).
    const expected = sample.filter((s) => s !== first && s !== second && !s[1].endsWith("5")).length;
    expect(reminders.body.sent).toBe(expected);
    expect(mails.every((m) => m.text.includes("Nh"))).toBe(true);
    const progress = await api(app, `/api/v1/rounds/${roundId}/progress`, { token: admin });
    expect(progress.body.totals).toMatchObject({ responded: 1, undeliverable: 1, byChannel: { phone: 1 } });
    expect(progress.body.totals.responseRate).toBeCloseTo(1 / 5, 12);
  });
});
