// A few promise helpers over IndexedDB for the kiosk (browser only). Writes use "strict"
// durability: a response is on disk before the citizen sees the thank-you screen.

const DB_NAME = "hailong-kiosk";
const DB_VERSION = 1;
export type StoreName = "queue" | "rejected" | "meta";

let opening: Promise<IDBDatabase> | null = null;

export function openKioskDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "id" }).createIndex("queuedAt", "queuedAt");
      if (!db.objectStoreNames.contains("rejected")) db.createObjectStore("rejected", { keyPath: "id" });
      if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
    };
    req.onsuccess = () => {
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

/** Runs `work` in one transaction and resolves with its result once the transaction has committed. */
export async function inTransaction<T>(
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await openKioskDb();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = mode === "readwrite" ? db.transaction(stores, mode, { durability: "strict" }) : db.transaction(stores, mode);
    const req = work(tx);
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

export const idb = {
  get: <T>(store: StoreName, key: IDBValidKey) => inTransaction<T>([store], "readonly", (tx) => tx.objectStore(store).get(key)),
  getAll: <T>(store: StoreName) => inTransaction<T[]>([store], "readonly", (tx) => tx.objectStore(store).getAll()).then((r) => r ?? []),
  count: (store: StoreName) => inTransaction<number>([store], "readonly", (tx) => tx.objectStore(store).count()).then((n) => n ?? 0),
  put: (store: StoreName, value: unknown, key?: IDBValidKey) =>
    inTransaction([store], "readwrite", (tx) => {
      tx.objectStore(store).put(value, key);
    }),
  delete: (store: StoreName, key: IDBValidKey) =>
    inTransaction([store], "readwrite", (tx) => {
      tx.objectStore(store).delete(key);
    }),
};
