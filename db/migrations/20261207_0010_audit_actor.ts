import type { Kysely } from "kysely";

// Frozen once merged: never edit, add a new migration instead. Imports nothing from the app.
//
// One audit actor format (issue 16): `user:<id>` for people, `cli`, `system`. Older rows named
// people by bare username or `user:<username>`, so filtering the log by actor missed them.

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
  const users: Array<{ id: number; username: string }> = await db.selectFrom("app_user").select(["id", "username"]).execute();
  for (const u of users) {
    // A username equal to a reserved actor word stays as it is: it cannot be told apart.
    const names = [`user:${u.username}`, ...(["cli", "system"].includes(u.username) ? [] : [u.username])];
    await db.updateTable("audit_log").set({ actor: `user:${u.id}` }).where("actor", "in", names).execute();
  }
}

export async function down(): Promise<void> {
  // The old mixture is not worth restoring.
}
