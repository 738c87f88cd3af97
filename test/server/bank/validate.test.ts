// Row checks: one table row per error code, then what each column accepts, then repeats.
import { describe, expect, it } from 'vitest';
import { fingerprint, type Question } from '../../../shared/contest/question.js';
import { en } from '../../../shared/i18n/en.js';
import { zh } from '../../../shared/i18n/zh.js';
import type { ColumnKey } from '../../../server/bank/columns.js';
import { columnLabel, describeIssue } from '../../../server/bank/messages.js';
import {
  checkRows,
  FILE_ERROR_CODES,
  idFromFingerprint,
  ROW_ERROR_CODES,
  validateRow,
  type BankIssue,
  type BankRow,
  type RowErrorCode,
} from '../../../server/bank/validate.js';

type Cells = BankRow['cells'];

const single: Cells = { type: '单选', stem: '遵义会议是在哪一年召开的？', optionA: '1934年', optionB: '1935年', optionC: '1936年', answer: 'B' };
const multiple: Cells = { type: '多选', stem: '“三大法宝”是哪些？', optionA: '统一战线', optionB: '武装斗争', optionC: '党的建设', optionD: '土地革命', answer: 'ABC' };
const trueFalse: Cells = { type: '判断', stem: '中华人民共和国成立于1949年。', answer: '对' };
const open: Cells = { type: '简答', stem: '党的十一届三中全会于哪一年召开？', answer: '1978年' };

const row = (cells: Cells, n = 2): BankRow => ({ row: n, cells });

function errorsOf(cells: Cells): BankIssue[] {
  const result = validateRow(row(cells));
  return result.ok ? [] : result.errors;
}

function questionOf(cells: Cells): Question {
  const result = validateRow(row(cells));
  if (!result.ok) throw new Error(`expected a question, got ${result.errors.map((e) => e.code).join(', ')}`);
  return result.question;
}

/** One bad row per row-level code (the JSON-only and cross-row codes are covered below). */
const CASES: { code: RowErrorCode; cells: Cells; column: ColumnKey | null; params?: Record<string, string | number> }[] = [
  { code: 'missing-type', cells: { ...single, type: '' }, column: 'type' },
  { code: 'unknown-type', cells: { ...single, type: '填表' }, column: 'type', params: { value: '填表' } },
  { code: 'missing-stem', cells: { ...single, stem: '  ' }, column: 'stem' },
  { code: 'missing-answer', cells: { ...single, answer: '' }, column: 'answer' },
  { code: 'missing-answer', cells: { ...open, answer: '' }, column: 'answer' },
  { code: 'missing-answer', cells: { ...trueFalse, answer: '' }, column: 'answer' },
  { code: 'bad-choice-answer', cells: { ...single, answer: '1935年' }, column: 'answer', params: { value: '1935年' } },
  { code: 'answer-out-of-range', cells: { ...single, answer: 'D' }, column: 'answer', params: { letter: 'D', last: 'C' } },
  { code: 'answer-out-of-range', cells: { ...multiple, answer: 'A,E' }, column: 'answer', params: { letter: 'E', last: 'D' } },
  { code: 'too-few-options', cells: { ...single, optionB: '', optionC: '', answer: 'A' }, column: 'optionB', params: { count: 1, min: 2 } },
  { code: 'option-gap', cells: { ...single, optionB: '' }, column: 'optionB', params: { letter: 'B' } },
  { code: 'duplicate-option', cells: { ...single, optionC: '1934年' }, column: 'optionC', params: { letter: 'C', other: 'A' } },
  { code: 'single-needs-one-answer', cells: { ...single, answer: 'AB' }, column: 'answer', params: { value: 'AB' } },
  { code: 'multiple-needs-two-answers', cells: { ...multiple, answer: 'B' }, column: 'answer', params: { value: 'B' } },
  { code: 'bad-true-false', cells: { ...trueFalse, answer: '也许' }, column: 'answer', params: { value: '也许' } },
  { code: 'bad-difficulty', cells: { ...single, difficulty: '6' }, column: 'difficulty', params: { value: '6' } },
  { code: 'bad-difficulty', cells: { ...single, difficulty: '难' }, column: 'difficulty' },
  { code: 'bad-difficulty', cells: { ...single, difficulty: '2.5' }, column: 'difficulty' },
  { code: 'bad-points', cells: { ...single, points: '0' }, column: 'points', params: { value: '0' } },
  { code: 'bad-points', cells: { ...single, points: '十分' }, column: 'points' },
  { code: 'too-long', cells: { ...single, stem: '题'.repeat(501) }, column: 'stem', params: { max: 500, length: 501 } },
  { code: 'too-long', cells: { ...single, optionA: '选'.repeat(201) }, column: 'optionA', params: { max: 200 } },
  { code: 'too-long', cells: { ...open, explanation: '解'.repeat(1001) }, column: 'explanation', params: { max: 1000 } },
  { code: 'too-long', cells: { ...open, id: 'x'.repeat(65) }, column: 'id', params: { max: 64 } },
];

describe('row checks: one error per code', () => {
  it.each(CASES.map((c) => [c.code, c.column ?? '-', c] as const))('%s (%s)', (_code, _column, c) => {
    const errors = errorsOf(c.cells);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, code: c.code, column: c.column, params: c.params ?? {} });
  });

  it('every row problem in one row is reported, not just the first', () => {
    const errors = errorsOf({ type: '单选', stem: '', optionA: '甲', answer: 'Z', difficulty: '0', points: '-1' });
    expect(errors.map((e) => e.code).sort()).toEqual(['answer-out-of-range', 'bad-difficulty', 'bad-points', 'missing-stem', 'too-few-options']);
  });

  it('every error code has a message in both languages, naming the row and column', () => {
    for (const code of [...ROW_ERROR_CODES, ...FILE_ERROR_CODES]) {
      expect(zh, code).toHaveProperty([`bank.error.${code}`]);
      expect(en, code).toHaveProperty([`bank.error.${code}`]);
    }
    const issue: BankIssue = { row: 7, column: 'optionC', code: 'duplicate-option', params: { letter: 'C', other: 'A' } };
    expect(describeIssue('zh', 'xlsx', issue)).toBe('第 7 行「选项C」列：选项C与选项A内容相同');
    expect(describeIssue('en', 'csv', issue)).toBe('Row 7, column "option C": option C is the same as option A');
    expect(describeIssue('zh', 'json', { ...issue, column: 'answer', code: 'missing-answer', params: {} })).toBe('第 7 题「答案」：没有填写答案');
    expect(describeIssue('zh', 'csv', { row: 0, column: 'answer', code: 'missing-column', params: {} })).toBe('缺少「答案」列（可下载模板对照）');
    expect(columnLabel('en', 'optionH')).toBe('option H');
  });
});

describe('row checks: what each column accepts', () => {
  it.each([
    ['单选', 'single'],
    ['单选题', 'single'],
    ['单项选择题', 'single'],
    ['Single Choice', 'single'],
    ['多选题', 'multiple'],
    ['multiple', 'multiple'],
    ['判断题', 'true-false'],
    ['true-false', 'true-false'],
    ['True/False', 'true-false'],
    ['简答', 'open'],
    ['问答题', 'open'],
    ['open', 'open'],
  ])('type %s is %s', (typed, type) => {
    const cells = type === 'single' ? single : type === 'multiple' ? multiple : type === 'true-false' ? trueFalse : open;
    expect(questionOf({ ...cells, type: typed }).type).toBe(type);
  });

  it.each([
    ['B', [1]],
    ['b', [1]],
    ['Ｂ', [1]],
    [' B ', [1]],
  ])('single answer %j is option indices %j', (answer, key) => {
    expect(questionOf({ ...single, answer })).toMatchObject({ type: 'single', answer: key, options: ['1934年', '1935年', '1936年'] });
  });

  it.each([
    ['ACD', [0, 2, 3]],
    ['A,C,D', [0, 2, 3]],
    ['a、c、d', [0, 2, 3]],
    ['D C A', [0, 2, 3]],
    ['A，C；D', [0, 2, 3]],
    ['AAC', [0, 2]],
  ])('multiple answer %j is option indices %j', (answer, key) => {
    expect(questionOf({ ...multiple, answer })).toMatchObject({ type: 'multiple', answer: key });
  });

  it.each([
    ['对', true],
    ['正确', true],
    ['√', true],
    ['T', true],
    ['true', true],
    ['TRUE', true],
    ['错', false],
    ['错误', false],
    ['×', false],
    ['F', false],
    ['false', false],
  ])('true/false answer %j is %j', (answer, value) => {
    expect(questionOf({ ...trueFalse, answer })).toMatchObject({ type: 'true-false', answer: value });
  });

  it('options go up to H', () => {
    const q = questionOf({ ...single, optionD: '丁', optionE: '戊', optionF: '己', optionG: '庚', optionH: '辛', answer: 'H' });
    expect(q).toMatchObject({ options: ['1934年', '1935年', '1936年', '丁', '戊', '己', '庚', '辛'], answer: [7] });
  });

  it('options on a true/false or open question are ignored', () => {
    expect(questionOf({ ...trueFalse, optionA: '对', optionB: '错' })).not.toHaveProperty('options');
  });

  it.each([
    ['建党时期', 'founding'],
    ['新民主主义革命时期', 'revolution'],
    ['社会主义革命和建设时期', 'construction'],
    ['改革开放新时期', 'reform'],
    ['改革开放和社会主义现代化建设新时期', 'reform'],
    ['新时代', 'new-era'],
    ['new-era', 'new-era'],
    ['基层党建', '基层党建'],
    ['', ''],
  ])('category %j is stored as %j', (category, stored) => {
    expect(questionOf({ ...open, category }).category).toBe(stored);
  });

  it('difficulty defaults to 1, points are optional, text is trimmed', () => {
    const q = questionOf({ ...open, stem: '  党的十一届三中全会于哪一年召开？ ', source: ' 《简史》 ', explanation: '' });
    expect(q).toEqual({
      id: q.id,
      type: 'open',
      category: '',
      difficulty: 1,
      stem: '党的十一届三中全会于哪一年召开？',
      answer: '1978年',
      explanation: '',
      source: '《简史》',
    });
    expect(questionOf({ ...open, difficulty: '5', points: '30' })).toMatchObject({ difficulty: 5, points: 30 });
  });

  it('a row without an id gets a stable one from its fingerprint; a given id is kept', () => {
    const q = questionOf(single);
    expect(q.id).toBe(idFromFingerprint(fingerprint(q)));
    expect(questionOf({ ...single, explanation: '不同的解析' }).id).toBe(q.id);
    expect(questionOf({ ...single, answer: 'C' }).id).not.toBe(q.id);
    expect(questionOf({ ...single, id: ' rev-001 ' }).id).toBe('rev-001');
  });
});

describe('repeats within a file and of the bank', () => {
  it('an exact repeat in the file is a duplicate of its first row, not an error, and is planned once', () => {
    const checked = checkRows([row(single, 2), row(open, 3), row({ ...single, explanation: '另一种解析', difficulty: '3' }, 4)]);
    expect(checked.errors).toEqual([]);
    expect(checked.valid).toBe(3);
    expect(checked.fresh.map((f) => f.row)).toEqual([2, 3]);
    expect(checked.duplicates).toEqual([{ row: 4, id: questionOf(single).id, sameAs: { row: 2 } }]);
  });

  it('a question already in the bank is a duplicate naming the bank id', () => {
    const inBank = questionOf(single);
    const checked = checkRows([row(single, 2), row(open, 3)], { fingerprints: new Map([[fingerprint(inBank), 'bank-7']]), ids: new Set(['bank-7']) });
    expect(checked.duplicates).toEqual([{ row: 2, id: inBank.id, sameAs: { bankId: 'bank-7' } }]);
    expect(checked.fresh.map((f) => f.row)).toEqual([3]);
  });

  it('duplicate-id: two different questions with one id', () => {
    const checked = checkRows([row({ ...single, id: 'x1' }, 2), row({ ...open, id: 'x1' }, 3)]);
    expect(checked.errors).toEqual([{ row: 3, column: 'id', code: 'duplicate-id', params: { id: 'x1', other: 2 } }]);
    expect(checked.valid).toBe(1);
  });

  it('id-taken: an id the bank uses for a different question', () => {
    const checked = checkRows([row({ ...open, id: 'founding-001' }, 2)], { fingerprints: new Map(), ids: new Set(['founding-001']) });
    expect(checked.errors).toEqual([{ row: 2, column: 'id', code: 'id-taken', params: { id: 'founding-001' } }]);
    expect(checked.fresh).toEqual([]);
  });

  it('not-a-question, bad-options and too-many-options come from the JSON reader and are kept', () => {
    const notObject = validateRow({ row: 3, cells: {}, issues: [{ row: 3, column: null, code: 'not-a-question', params: {} }] });
    expect(notObject).toEqual({ ok: false, errors: [{ row: 3, column: null, code: 'not-a-question', params: {} }] });
    const badOptions = validateRow({ ...row(single), issues: [{ row: 2, column: 'optionA', code: 'bad-options', params: {} }] });
    expect(badOptions.ok ? [] : badOptions.errors.map((e) => e.code)).toEqual(['bad-options']);
  });
});
