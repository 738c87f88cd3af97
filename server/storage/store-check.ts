// Opening the data file at start-up without making a bad file worse. A damaged file is looked at
// through a read-only connection only (PRAGMA quick_check), so the server refuses it without
// writing a byte to it; a file or folder that cannot be written is refused before SQLite opens it
// for writing. Either way the organiser gets a message naming the file and what to do.
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { translate, type Locale } from '../../shared/i18n/index.js';
import type { StorageProblemKind } from '../../shared/storage-problem.js';
import { classifyStorageError, describeError } from './storage-problem.js';
import { openStore, type Store } from './store.js';

/** The data file cannot be used; nothing was written to it (`existed`: it was there before). */
export class StoreOpenError extends Error {
  constructor(
    readonly kind: StorageProblemKind,
    readonly file: string,
    readonly detail: string,
    readonly existed: boolean,
  ) {
    super(`${kind}: ${file}: ${detail}`);
    this.name = 'StoreOpenError';
  }
}

/** Opens the store at `file` (creating it and its folder if needed) only once it is known to be
 * a sound database that can be written; throws StoreOpenError otherwise. */
export function openCheckedStore(file: string): Store {
  const existed = existsSync(file);
  const refuse = (error: unknown, kind = classifyStorageError(error)) => new StoreOpenError(kind, file, describeError(error), existed);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // SQLite writes its -wal and -shm files beside the database, so the folder must be writable too.
    accessSync(dirname(file), constants.W_OK);
    if (existed) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw refuse(error);
  }
  if (existed) {
    const damage = inspect(file);
    if (damage) throw refuse(damage.error, damage.kind);
  }
  let store: Store | null = null;
  try {
    store = openStore(file);
    probeWrite(store);
    return store;
  } catch (error) {
    store?.close();
    throw refuse(error);
  }
}

/** What is wrong with an existing file, read through a read-only connection; null if nothing. */
function inspect(file: string): { kind: StorageProblemKind; error: unknown } | null {
  // A read-only connection to a WAL database makes the -wal and -shm files if they are missing.
  // They change nothing in the file itself, but a refused file is left exactly as it was found.
  const missing = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  const problem = quickCheck(file);
  if (problem) for (const f of missing) if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f);
  return problem;
}

function quickCheck(file: string): { kind: StorageProblemKind; error: unknown } | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length === 1 && rows[0].quick_check === 'ok') return null;
    // quick_check lists what it found, several lines each; the first few say enough.
    const found = rows.map((r) => r.quick_check.replace(/\s*\n\s*/g, ' ')).join('; ');
    return { kind: 'corrupt', error: new Error(`quick_check: ${found.length > 300 ? `${found.slice(0, 300)}…` : found}`) };
  } catch (error) {
    return { kind: classifyStorageError(error), error };
  } finally {
    db?.close();
  }
}

/** A file the operating system lets SQLite open only for reading opens without complaint, and
 * fails at the first write: find out now. The transaction is rolled back, so nothing is written. */
function probeWrite(store: Store): void {
  const version = store.db.pragma('user_version', { simple: true }) as number;
  store.db.exec('BEGIN');
  try {
    store.db.pragma(`user_version = ${version}`);
  } finally {
    if (store.db.inTransaction) store.db.exec('ROLLBACK');
  }
}

/** The terminal's message for a data file that cannot be used: the file, the cause, what to do. */
export function storeOpenMessage(locale: Locale, error: StoreOpenError): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  return [
    t(`terminal.open.${error.kind}`, { file: resolve(error.file) }),
    t('terminal.open.detail', { detail: error.detail }),
    ...(error.existed ? [t('terminal.open.unchanged')] : []),
    t(`terminal.open.todo.${error.kind}`),
  ].join('\n');
}
