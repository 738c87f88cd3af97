// The bank panel's HTTP calls, against a fake fetch, and its report in the host's words.
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import { bankApi, freshCount, HOST_KEY_HEADER, importChoices, type Fetch, type ImportReport } from '../../web/host/bank-api.js';
import { columnName, duplicateLine, issueLine, sortedCounts } from '../../web/host/bank-report.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(reply: (url: string) => Response | Promise<Response>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return reply(url);
    },
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const report = (overrides: Partial<ImportReport> = {}): ImportReport => ({ format: 'csv', rows: 3, valid: 3, imported: 0, errors: [], duplicates: [], ...overrides });

describe('bankApi', () => {
  it('asks for the summary with the contest and its host key', async () => {
    const { fetch, calls } = fakeFetch(() => json({ count: 164, byCategory: { founding: 30 }, byType: { single: 68 } }));
    const result = await bankApi(fetch, 'c-1', 'k&1').summary();
    expect(result).toEqual({ ok: true, data: { count: 164, byCategory: { founding: 30 }, byType: { single: 68 } } });
    expect(calls[0].url).toBe('/api/bank/summary?c=c-1');
    expect(new Headers(calls[0].init?.headers).get(HOST_KEY_HEADER)).toBe('k&1');
  });

  it('posts the file bytes as they are, naming the mode and the file', async () => {
    const { fetch, calls } = fakeFetch(() => json(report()));
    const bytes = new Uint8Array([1, 2, 3]);
    const result = await bankApi(fetch, 'c-1', 'key').importFile({ name: '题库 1.xlsx', body: bytes }, 'check');
    expect(result).toEqual({ ok: true, data: report() });
    const url = new URL(calls[0].url, 'http://x');
    expect(url.pathname).toBe('/api/bank/import');
    expect(Object.fromEntries(url.searchParams)).toEqual({ c: 'c-1', mode: 'check', name: '题库 1.xlsx' });
    expect(calls[0].init?.method).toBe('POST');
    expect(calls[0].init?.body).toBe(bytes);
    expect(new Headers(calls[0].init?.headers).get(HOST_KEY_HEADER)).toBe('key');
  });

  it('still shows a report that comes with an error status (a write that failed)', async () => {
    const failed = report({ errors: [{ row: 0, column: null, code: 'storage-failed', params: { reason: 'disk full' } }] });
    const { fetch } = fakeFetch(() => json(failed, 500));
    expect(await bankApi(fetch, 'c', 'k').importFile({ name: 'a.csv', body: 'x' }, 'all')).toEqual({ ok: true, data: failed });
  });

  it.each([
    ['a refused key', () => json({ error: 'not-authorised' }, 401), 'not-authorised', 401],
    ['a file over the size cap', () => json({ error: 'too-big', maxBytes: 1 }, 413), 'too-big', 413],
    ['a missing route (a page served instead)', () => new Response('<!doctype html>', { status: 200 }), 'unavailable', 200],
    ['a 404', () => new Response('Cannot GET', { status: 404 }), 'unavailable', 404],
  ])('turns %s into an error code', async (_, reply, error, status) => {
    const { fetch } = fakeFetch(reply);
    expect(await bankApi(fetch, 'c', 'k').summary()).toEqual({ ok: false, error, status });
  });

  it('says offline when the request never got an answer', async () => {
    const fetch: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await bankApi(fetch, 'c', 'k').summary()).toEqual({ ok: false, error: 'offline', status: 0 });
  });

  it('links the templates', () => {
    const api = bankApi(fakeFetch(() => json({})).fetch, 'c', 'k');
    expect([api.templateUrl('xlsx'), api.templateUrl('csv')]).toEqual(['/api/bank/template.xlsx', '/api/bank/template.csv']);
  });
});

describe('import choices', () => {
  const rowError = { row: 4, column: 'answer', code: 'missing-answer', params: {} };
  it('imports a whole file only without errors, and the valid rows only when some rows have errors', () => {
    expect(importChoices(report())).toEqual({ all: true, validRows: false });
    expect(importChoices(report({ valid: 2, errors: [rowError] }))).toEqual({ all: false, validRows: true });
    expect(importChoices(report({ rows: 0, valid: 0, errors: [{ row: 0, column: null, code: 'no-header', params: {} }] }))).toEqual({ all: false, validRows: false });
  });

  it('counts only new questions: duplicates are not imported twice', () => {
    const dupes = report({ valid: 3, duplicates: [{ row: 2 }, { row: 3 }] });
    expect(freshCount(dupes)).toBe(1);
    expect(freshCount({ ...dupes, importable: 0 })).toBe(0);
    expect(importChoices({ ...dupes, importable: 0 })).toEqual({ all: false, validRows: false });
  });
});

describe('the report in words', () => {
  const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params);
  const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

  it('names columns in the reader\'s language', () => {
    expect(columnName(zh, 'optionC')).toBe('选项C');
    expect(columnName(zh, 'answer')).toBe('答案');
    expect(columnName(zh, 'mystery')).toBe('mystery');
    expect(columnName(zh, null)).toBe('');
  });

  it('puts the row and column in their own cells and the reason without repeating them', () => {
    const line = issueLine(zh, 'xlsx', { row: 5, column: 'answer', code: 'bad-choice-answer', params: { value: 'E' } });
    expect(line.row).toBe(5);
    expect(line.column).toBe('答案');
    expect(line.reason).not.toContain('第 5 行');
    expect(line.reason).toContain('「E」');
    expect(line.reason.startsWith('：')).toBe(false);
    const english = issueLine(en, 'xlsx', { row: 5, column: 'answer', code: 'bad-choice-answer', params: { value: 'E' } });
    expect(english.reason).toContain('E');
    expect(english.reason).not.toMatch(/^\s*[:：]/);
  });

  it('words a problem with the whole file, naming its column', () => {
    const line = issueLine(zh, 'csv', { row: 0, column: 'answer', code: 'missing-column', params: {} });
    expect(line).toEqual({ row: null, column: '答案', reason: zh('bank.error.missing-column', { column: '答案' }) });
  });

  it('shows an unknown code as it is rather than nothing', () => {
    expect(issueLine(zh, 'csv', { row: 2, column: null, code: 'from-a-newer-server', params: {} }).reason).toBe('from-a-newer-server');
  });

  it('says which row or bank question a duplicate repeats', () => {
    expect(duplicateLine(zh, 'csv', { row: 4, sameAs: { row: 2 } })).toBe(zh('bank.duplicate.in-file', { at: zh('bank.at.row', { row: 4 }), other: zh('bank.at.row', { row: 2 }) }));
    expect(duplicateLine(zh, 'json', { row: 3, sameAs: { bankId: 'q-17' } })).toBe(zh('bank.duplicate.in-bank', { at: zh('bank.at.question', { row: 3 }), id: 'q-17' }));
  });

  it('lists counts biggest first, leaving out empty ones', () => {
    expect(sortedCounts({ open: 0, single: 68, multiple: 26, 'true-false': 26 })).toEqual([
      ['single', 68],
      ['multiple', 26],
      ['true-false', 26],
    ]);
  });
});
