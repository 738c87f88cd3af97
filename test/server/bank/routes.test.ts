// The bank's HTTP routes over a real server: template downloads that import back cleanly,
// uploads in each mode, the host key, the size cap and the summary.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { RequestHandler } from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importQuestions, type ImportReport } from '../../../server/bank/import.js';
import { MAX_FILE_BYTES, parseBankFile } from '../../../server/bank/parse.js';
import { bankRoutes, HOST_KEY_HEADER } from '../../../server/bank/routes.js';
import { openBank, type BankStore } from '../../../server/bank/store.js';
import { openStore, type Store } from '../../../server/storage/store.js';
import { startServer, type Harness } from '../../support/harness.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/bank/${name}`, import.meta.url)));

let store: Store;
let bank: BankStore;
let h: Harness;

beforeEach(async () => {
  store = openStore(':memory:');
  bank = openBank(store);
  // The router needs the app's contests, which exist only once the server is built.
  let router: RequestHandler = (_req, _res, next) => next();
  h = await startServer({ store, web: (req, res, next) => router(req, res, next) });
  router = bankRoutes({ bank, contests: h.app.contests, parse: parseBankFile });
});

afterEach(async () => {
  await h.close();
  store.close();
});

function upload(body: Uint8Array, query: Record<string, string>, key: string | null = h.hostKey): Promise<Response> {
  const params = new URLSearchParams({ c: h.contestId, ...query });
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (key !== null) headers[HOST_KEY_HEADER] = key;
  return fetch(`${h.url}/api/bank/import?${params}`, { method: 'POST', headers, body: new Uint8Array(body) });
}

describe('templates', () => {
  it('the XLSX template has Chinese headers, one example of each type, an instructions sheet, and imports with zero errors', async () => {
    const res = await fetch(`${h.url}/api/bank/template.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['题目', '填写说明']);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('题型');
    expect(String(workbook.worksheets[1].getRow(1).getCell(1).value)).toContain('填写说明');

    const report = await importQuestions(bank, { name: '题库导入模板.xlsx', bytes }, 'all', parseBankFile);
    expect(report).toMatchObject({ format: 'xlsx', outcome: 'imported', rows: 4, errors: [], imported: 4 });
    expect(bank.all().map((q) => q.type)).toEqual(['single', 'multiple', 'true-false', 'open']);
  });

  it('the CSV template is UTF-8 with a BOM and imports with zero errors', async () => {
    const res = await fetch(`${h.url}/api/bank/template.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe('题型,题干,选项A,选项B,选项C,选项D,答案,解析,分类,难度,分值,出处,编号,固定选项,互斥题号');
    const report = await importQuestions(bank, { name: 'template.csv', bytes }, 'check', parseBankFile);
    expect(report).toMatchObject({ format: 'csv', outcome: 'checked', rows: 4, valid: 4, errors: [] });
  });

  it('the template examples are bundled-bank questions, so importing the untouched template over it adds nothing', async () => {
    const { seedBankIfEmpty } = await import('../../../server/bank/bank.js');
    seedBankIfEmpty(bank);
    const bytes = new Uint8Array(await (await fetch(`${h.url}/api/bank/template.csv`)).arrayBuffer());
    const report = await importQuestions(bank, { name: 'template.csv', bytes }, 'all', parseBankFile);
    expect(report).toMatchObject({ imported: 0, errors: [] });
    expect(report.duplicates).toHaveLength(4);
  });
});

describe('POST /api/bank/import', () => {
  it('refuses without the host key, with a wrong key, or for an unknown contest, before reading the file', async () => {
    for (const [key, c] of [
      [null, undefined],
      ['wrong', undefined],
      [h.hostKey, 'no-such-contest'],
    ] as const) {
      const res = await upload(fixture('good.csv'), { name: 'good.csv', mode: 'all', ...(c ? { c } : {}) }, key);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'not-authorised' });
    }
    expect(bank.count()).toBe(0);
  });

  it('check reports and writes nothing; all imports; the report names rows in both languages', async () => {
    const checked = (await (await upload(fixture('good.csv'), { name: 'good.csv', mode: 'check' })).json()) as ImportReport;
    expect(checked).toMatchObject({ outcome: 'checked', importable: 4, imported: 0 });
    expect(bank.count()).toBe(0);

    const res = await upload(fixture('good.csv'), { name: 'good.csv', mode: 'all' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: 'csv', outcome: 'imported', imported: 4 });
    expect(bank.count()).toBe(4);
  });

  it('a file with bad rows: all imports nothing, valid-rows imports the good row', async () => {
    const all = (await (await upload(fixture('bad-rows.csv'), { name: 'bad-rows.csv', mode: 'all' })).json()) as ImportReport;
    expect(all).toMatchObject({ outcome: 'refused-row-errors', imported: 0 });
    expect(all.errors[0]).toMatchObject({ row: 3, column: 'type', code: 'unknown-type', zh: '第 3 行「题型」列：不认识的题型「填表」，应为 单选、多选、判断 或 简答' });
    expect(bank.count()).toBe(0);
    const valid = (await (await upload(fixture('bad-rows.csv'), { name: 'bad-rows.csv', mode: 'valid-rows' })).json()) as ImportReport;
    expect(valid).toMatchObject({ outcome: 'imported', imported: 1 });
    expect(bank.count()).toBe(1);
  });

  it('an XLSX upload with a Chinese file name', async () => {
    const bytes = new Uint8Array(await (await fetch(`${h.url}/api/bank/template.xlsx`)).arrayBuffer());
    const report = (await (await upload(bytes, { name: '第一支部题库.xlsx', mode: 'all' })).json()) as ImportReport;
    expect(report).toMatchObject({ name: '第一支部题库.xlsx', format: 'xlsx', imported: 4 });
  });

  it('an empty body is an empty file; a bad mode is a bad request', async () => {
    expect(await (await upload(new Uint8Array(), { name: 'a.csv', mode: 'all' })).json()).toMatchObject({ outcome: 'refused-file-error', errors: [{ code: 'empty-file' }] });
    expect((await upload(fixture('good.csv'), { name: 'a.csv', mode: 'everything' })).status).toBe(400);
  });

  it.each([
    ['just over the file cap', MAX_FILE_BYTES + 1],
    ['over the request limit', MAX_FILE_BYTES + 65 * 1024],
  ])('413 with too-big when the file is %s', async (_name, size) => {
    const res = await upload(new Uint8Array(size).fill(0x61), { name: 'huge.csv', mode: 'all' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too-big', maxBytes: MAX_FILE_BYTES, zh: '文件太大：最大 10 MB；请拆分成几个文件分别导入' });
    expect(bank.count()).toBe(0);
  });
});

describe('GET /api/bank/summary', () => {
  it('needs the host key and counts by category and type', async () => {
    expect((await fetch(`${h.url}/api/bank/summary?c=${h.contestId}`)).status).toBe(401);
    await upload(fixture('v2.json'), { name: 'v2.json', mode: 'all' });
    const res = await fetch(`${h.url}/api/bank/summary?c=${h.contestId}`, { headers: { [HOST_KEY_HEADER]: h.hostKey } });
    expect(await res.json()).toEqual({
      count: 4,
      byCategory: { founding: 1, revolution: 1, construction: 1, reform: 1 },
      byType: { open: 1, single: 1, multiple: 1, 'true-false': 1 },
    });
  });
});
