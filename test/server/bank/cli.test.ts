// npm run bank:import: the report in the terminal's language and the exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBank } from '../../../server/bank/store.js';
import { runImportBank } from '../../../server/cli/import-bank.js';
import { openStore } from '../../../server/storage/store.js';
import { zipBombXlsx } from '../../support/zip-bomb.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/bank/${name}`, import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = await runImportBank(args, env, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

function bankCount(dataDir: string): number {
  const store = openStore(join(dataDir, 'qiangda.db'));
  try {
    return openBank(store).count();
  } finally {
    store.close();
  }
}

describe('bank:import', () => {
  it('imports a clean file into DIR/qiangda.db and reports in Chinese', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    const { code, text } = await cli([fixture('good.csv'), '--data', data]);
    expect(code).toBe(0);
    expect(text).toContain('文件：good.csv（csv）');
    expect(text).toContain('已导入 4 道新题。');
    expect(text).toContain('题库现有 4 道题。');
    expect(bankCount(data)).toBe(4);
  });

  it('a file with errors: nothing imported, every bad row listed, exit 1; --valid-rows imports the rest', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    const refused = await cli([fixture('bad-rows.csv'), '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('错误（7 处）：');
    expect(refused.text).toContain('第 9 行「答案」列：没有填写答案');
    expect(refused.text).toContain('--valid-rows');
    expect(bankCount(data)).toBe(0);

    const valid = await cli([fixture('bad-rows.csv'), '--valid-rows', '--data', data]);
    expect(valid.code).toBe(0);
    expect(valid.text).toContain('已导入 1 道新题。');
    expect(bankCount(data)).toBe(1);
  });

  it('--check writes nothing, and fails when the file has errors', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    expect((await cli([fixture('good.csv'), '--check', '--data', data])).code).toBe(0);
    expect((await cli([fixture('bad-rows.csv'), '--check', '--data', data])).code).toBe(1);
    expect(bankCount(data)).toBe(0);
  });

  it('speaks English with QIANGDA_LANG=en, and reads the data folder from QIANGDA_DATA', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    const { code, text } = await cli([fixture('v2.json')], { QIANGDA_LANG: 'en', QIANGDA_DATA: data });
    expect(code).toBe(0);
    expect(text).toContain('Imported 4 new questions.');
    const again = await cli([fixture('v2.json')], { QIANGDA_LANG: 'en', QIANGDA_DATA: data });
    expect(again.text).toContain('Question 1 is exactly the same as a question already in the bank (id v2-single)');
    expect(again.text).toContain('No new questions to import.');
  });

  it('a missing file or no file at all', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    const missing = await cli([join(data, 'nope.csv'), '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.text).toMatch(/^无法读取文件 .*nope\.csv/);
    const usage = await cli(['--data', data]);
    expect(usage.code).toBe(2);
    expect(usage.text).toContain('用法：npm run bank:import');
    expect((await cli(['--bogus'])).code).toBe(2);
  });

  it('runs as a script through tsx', () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/import-bank.ts', fixture('v1.json'), '--data', data], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toContain('已导入 2 道新题。');
    expect(result.status).toBe(0);
  });

  it('refuses a zip bomb through tsx: read in a worker, exit 1, nothing imported', async () => {
    const data = mkdtempSync(join(tmpdir(), 'qiangda-'));
    const bomb = join(data, '题库.xlsx');
    writeFileSync(bomb, await zipBombXlsx(200));
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/import-bank.ts', bomb, '--data', data], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toContain('压缩炸弹');
    expect(result.status).toBe(1);
    expect(bankCount(data)).toBe(0);
  }, 60_000);
});
