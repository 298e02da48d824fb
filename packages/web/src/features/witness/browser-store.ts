// A small key-value store in the browser's IndexedDB, for what an official's
// browser keeps and never sends: the witness's secret key, the last checkpoint
// it cosigned, the evidence of a refused round, and the last checkpoint this
// browser verified. Values are structured-cloned (Uint8Array kept as is).

const DB_NAME = 'alutrace-official';
const STORE = 'kv';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      let value: T;
      request.onsuccess = () => {
        value = request.result as T;
      };
      // Resolved once the transaction is durable, not merely once the request succeeded.
      tx.oncomplete = () => resolve(value);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB request failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function readValue<T>(key: string): Promise<T | null> {
  const value = await run<T | undefined>('readonly', (s) => s.get(key));
  return value ?? null;
}

export async function writeValue(key: string, value: unknown): Promise<void> {
  await run('readwrite', (s) => s.put(value, key));
}

export async function deleteValue(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
