// Hostile bank files (issue 10): zip bombs and a million-row CSV are refused with a clear code,
// read in a worker thread that cannot take the process's memory or time, and the show goes on.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../server/bank/messages.js';
import { isolatedParser, MAX_PENDING_FILES, parseInWorker } from '../../../server/bank/parse-isolated.js';
import { parseBankFile, MAX_ROWS, type ParsedBank } from '../../../server/bank/parse.js';
import { checkZip, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from '../../../server/bank/zip-check.js';
import { FakeClock } from '../../support/fake-clock.js';
import { bombPart, lyingZipBombXlsx, millionRowCsv, part, workbookParts, zip, zipBombXlsx } from '../../support/zip-bomb.js';

const codes = (parsed: ParsedBank) => parsed.errors.map((e) => e.code);
const LIMITS = { memoryMb: 192, timeoutMs: 60_000 };
/** Building and reading these files is CPU work: generous on two busy cores. */
const HEAVY = 60_000;

async function questionsXlsx(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题目');
  sheet.addRow(['题型', '题干', '答案']);
  for (let i = 1; i <= rows; i++) sheet.addRow(['简答', `第${i}题`, `答${i}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('zip bombs are refused before they inflate', () => {
  it('a bomb whose directory declares 200 MB: refused unread, xlsx-too-large, in both languages', async () => {
    const bomb = await zipBombXlsx(200);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const parsed = await parseBankFile({ name: '题库.xlsx', bytes: bomb });
    expect(parsed.errors).toEqual([{ row: 0, column: null, code: 'xlsx-too-large', params: { maxMb: MAX_INFLATED_BYTES / 1024 / 1024 } }]);
    expect(describeIssue('zh', 'xlsx', parsed.errors[0])).toContain('压缩炸弹');
    expect(describeIssue('en', 'xlsx', parsed.errors[0])).toContain('zip bomb');
  }, HEAVY);

  it('a bomb that lies (declares 4 KB, inflates to 200 MB): inflation stops one byte past the lie', async () => {
    const before = process.memoryUsage().arrayBuffers;
    expect(await checkZip(await lyingZipBombXlsx(200))).toBe('xlsx-too-large');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  }, HEAVY);

  it('a part hidden from the directory (a streaming reader would inflate it): bad-xlsx', async () => {
    const hidden = zip([...workbookParts(), { ...(await bombPart('xl/worksheets/sheet1.xml', 100)), hidden: true }, part('xl/worksheets/sheet2.xml', '<worksheet/>')]);
    expect(await checkZip(hidden)).toBe('bad-xlsx');
  }, HEAVY);

  it('parts over the cap together, each under it: refused', async () => {
    const half = await bombPart('xl/media/a.bin', MAX_INFLATED_BYTES / 1024 / 1024 / 2 + 1);
    expect(await checkZip(zip([...workbookParts(), half, { ...half, name: 'xl/media/b.bin' }]))).toBe('xlsx-too-large');
  }, HEAVY);

  it('more parts than MAX_ZIP_ENTRIES: refused before any is read; a cut-off file: bad-xlsx', async () => {
    const parts = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => part(`xl/media/${i}.xml`, '<a/>'));
    expect(await checkZip(zip(parts))).toBe('xlsx-too-large');
    const honest = await questionsXlsx(3);
    expect(await checkZip(honest.subarray(0, honest.length - 100))).toBe('bad-xlsx');
  }, HEAVY);

  it('real workbooks pass the check and still import', async () => {
    const bytes = await questionsXlsx(3);
    expect(await checkZip(bytes)).toBeNull();
    const parsed = await parseBankFile({ name: 'bank.xlsx', bytes });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.cells.stem)).toEqual(['第1题', '第2题', '第3题']);
  }, HEAVY);
});

describe('rows stream and stop at the cap', () => {
  it('a million-row CSV (6 MB) is refused too-many-rows', async () => {
    const bytes = millionRowCsv();
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const parsed = await parseBankFile({ name: 'big.csv', bytes });
    expect(parsed.errors).toEqual([{ row: 0, column: null, code: 'too-many-rows', params: { max: MAX_ROWS } }]);
  }, HEAVY);

  it('an XLSX one row over the cap is refused too-many-rows; one at the cap is read whole', async () => {
    expect(codes(await parseBankFile({ name: 'over.xlsx', bytes: await questionsXlsx(MAX_ROWS + 1) }))).toEqual(['too-many-rows']);
    const full = await parseBankFile({ name: 'full.xlsx', bytes: await questionsXlsx(MAX_ROWS) });
    expect(full.errors).toEqual([]);
    expect(full.rows).toHaveLength(MAX_ROWS);
  }, HEAVY);
});

describe('files are read in a worker thread with a memory cap and a deadline', () => {
  const clock = new FakeClock();

  it('reads a good file in the worker exactly as in process', async () => {
    const bytes = await questionsXlsx(3);
    expect(await isolatedParser(clock, LIMITS)({ name: 'bank.xlsx', bytes })).toEqual(await parseBankFile({ name: 'bank.xlsx', bytes }));
  }, HEAVY);

  it('refuses the bomb and the million-row CSV in the worker, one after the other', async () => {
    const parse = isolatedParser(clock, LIMITS);
    const [bomb, rows] = await Promise.all([parse({ name: 'b.xlsx', bytes: await zipBombXlsx(100) }), parse({ name: 'm.csv', bytes: millionRowCsv() })]);
    expect(codes(bomb)).toEqual(['xlsx-too-large']);
    expect(codes(rows)).toEqual(['too-many-rows']);
  }, HEAVY);

  it('more files than MAX_PENDING_FILES at once: the extra ones are refused parse-busy, the rest are read', async () => {
    const parse = isolatedParser(clock, LIMITS);
    // Empty files queue like any other but need no worker: the test is about the count.
    const file = { name: 'bank.csv', bytes: new Uint8Array() };
    const results = await Promise.all(Array.from({ length: MAX_PENDING_FILES + 1 }, () => parse(file)));
    expect(results.map(codes)).toEqual([...Array.from({ length: MAX_PENDING_FILES }, () => ['empty-file']), ['parse-busy']]);
    expect(codes(await parse(file))).toEqual(['empty-file']);
    expect(describeIssue('zh', 'csv', results.at(-1)!.errors[0])).toContain('稍后再试');
  }, HEAVY);

  it('a file that needs more memory than the worker may have: parse-too-much-memory, and this process lives on', async () => {
    // 9 MB of JSON that parses into a million objects, read with a 16 MB heap.
    const bytes = Buffer.from(`[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]`);
    const parsed = await parseInWorker({ name: 'many.json', bytes }, clock, { memoryMb: 16, timeoutMs: 60_000 });
    expect(parsed.errors).toEqual([{ row: 0, column: null, code: 'parse-too-much-memory', params: { maxMb: 16 } }]);
    expect(describeIssue('zh', 'json', parsed.errors[0])).toContain('16 MB');
    // The same cap reads an ordinary file: the refusal was the file's doing.
    const small = await parseInWorker({ name: 'a.csv', bytes: Buffer.from('题型,题干,答案\n简答,问,答\n') }, clock, { memoryMb: 16, timeoutMs: 60_000 });
    expect(small.errors).toEqual([]);
  }, HEAVY);

  it('a file that takes longer than the deadline on the server clock: parse-timeout, the worker is stopped', async () => {
    const waiting = parseInWorker({ name: 'm.csv', bytes: millionRowCsv() }, clock, { memoryMb: 192, timeoutMs: 20_000 });
    clock.advance(20_000);
    const parsed = await waiting;
    expect(parsed.errors).toEqual([{ row: 0, column: null, code: 'parse-timeout', params: { seconds: 20 } }]);
    expect(describeIssue('en', 'csv', parsed.errors[0])).toContain('20 s');
  }, HEAVY);
});
