// Issue 5 at start-up: a damaged data file is refused with a message naming it and what to do,
// and is left byte for byte as it was, with no -wal or -shm beside it; a sound one opens with
// everything in it, also when its latest commands are still only in the WAL (a crash).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../server/storage/storage-problem.js';
import { openCheckedStore, storeOpenMessage, StoreOpenError } from '../../server/storage/store-check.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { definition } from '../support/definitions.js';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const s of stores.splice(0)) if (s.db.open) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-check-'));
  dirs.push(dir);
  return dir;
}

/** A real data file with one contest and `commands` commands in it, closed cleanly. */
function realFile(dir: string, commands = 40): string {
  const file = join(dir, 'qiangda.db');
  const store = openStore(file);
  store.createContest({ id: 'c1', createdAt: 1, definition: definition(), source: null, hostKey: 'k', seats: [] });
  store.db.transaction(() => {
    for (let seq = 1; seq <= commands; seq++) {
      store.appendCommand('c1', seq, { type: 'score:adjust', seatId: 's1', delta: 1, reason: `第${seq}条${'理由'.repeat(40)}`, at: seq });
    }
  })();
  store.close();
  return file;
}

/** Expects the file to be refused as `kind`, and left exactly as it was. */
function expectRefused(file: string, kind: string): StoreOpenError {
  const bytes = readFileSync(file);
  const listing = readdirSync(join(file, '..')).sort();
  let caught: unknown = null;
  try {
    stores.push(openCheckedStore(file));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoreOpenError);
  const refused = caught as StoreOpenError;
  expect(refused.kind).toBe(kind);
  expect(refused.existed).toBe(true);
  expect(readFileSync(file).equals(bytes)).toBe(true);
  expect(readdirSync(join(file, '..')).sort()).toEqual(listing);
  return refused;
}

describe('storage failures by SQLite result code', () => {
  it.each([
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DIRECTORY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_CORRUPT', 'corrupt'],
    ['SQLITE_CORRUPT_INDEX', 'corrupt'],
    ['SQLITE_NOTADB', 'corrupt'],
    ['SQLITE_IOERR', 'io-error'],
    ['SQLITE_IOERR_WRITE', 'io-error'],
    ['SQLITE_CANTOPEN', 'io-error'],
    ['SQLITE_BUSY', 'unknown'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'unknown'],
    ['ENOSPC', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
    ['constructor', 'unknown'],
  ])('%s is %s', (code, kind) => {
    expect(classifyStorageError(Object.assign(new Error('x'), { code }))).toBe(kind);
  });

  it('anything without a code is unknown', () => {
    expect(classifyStorageError(new Error('SQLITE_FULL'))).toBe('unknown');
    expect(classifyStorageError('SQLITE_FULL')).toBe('unknown');
    expect(classifyStorageError(null)).toBe('unknown');
  });
});

describe('opening the data file at start-up', () => {
  it('refuses a file that is not a database at all, and leaves it untouched', () => {
    const file = join(tempDir(), 'qiangda.db');
    writeFileSync(file, Buffer.from('这不是数据库。'.repeat(2000)));
    expect(expectRefused(file, 'corrupt').detail).toContain('SQLITE_NOTADB');
  });

  it('refuses a truncated real file, and leaves it untouched', () => {
    const dir = tempDir();
    const file = realFile(dir);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(expectRefused(file, 'corrupt').detail).toMatch(/SQLITE_CORRUPT|quick_check/);
  });

  it('refuses a real file with damaged pages that SQLite still opens (quick_check finds it)', () => {
    const file = realFile(tempDir(), 400);
    const bytes = readFileSync(file);
    // Scribble over the middle of every page after the first two: the header stays valid.
    for (let page = 2; page * 4096 < bytes.length; page++) bytes.fill(0x41, page * 4096 + 1000, page * 4096 + 3000);
    writeFileSync(file, bytes);
    expect(expectRefused(file, 'corrupt').detail).toMatch(/^quick_check: .*page/);
  });

  it('opens a sound file with everything in it, also its latest commands that a crash left only in the WAL', () => {
    const dir = tempDir();
    const live = openStore(join(dir, 'live.db'));
    stores.push(live);
    live.createContest({ id: 'c1', createdAt: 1, definition: definition(), source: null, hostKey: 'k', seats: [] });
    for (let seq = 1; seq <= 5; seq++) live.appendCommand('c1', seq, { type: 'question:next', at: seq });
    // The server dies here: what is on disk is the file with its WAL, as they are now.
    const crashed = join(tempDir(), 'qiangda.db');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(join(dir, `live.db${suffix}`), `${crashed}${suffix}`);
    const store = openCheckedStore(crashed);
    stores.push(store);
    expect(store.loadContest('c1')?.commands).toHaveLength(5);
    // And it can be written.
    store.appendCommand('c1', 6, { type: 'question:next', at: 6 });
  });

  it('creates a missing file and its folder', () => {
    const store = openCheckedStore(join(tempDir(), 'nested', 'qiangda.db'));
    stores.push(store);
    expect(store.listContests()).toEqual([]);
  });

  it('says in the organiser\'s language which file, why, that it was not changed, and what to do', () => {
    const error = new StoreOpenError('corrupt', '/data/qiangda.db', 'SQLITE_NOTADB: file is not a database', true);
    const zh = storeOpenMessage('zh', error);
    expect(zh).toContain('数据文件已损坏，无法使用：/data/qiangda.db');
    expect(zh).toContain('SQLITE_NOTADB');
    expect(zh).toContain('没有修改这个文件');
    expect(zh).toContain('移到别处');
    expect(zh).toContain('存档或备份');
    expect(zh).toContain('--data');
    const en = storeOpenMessage('en', error);
    expect(en).toContain('The data file is damaged and cannot be used: /data/qiangda.db');
    expect(en).toContain('was not changed');
    expect(storeOpenMessage('zh', new StoreOpenError('read-only', '/data/qiangda.db', 'EACCES', false))).not.toContain('没有修改');
  });
});
