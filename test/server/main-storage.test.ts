// `npm start` with a data file it must not use: it says so in the organiser's language, names
// the file and what to do, exits non-zero, and leaves the file as it was.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/storage/store.js';

const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-main-storage-'));
  dirs.push(dir);
  return dir;
}

/** Runs server/main.ts to its exit; `asUser`: another user's id (only root can switch). */
function run(dir: string, env: Record<string, string>, asUser?: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dir], {
    env: { ...process.env, ...env },
    ...(asUser !== undefined && { uid: asUser, gid: asUser }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('server/main.ts with a data file it cannot use', () => {
  it('a damaged file: a clear message in Chinese (English with QIANGDA_LANG=en), exit 1, the file untouched', async () => {
    const dir = dataDir();
    const file = join(dir, 'qiangda.db');
    writeFileSync(file, Buffer.from('SQLite format 3\0'.padEnd(8192, '乱码')));
    const bytes = readFileSync(file);

    const zh = await run(dir, { QIANGDA_LANG: 'zh' });
    expect(zh.code).toBe(1);
    expect(zh.output).toContain(`数据文件已损坏，无法使用：${file}`);
    expect(zh.output).toContain('服务器没有启动，也没有修改这个文件。');
    expect(zh.output).toContain('--data');
    expect(zh.output).not.toContain('    at ');

    const en = await run(dir, { QIANGDA_LANG: 'en' });
    expect(en.code).toBe(1);
    expect(en.output).toContain(`The data file is damaged and cannot be used: ${file}`);

    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['qiangda.db']);
  }, 60_000);

  it('a folder that cannot be written: says it is read-only and exits 1', async () => {
    const dir = dataDir();
    openStore(join(dir, 'qiangda.db')).close();
    // root writes anywhere: the server runs as nobody to be refused, as an organiser would be.
    chmodSync(dir, 0o555);
    const asNobody = process.getuid?.() === 0 ? 65534 : undefined;
    const result = await run(dir, { QIANGDA_LANG: 'zh' }, asNobody);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`数据文件或其所在文件夹不可写（只读）：${join(dir, 'qiangda.db')}`);
    expect(result.output).toContain('--data');
  }, 60_000);
});
