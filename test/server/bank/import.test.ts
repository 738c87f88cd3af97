// Importing into the bank table: the three modes, duplicates, all-or-nothing writes, the
// table's filters, seeding from the bundled bank, and loading a bank file at start-up.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_BANK, BankFileError, loadBank, seedBankIfEmpty } from '../../../server/bank/bank.js';
import { importQuestions, reportLines, type ImportMode } from '../../../server/bank/import.js';
import { MAX_ROWS, parseBankFile, type BankUpload } from '../../../server/bank/parse.js';
import { openBank, type BankStore } from '../../../server/bank/store.js';
import { openStore, type Store } from '../../../server/storage/store.js';
import type { Question } from '../../../shared/contest/question.js';

const fixture = (name: string): BankUpload => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/bank/${name}`, import.meta.url))) });
const csv = (text: string, name = 'bank.csv'): BankUpload => ({ name, bytes: new TextEncoder().encode(text) });

let store: Store;
let bank: BankStore;
beforeEach(() => {
  store = openStore(':memory:');
  bank = openBank(store);
});
afterEach(() => store.close());

const run = (file: BankUpload, mode: ImportMode) => importQuestions(bank, file, mode, parseBankFile);

describe('import modes', () => {
  it('check reads and reports but writes nothing', async () => {
    const report = await run(fixture('good.csv'), 'check');
    expect(report).toMatchObject({ format: 'csv', mode: 'check', outcome: 'checked', rows: 4, valid: 4, importable: 4, imported: 0, errors: [] });
    expect(bank.count()).toBe(0);
  });

  it('all imports a clean file whole', async () => {
    const report = await run(fixture('good.csv'), 'all');
    expect(report).toMatchObject({ outcome: 'imported', imported: 4 });
    expect(bank.all().map((q) => q.type)).toEqual(['single', 'multiple', 'true-false', 'open']);
    expect(report.importedIds).toEqual(bank.all().map((q) => q.id));
  });

  it('all with one bad row writes nothing and says why', async () => {
    const report = await run(csv('题型,题干,选项A,选项B,答案\n单选,好题,甲,乙,A\n单选,坏题,甲,乙,C\n'), 'all');
    expect(report).toMatchObject({ outcome: 'refused-row-errors', rows: 2, valid: 1, importable: 1, imported: 0 });
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'answer',
        code: 'answer-out-of-range',
        params: { letter: 'C', last: 'B' },
        zh: '第 3 行「答案」列：答案中的 C 超出了选项范围（本题选项为 A 到 B）',
        en: 'Row 3, column "answer": answer letter C is not an option (this question has options A to B)',
      },
    ]);
    expect(bank.count()).toBe(0);
    expect(reportLines('zh', report).at(-1)).toContain('没有导入任何题目');
  });

  it('valid-rows imports the good rows and reports every bad one', async () => {
    const report = await run(fixture('bad-rows.csv'), 'valid-rows');
    expect(report).toMatchObject({ outcome: 'imported', rows: 8, valid: 1, imported: 1 });
    expect(report.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(bank.all().map((q) => q.stem)).toEqual(['这一行是好的吗？']);
  });

  it('valid-rows with no valid row imports nothing, because of errors', async () => {
    const report = await run(csv('题型,题干,答案\n单选,坏题,A\n'), 'valid-rows');
    expect(report).toMatchObject({ outcome: 'refused-row-errors', imported: 0 });
    expect(report.errors.map((e) => e.code)).toEqual(['too-few-options']);
  });

  it.each(['check', 'all', 'valid-rows'] as const)('a file-level error imports nothing in %s mode', async (mode) => {
    const report = await run({ name: 'empty.csv', bytes: new Uint8Array() }, mode);
    expect(report).toMatchObject({ outcome: 'refused-file-error', rows: 0, imported: 0 });
    expect(report.errors).toMatchObject([{ row: 0, code: 'empty-file', zh: '文件是空的，没有任何内容', en: 'The file is empty' }]);
  });

  it('a file exactly at the row cap imports in one go', async () => {
    const lines = ['题型,题干,答案'];
    for (let i = 1; i <= MAX_ROWS; i++) lines.push(`简答,第${i}题,答${i}`);
    const report = await run(csv(lines.join('\n')), 'all');
    expect(report).toMatchObject({ outcome: 'imported', imported: MAX_ROWS });
    expect(bank.count()).toBe(MAX_ROWS);
  });
});

describe('duplicates', () => {
  it('importing the same file again adds nothing and names the bank ids it repeats', async () => {
    const first = await run(fixture('good.csv'), 'all');
    const again = await run(fixture('good.csv'), 'all');
    expect(again).toMatchObject({ outcome: 'imported', imported: 0, valid: 4, importable: 0, errors: [] });
    expect(again.duplicates.map((d) => [d.row, d.sameAs])).toEqual(first.importedIds.map((id, i) => [i + 2, { bankId: id }]));
    expect(again.duplicates[1].zh).toBe('第 3 行与题库中已有的题目（编号 rev-x2）完全相同');
    expect(bank.count()).toBe(4);
    expect(reportLines('zh', again).at(-1)).toBe('没有新题可导入。');
  });

  it('a repeat within the file is imported once, and the same question in another format is a duplicate too', async () => {
    const report = await run(csv('题型,题干,答案,解析\n简答,党的十八大于哪一年召开？,2012年,一\n简答,党的十八大于哪一年召开？ ,2012年,二\n'), 'all');
    expect(report).toMatchObject({ imported: 1, duplicates: [{ row: 3, sameAs: { row: 2 } }] });
    expect(report.duplicates[0].en).toBe('Row 3 is exactly the same as Row 2');
    const json = await run(fixture('v1.json'), 'all');
    expect(json.duplicates).toMatchObject([{ row: 2, sameAs: { bankId: report.importedIds[0] } }]);
    expect(json.duplicates[0].zh).toContain('第 2 题');
    expect(json.imported).toBe(1);
  });

  it('an id already used by a different question is an error, not a silent overwrite', async () => {
    await run(fixture('v2.json'), 'all');
    const report = await run(csv('题型,题干,答案,编号\n简答,另一道题,答案,v2-open\n'), 'all');
    expect(report).toMatchObject({ outcome: 'refused-row-errors', errors: [{ row: 2, column: 'id', code: 'id-taken' }] });
    expect(bank.byFilter({ types: ['open'] }).map((q) => q.stem)).toEqual(['党的十一届三中全会于哪一年召开？']);
  });
});

describe('all or nothing', () => {
  it('a failure mid-insert leaves the bank unchanged', async () => {
    await run(fixture('v1.json'), 'all');
    const before = bank.all();
    // The third row of good.csv cannot be written: the first two must not stay either.
    store.db.exec(`CREATE TRIGGER refuse_third BEFORE INSERT ON bank_questions WHEN NEW.type = 'true-false' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const report = await run(fixture('good.csv'), 'all');
    expect(report).toMatchObject({ outcome: 'storage-failed', importable: 4, imported: 0, importedIds: [] });
    expect(report.errors).toMatchObject([{ row: 0, code: 'storage-failed', params: { reason: 'disk full' } }]);
    expect(bank.all()).toEqual(before);
    expect(reportLines('zh', report).at(-1)).toBe('写入失败，题库保持原样，没有导入任何题目。');
  });

  it('insertMany rolls back a batch that repeats a stored fingerprint', () => {
    const q = (id: string, stem: string): Question => ({ id, type: 'open', category: 'reform', difficulty: 1, stem, answer: 'a', explanation: '' });
    bank.insertMany([q('a', '一')]);
    expect(() => bank.insertMany([q('b', '二'), q('c', '三'), q('d', '一')])).toThrow(/UNIQUE/);
    expect(bank.all().map((x) => x.id)).toEqual(['a']);
  });
});

describe('the bank table', () => {
  it('filters by category, difficulty and type; an empty list means any', async () => {
    await run(fixture('v2.json'), 'all');
    const csvReport = await run(fixture('good.csv'), 'all');
    // Two of good.csv's questions are already in v2.json, in other words: they are skipped.
    expect(csvReport.duplicates.map((d) => d.sameAs)).toEqual([{ bankId: 'v2-tf' }, { bankId: 'v2-open' }]);
    const zunyi = csvReport.importedIds[0];
    expect(bank.byFilter({}).length).toBe(6);
    expect(bank.byFilter({ categories: [], types: [] }).length).toBe(6);
    expect(bank.byFilter({ categories: ['revolution'] }).map((q) => q.id)).toEqual(['v2-multiple', zunyi, 'rev-x2']);
    expect(bank.byFilter({ types: ['single', 'true-false'], difficulties: [1, 2] }).map((q) => q.id)).toEqual(['v2-single', 'v2-tf', zunyi]);
    expect(bank.byFilter({ categories: ['reform'], types: ['single'] })).toEqual([]);
    expect(bank.summary()).toEqual({
      count: 6,
      byCategory: { founding: 1, revolution: 3, construction: 1, reform: 1 },
      byType: { open: 1, single: 2, multiple: 2, 'true-false': 1 },
    });
  });

  it('keeps questions across reopening the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bank-'));
    const file = join(dir, 'qiangda.db');
    const first = openStore(file);
    seedBankIfEmpty(openBank(first));
    first.close();
    const again = openStore(file);
    expect(openBank(again).count()).toBeGreaterThan(0);
    again.close();
  });
});

describe('the bundled bank and loadBank', () => {
  it('BUNDLED_BANK is the version 2 bank, every question valid, all four types, the five eras and local history (Q6)', () => {
    expect(BUNDLED_BANK).toMatch(/party-history\.v2\.json$/);
    const { questions } = loadBank(BUNDLED_BANK);
    expect(questions.length).toBeGreaterThanOrEqual(45);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['open', 'single', 'multiple', 'true-false']));
    expect(new Set(questions.map((q) => q.category))).toEqual(new Set(['founding', 'revolution', 'construction', 'reform', 'new-era', 'local-hunan']));
  });

  it('the version 1 bank still loads', () => {
    const { questions } = loadBank(BUNDLED_BANK.replace('party-history.v2.json', 'party-history.json'));
    expect(questions).toHaveLength(45);
    expect(questions.every((q) => q.type === 'open')).toBe(true);
  });

  it('seedBankIfEmpty fills an empty bank once', () => {
    const seeded = seedBankIfEmpty(bank);
    expect(seeded).toBe(loadBank(BUNDLED_BANK).questions.length);
    expect(bank.count()).toBe(seeded);
    expect(seedBankIfEmpty(bank)).toBe(0);
  });

  it('a bad file is refused whole, each problem with its JSON path and reason', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bank-')), 'bad.json');
    const q = { id: 'a', type: 'open', category: 'reform', difficulty: 1, stem: 's', answer: 'a', explanation: 'e' };
    writeFileSync(file, JSON.stringify({ format: 'qiangda-bank', version: 2, title: 't', questions: [q, { ...q, id: 'b', stem: '' }, q] }));
    let error: unknown;
    try {
      loadBank(file, 'en');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BankFileError);
    expect((error as BankFileError).problems).toEqual([
      'questions.1.stem: Question 2, field "stem": the question text is missing',
      'questions.2: Question 3 is exactly the same as Question 1 (id a)',
    ]);
  });

  it('a CSV bank loads at start-up; an Excel one is pointed to bank:import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bank-'));
    writeFileSync(join(dir, 'b.csv'), '题型,题干,答案\n简答,问题,答案\n');
    expect(loadBank(join(dir, 'b.csv')).questions).toMatchObject([{ type: 'open', stem: '问题' }]);
    writeFileSync(join(dir, 'b.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    expect(() => loadBank(join(dir, 'b.xlsx'), 'en')).toThrow(/bank:import/);
  });
});
