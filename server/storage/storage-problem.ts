// Names a storage failure by what the organiser can do about it, from the SQLite result code
// better-sqlite3 puts on its SqliteError (`code`, e.g. SQLITE_FULL, SQLITE_READONLY_DIRECTORY).
import type { StorageProblemKind } from '../../shared/storage-problem.js';

// The start-up check also asks the file system (fs.accessSync) before SQLite touches the file,
// so Node's codes for the same causes are named too.
const FS_KINDS = new Map<string, StorageProblemKind>([
  ['ENOSPC', 'disk-full'],
  ['EDQUOT', 'disk-full'],
  ['EROFS', 'read-only'],
  ['EACCES', 'read-only'],
  ['EPERM', 'read-only'],
  ['EIO', 'io-error'],
]);

/** The kind of storage failure `error` is; 'unknown' for anything unrecognised. */
export function classifyStorageError(error: unknown): StorageProblemKind {
  const code = errorCode(error) ?? '';
  if (!code.startsWith('SQLITE_')) return FS_KINDS.get(code) ?? 'unknown';
  const base = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  switch (base) {
    case 'SQLITE_FULL':
      return 'disk-full';
    // Extended codes only name the cause (…_DIRECTORY, …_DBMOVED, …_CANTINIT): all mean "cannot write here".
    case 'SQLITE_READONLY':
      return 'read-only';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'corrupt';
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
      return 'io-error';
    default:
      return 'unknown';
  }
}

/** One line about the error for the terminal: its code and SQLite's (or Node's) own words. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : null;
}
