import Database from "better-sqlite3";
const db = new Database("/work/bench/1m.sqlite", { readonly: true });
const q = `select p.id, p.survey_version_id, p.submitted_date, p.unit_id, p.service_id, p.channel, p.locale, p.answers_folded from response p
 where p.survey_id = 1 and p.submitted_date >= '2026-01-01' and p.submitted_date <= '2026-12-31' and p.received_at <= '2026-11-25T09:00:00Z'
 and (p.submitted_date, p.id) > (?, ?) order by p.submitted_date, p.id limit 2000`;
console.log(db.prepare("explain query plan " + q).all("", ""));
const sid = db.prepare("select survey_id from survey_version where id=1").get();
console.log(sid);
const st = db.prepare(q);
for (let k = 0; k < 2; k++) {
  let after = ["", ""]; let rows = 0; const t0 = performance.now();
  for (;;) { const page = st.all(after[0], after[1]) as any[]; if (!page.length) break; rows += page.length; const l = page[page.length-1]; after = [l.submitted_date, l.id]; }
  const ms = performance.now() - t0; console.log(rows, Math.round(rows / (ms/1000)), "rows/s raw");
}
const t1 = performance.now(); let n = 0;
for (const r of db.prepare("select p.id, p.survey_version_id, p.submitted_date, p.unit_id, p.service_id, p.channel, p.locale, p.answers_folded from response p").iterate()) n++;
console.log("table order full scan", Math.round(n / ((performance.now()-t1)/1000)), "rows/s");
