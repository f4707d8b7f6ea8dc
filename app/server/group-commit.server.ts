import type { Db } from "../../db/index";
import { findStored, insertResponses, type PreparedInsert } from "../../db/queries/responses";

export type CommitOutcome =
  | { status: "created" }
  | { status: "duplicate" }
  | { status: "conflict"; reason: "changed" | "dossier" };

interface Pending {
  item: PreparedInsert;
  resolve: (o: CommitOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: submissions that arrive while a commit is running share the next one.
 * With synchronous=FULL every commit costs an fsync, so one commit for many requests
 * keeps full durability at batch speed. A promise resolves only after its commit.
 */
export class GroupCommitter {
  private queue: Pending[] = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 500,
  ) {}

  submit(item: PreparedInsert): Promise<CommitOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  submitMany(items: PreparedInsert[]): Promise<CommitOutcome[]> {
    return Promise.all(items.map((i) => this.submit(i)));
  }

  /** Resolves when everything queued so far is committed (used at shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length || this.running) await new Promise((r) => setTimeout(r, 5));
  }

  private schedule() {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.running || !this.queue.length) return;
    this.running = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const outcomes = await this.commit(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch {
      // One bad item must not fail its neighbours: retry each in its own transaction.
      for (const p of batch) {
        try {
          p.resolve((await this.commit([p.item]))[0]);
        } catch (error) {
          p.reject(error);
        }
      }
    } finally {
      this.running = false;
      if (this.queue.length) this.schedule();
    }
  }

  private commit(items: PreparedInsert[]): Promise<CommitOutcome[]> {
    return this.db.transaction().execute(async (trx) => {
      const stored = await findStored(
        trx,
        [...new Set(items.map((i) => i.response.id))],
        [...new Set(items.flatMap((i) => (i.response.dossier_hash ? [i.response.dossier_hash] : [])))],
      );
      const existing = stored.hashes;
      const dossiers = stored.dossiers;
      const outcomes: CommitOutcome[] = [];
      const toInsert: PreparedInsert[] = [];
      for (const item of items) {
        const r = item.response;
        const seen = existing.get(r.id);
        if (seen !== undefined) {
          outcomes.push(seen === r.content_hash ? { status: "duplicate" } : { status: "conflict", reason: "changed" });
          continue;
        }
        const dossierKey = r.dossier_hash ? `${r.survey_id}:${r.dossier_hash}` : null;
        if (dossierKey && dossiers.has(dossierKey)) {
          outcomes.push({ status: "conflict", reason: "dossier" });
          continue;
        }
        existing.set(r.id, r.content_hash);
        if (dossierKey) dossiers.add(dossierKey);
        toInsert.push(item);
        outcomes.push({ status: "created" });
      }
      await insertResponses(trx, toInsert);
      return outcomes;
    });
  }
}
