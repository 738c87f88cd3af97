// Reading bank files: every format into rows with their spreadsheet row numbers, and every
// kind of unreadable file into its one clear file-level error.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_ROWS, decodeText, isLostWorkbookPart, parseBankFile, type BankUpload, type ParsedBank } from '../../../server/bank/parse.js';
import { checkRows } from '../../../server/bank/validate.js';
import { describeIssue } from '../../../server/bank/messages.js';

const fixture = (name: string): BankUpload => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/bank/${name}`, import.meta.url))) });
const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, name = 'bank.csv'): Promise<ParsedBank> => parseBankFile({ name, bytes: utf8(text) });
const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,分类,难度';

/**
 * A GBK encoder for the test's own characters, made by inverting the GB18030 decoder over the
 * two-byte GBK range (Node's TextEncoder only writes UTF-8). Checked against known GBK bytes below.
 */
function gbkEncoder(): (text: string) => Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x80) out.push(code);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`no GBK code for ${ch}`);
        out.push(...pair);
      }
    }
    return new Uint8Array(out);
  };
}

/** Deterministic noise: a linear congruential generator, no Math.random. */
function noise(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 16;
  }
  out[0] = 0x8f; // not a zip, OLE or BOM signature
  return out;
}

type Cell = string | number | boolean | null | ExcelJS.CellRichTextValue | ExcelJS.CellFormulaValue;

async function xlsx(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const fileError = (parsed: ParsedBank) => parsed.errors.map((e) => [e.code, e.params]);

describe('CSV', () => {
  it('UTF-8: rows keep their spreadsheet numbers, a quoted line break stays in its cell', async () => {
    const parsed = await parseBankFile(fixture('good.csv'));
    expect(parsed).toMatchObject({ format: 'csv', errors: [], ignoredColumns: [] });
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(parsed.rows[1].cells).toMatchObject({ type: '多选题', stem: '下列属于"三大法宝"的有哪些？', answer: 'A,B,C', points: '20', id: 'rev-x2' });
    expect(parsed.rows[3].cells.explanation).toContain('\n');
    const checked = checkRows(parsed.rows);
    expect(checked.errors).toEqual([]);
    expect(checked.fresh.map((f) => f.question.type)).toEqual(['single', 'multiple', 'true-false', 'open']);
    expect(checked.fresh[0].question.category).toBe('revolution');
  });

  it('UTF-8 with a byte-order mark reads the same (the BOM is not part of the first header)', async () => {
    const plain = await parseBankFile(fixture('good.csv'));
    const withBom = await parseBankFile({ name: 'good.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('good.csv').bytes]) });
    expect(withBom).toEqual(plain);
  });

  it('GBK, as Excel on Chinese Windows saves "CSV", is read through the GB18030 fallback', async () => {
    const gbk = gbkEncoder();
    expect([...gbk('题型')].map((b) => b.toString(16)).join('')).toBe('cce2d0cd'); // known GBK bytes
    const text = `${HEADER}\r\n判断,中华人民共和国成立于1949年。,,,,,对,开国大典,社会主义革命和建设时期,1\r\n单选,遵义会议于哪一年召开？,1934年,1935年,,,B,,新民主主义革命时期,2\r\n`;
    const bytes = gbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const parsed = await parseBankFile({ name: '题库.csv', bytes });
    expect(parsed.errors).toEqual([]);
    const checked = checkRows(parsed.rows);
    expect(checked.errors).toEqual([]);
    expect(checked.fresh.map((f) => f.question)).toMatchObject([
      { type: 'true-false', stem: '中华人民共和国成立于1949年。', answer: true, category: 'construction' },
      { type: 'single', options: ['1934年', '1935年'], answer: [1], category: 'revolution', difficulty: 2 },
    ]);
  });

  it('UTF-16 with a BOM (Excel "Unicode text", tab-separated) is read too', async () => {
    const text = `题型\t题干\t答案\n简答\t党的十八大于哪一年召开？\t2012年\n`;
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const parsed = await parseBankFile({ name: 'bank.txt', bytes: le });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].cells).toEqual({ type: '简答', stem: '党的十八大于哪一年召开？', answer: '2012年' });
  });

  it('English headers, a title line above the header, blank rows and unknown columns', async () => {
    const parsed = await csv('党史知识竞赛题库（第一批）\n\nType,Stem,Option A,Option B,Answer,Notes\nsingle,Q1?,x,y,A,keep\n,,,,,\nopen,Q2?,,,yes,\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual(['Notes']);
    expect(parsed.rows.map((r) => [r.row, r.cells.stem])).toEqual([
      [4, 'Q1?'],
      [6, 'Q2?'],
    ]);
  });

  it('a bad row after a quoted multi-line cell is named by its spreadsheet row, not its text line', async () => {
    const parsed = await csv(`${HEADER}\n简答,"第一行\n第二行",,,,,答案,,,\n单选,缺答案,甲,乙,,,,,,\n`);
    const checked = checkRows(parsed.rows);
    expect(checked.errors).toEqual([{ row: 3, column: 'answer', code: 'missing-answer', params: {} }]);
  });

  it('bad rows: each is reported with its row, column and reason, good rows still pass', async () => {
    const parsed = await parseBankFile(fixture('bad-rows.csv'));
    const checked = checkRows(parsed.rows);
    expect(checked.fresh.map((f) => f.row)).toEqual([2]);
    expect(checked.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'type', 'unknown-type'],
      [4, 'stem', 'missing-stem'],
      [5, 'answer', 'answer-out-of-range'],
      [6, 'answer', 'multiple-needs-two-answers'],
      [7, 'answer', 'bad-true-false'],
      [8, 'difficulty', 'bad-difficulty'],
      [9, 'answer', 'missing-answer'],
    ]);
    expect(describeIssue('zh', 'csv', checked.errors[2])).toBe('第 5 行「答案」列：答案中的 D 超出了选项范围（本题选项为 A 到 C）');
  });
});

describe('XLSX', () => {
  it('reads numbers, booleans, rich text and formulas as the text Excel shows; skips a sheet without a header', async () => {
    const bytes = await xlsx({
      说明: [['请在第二个工作表填写题目'], ['每行一道题']],
      题目: [
        ['题型', '题干', '选项A', '选项B', '选项C', '答案', '难度', '分值', '分类'],
        ['单选', { richText: [{ text: '遵义会议' }, { font: { bold: true }, text: '是在哪一年' }, { text: '召开的？' }] }, 1934, 1935, 1936, 'B', 2, { formula: '10*2', result: 20 }, '新民主主义革命时期'],
        ['判断', '中华人民共和国成立于1949年。', null, null, null, true, 1, null, '社会主义革命和建设时期'],
      ],
    });
    const parsed = await parseBankFile({ name: '题库.xlsx', bytes });
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('xlsx');
    const checked = checkRows(parsed.rows);
    expect(checked.errors).toEqual([]);
    expect(checked.fresh.map((f) => [f.row, f.question])).toMatchObject([
      [2, { type: 'single', stem: '遵义会议是在哪一年召开的？', options: ['1934', '1935', '1936'], answer: [1], difficulty: 2, points: 20, category: 'revolution' }],
      [3, { type: 'true-false', answer: true, category: 'construction' }],
    ]);
  });

  it('bad rows name their spreadsheet row and column', async () => {
    const bytes = await xlsx({
      Sheet1: [
        ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '难度'],
        ['单选', '好题', '甲', '乙', '', '', 'A', 1],
        ['多选', '选项缺了C', '甲', '乙', '', '丁', 'ABD', 1],
        [],
        ['单选', '难度写错', '甲', '乙', '', '', 'A', '很难'],
        ['判断', '答案写成了字母', '', '', '', '', 'A', 1],
      ],
    });
    const parsed = await parseBankFile({ name: 'bad.xlsx', bytes });
    const checked = checkRows(parsed.rows);
    expect(checked.fresh.map((f) => f.row)).toEqual([2]);
    expect(checked.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'optionC', 'option-gap'],
      [5, 'difficulty', 'bad-difficulty'],
      [6, 'answer', 'bad-true-false'],
    ]);
    expect(checked.errors.map((e) => describeIssue('zh', 'xlsx', e))).toEqual([
      '第 3 行「选项C」列：选项C是空的，但后面还有选项；选项须从 A 开始连续填写',
      '第 5 行「难度」列：难度应为 1 到 5 的整数（不填为 1），这里是「很难」',
      '第 6 行「答案」列：判断题的答案应为 对 或 错（也可写 正确/错误、√/×、T/F），这里是「A」',
    ]);
  });

  it('bad-xlsx: a damaged file (zip signature, broken body)', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(500)]);
    expect(fileError(await parseBankFile({ name: 'broken.xlsx', bytes }))).toEqual([['bad-xlsx', {}]]);
  });

  it('too-many-rows: a sheet over the row cap', async () => {
    const rows: Cell[][] = [['题型', '题干', '答案']];
    for (let i = 1; i <= MAX_ROWS + 10; i++) rows.push(['简答', `第${i}题`, `答${i}`]);
    const parsed = await parseBankFile({ name: 'huge.xlsx', bytes: await xlsx({ 题目: rows }) });
    expect(parsed.errors.map((e) => e.code)).toEqual(['too-many-rows']);
    expect(parsed.errors[0].params.max).toBe(MAX_ROWS);
  });
});

describe('XLSX read again when exceljs loses the workbook part', () => {
  it('only the race that loses xl/workbook.xml is read again; a broken file is refused at once', () => {
    expect(isLostWorkbookPart(new TypeError("Cannot read properties of undefined (reading 'sheets')"))).toBe(true);
    expect(isLostWorkbookPart(new TypeError("Cannot read properties of undefined (reading 'rows')"))).toBe(false);
    expect(isLostWorkbookPart(new Error("reading 'sheets'"))).toBe(false);
  });
});

describe('JSON', () => {
  it('version 1 (all open questions) loads', async () => {
    const parsed = await parseBankFile(fixture('v1.json'));
    expect(parsed).toMatchObject({ format: 'json', title: '第一版题库', errors: [] });
    const checked = checkRows(parsed.rows);
    expect(checked.errors).toEqual([]);
    expect(checked.fresh.map((f) => [f.row, f.question.id, f.question.type])).toEqual([
      [1, 'v1-001', 'open'],
      [2, 'v1-002', 'open'],
    ]);
  });

  it('version 2 (every type) loads, with options and letter answers', async () => {
    const checked = checkRows((await parseBankFile(fixture('v2.json'))).rows);
    expect(checked.errors).toEqual([]);
    expect(checked.fresh.map((f) => f.question)).toMatchObject([
      { id: 'v2-single', type: 'single', options: ['中共一大', '中共二大', '中共三大', '中共四大'], answer: [1], points: 10 },
      { id: 'v2-multiple', type: 'multiple', answer: [0, 1, 2] },
      { id: 'v2-tf', type: 'true-false', answer: true },
      { id: 'v2-open', type: 'open', answer: '1978年' },
    ]);
  });

  it('JSON-only row problems: not an object, options not a list, more than eight options; unknown fields are listed', async () => {
    const file = {
      format: 'qiangda-bank',
      version: 2,
      title: 't',
      questions: [
        'just text',
        { type: 'single', stem: 's', options: '甲乙', answer: 'A', explanation: '', note: 'x' },
        { type: 'single', stem: 's', options: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], answer: 'A', explanation: '' },
      ],
    };
    const parsed = await parseBankFile({ name: 'b.json', bytes: utf8(JSON.stringify(file)) });
    expect(parsed.ignoredColumns).toEqual(['note']);
    expect(checkRows(parsed.rows).errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, null, 'not-a-question'],
      [2, 'optionA', 'bad-options'],
      [3, 'optionH', 'too-many-options'],
    ]);
  });

  it.each([
    ['bad-json', '{"format": "qiangda-bank", "questions": [', 'bad-json'],
    ['bad-format', '{"format": "something-else", "questions": []}', 'bad-format'],
    ['bad-format (no questions list)', '{"title": "t"}', 'bad-format'],
    ['bad-version', '{"format": "qiangda-bank", "version": 3, "questions": []}', 'bad-version'],
    ['no-questions', '{"format": "qiangda-bank", "version": 2, "title": "t", "questions": []}', 'no-questions'],
  ])('%s', async (_name, text, code) => {
    const parsed = await parseBankFile({ name: 'bank.json', bytes: utf8(text) });
    expect(parsed.errors.map((e) => e.code)).toEqual([code]);
    expect(parsed.rows).toEqual([]);
  });
});

describe('file-level errors: nothing in the file is read', () => {
  it.each([
    ['empty-file (no bytes)', { name: 'a.csv', bytes: new Uint8Array() }, 'empty-file'],
    ['empty-file (only a BOM and blank lines)', { name: 'a.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x0d, 0x0a]) }, 'empty-file'],
    ['empty-file (only commas)', { name: 'a.csv', bytes: utf8(',,,\n,,,\n') }, 'empty-file'],
    ['empty-file (xlsx without cells)', null, 'empty-file'],
    ['no-questions (header only)', { name: 'a.csv', bytes: utf8(`${HEADER}\n`) }, 'no-questions'],
    ['no-header', { name: 'a.csv', bytes: utf8('姓名,单位\n张三,一支部\n') }, 'no-header'],
    ['unsupported-type (.xls)', { name: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, 'unsupported-type'],
    ['unsupported-type (.docx name, text body)', { name: '题库.docx.pdf', bytes: utf8('题型,题干,答案') }, 'unsupported-type'],
    ['bad-encoding (random bytes)', { name: 'noise.csv', bytes: noise(4000) }, 'bad-encoding'],
    ['csv-unclosed-quote', { name: 'a.csv', bytes: utf8(`${HEADER}\n简答,"没有闭合的引号,,,,,答案,,,\n简答,第二题,,,,,答案,,,\n`) }, 'csv-unclosed-quote'],
  ])('%s', async (_name, file, code) => {
    const upload = file ?? { name: 'empty.xlsx', bytes: await xlsx({ Sheet1: [] }) };
    const parsed = await parseBankFile(upload);
    expect(parsed.errors.map((e) => e.code)).toEqual([code]);
    expect(parsed.rows).toEqual([]);
  });

  it('missing-column and duplicate-column name the column', async () => {
    const missing = await csv('题型,题干,选项A,选项B\n单选,题,甲,乙\n');
    expect(missing.errors).toEqual([{ row: 0, column: 'answer', code: 'missing-column', params: {} }]);
    const twice = await csv('题型,题干,答案,正确答案\n简答,题,甲,乙\n');
    expect(twice.errors).toEqual([{ row: 0, column: 'answer', code: 'duplicate-column', params: {} }]);
  });

  it('too-big: a file over 10 MB is refused unread, and the message says the cap', async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    const parsed = await parseBankFile({ name: 'huge.csv', bytes });
    expect(parsed.errors).toEqual([{ row: 0, column: null, code: 'too-big', params: { maxMb: 10 } }]);
    expect(describeIssue('zh', 'csv', parsed.errors[0])).toContain('10 MB');
  });

  it('too-many-rows: a CSV over the row cap says the cap', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= MAX_ROWS + 1; i++) lines.push(`简答,第${i}题,,,,,答${i},,,`);
    const parsed = await csv(lines.join('\n'));
    expect(parsed.errors).toEqual([{ row: 0, column: null, code: 'too-many-rows', params: { max: MAX_ROWS } }]);
    expect(describeIssue('zh', 'csv', parsed.errors[0])).toBe(`题目太多：一次最多导入 ${MAX_ROWS} 行，这个文件超过了；请拆分成几个文件分别导入`);
  });
});

describe('decodeText', () => {
  it('prefers UTF-8, falls back to GB18030, refuses text with control characters or U+FFFD', () => {
    expect(decodeText(utf8('题型'))).toBe('题型');
    expect(decodeText(new Uint8Array([0xcc, 0xe2, 0xd0, 0xcd]))).toBe('题型');
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
    expect(decodeText(utf8('坏\uFFFD字'))).toBeNull();
    expect(decodeText(new Uint8Array([0xff, 0xff, 0xff]))).toBeNull();
  });
});
