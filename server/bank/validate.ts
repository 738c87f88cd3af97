// Turning rows of named cells into questions, or into every reason they cannot be one. Pure:
// no I/O, so each rule is a table row in the tests.
import { createHash } from 'node:crypto';
import { fingerprint, MAX_OPTIONS, MIN_OPTIONS, type Question } from '../../shared/contest/question.js';
import { categoryForCell, excludesForCell, fixedOptionsForCell, OPTION_COLUMNS, OPTION_LETTERS, optionColumn, trueFalseForCell, typeForCell, type ColumnKey } from './columns.js';

/** One row of a bank file: its number as the spreadsheet shows it (header = 1), and its cells. */
export interface BankRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
  /** Problems the reader already found (a JSON entry that is not an object, say). */
  issues?: BankIssue[];
}

/** Problems with one row; each has a message `bank.error.<code>` in both languages. */
export const ROW_ERROR_CODES = [
  'missing-type',
  'unknown-type',
  'missing-stem',
  'missing-answer',
  'bad-choice-answer',
  'answer-out-of-range',
  'too-few-options',
  'too-many-options',
  'option-gap',
  'duplicate-option',
  'single-needs-one-answer',
  'multiple-needs-two-answers',
  'bad-true-false',
  'bad-difficulty',
  'bad-points',
  'too-long',
  'duplicate-id',
  'id-taken',
  'bad-options',
  'not-a-question',
  'bad-fixed-options',
] as const;

/** Problems with the file as a whole: nothing in it can be imported. */
export const FILE_ERROR_CODES = [
  'empty-file',
  'no-questions',
  'no-header',
  'missing-column',
  'duplicate-column',
  'unsupported-type',
  'bad-encoding',
  'too-big',
  'too-many-rows',
  'bad-json',
  'bad-format',
  'bad-version',
  'bad-xlsx',
  'xlsx-too-large',
  'parse-timeout',
  'parse-too-much-memory',
  'parse-busy',
  'csv-unclosed-quote',
  'storage-failed',
] as const;

export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export type BankErrorCode = RowErrorCode | FileErrorCode;

/** A problem found in a bank file. File-level problems have row 0 and no column. */
export interface BankIssue {
  row: number;
  column: ColumnKey | null;
  code: BankErrorCode;
  params: Record<string, string | number>;
}

/** A row that repeats another row of the file, or a question already in the bank. */
export interface BankDuplicate {
  row: number;
  id: string;
  sameAs: { row: number } | { bankId: string };
}

export const MAX_POINTS = 1000;
export const MAX_DIFFICULTY = 5;

/** The longest text each column may hold, in characters. */
export const MAX_LENGTH: Partial<Record<ColumnKey, number>> = {
  stem: 500,
  answer: 200,
  explanation: 1000,
  category: 32,
  source: 200,
  id: 64,
  excludes: 1000,
  ...Object.fromEntries(OPTION_COLUMNS.map((c) => [c, 200])),
};

/** What is already in the bank, for spotting repeats: fingerprint -> id, and every id. */
export interface BankIndex {
  fingerprints: ReadonlyMap<string, string>;
  ids: ReadonlySet<string>;
}

export const EMPTY_INDEX: BankIndex = { fingerprints: new Map(), ids: new Set() };

export type RowResult = { ok: true; question: Question } | { ok: false; errors: BankIssue[] };

/** A stable id for a question whose row has none: the same question always gets the same id. */
export function idFromFingerprint(print: string): string {
  return `q-${createHash('sha256').update(print).digest('hex').slice(0, 12)}`;
}

/** Checks one row on its own and builds its question, or lists every problem in it. */
export function validateRow(input: BankRow): RowResult {
  const { row } = input;
  if (input.issues?.some((i) => i.code === 'not-a-question')) return { ok: false, errors: input.issues };
  const errors: BankIssue[] = [...(input.issues ?? [])];
  const fail = (column: ColumnKey | null, code: RowErrorCode, params: Record<string, string | number> = {}) => {
    errors.push({ row, column, code, params });
  };
  const cell = (column: ColumnKey): string => (input.cells[column] ?? '').trim();
  const text = (column: ColumnKey): string => {
    const value = cell(column);
    const max = MAX_LENGTH[column];
    const length = [...value].length;
    if (max !== undefined && length > max) fail(column, 'too-long', { max, length });
    return value;
  };

  const typeCell = cell('type');
  const type = typeCell ? typeForCell(typeCell) : null;
  if (!typeCell) fail('type', 'missing-type');
  else if (!type) fail('type', 'unknown-type', { value: typeCell });

  const stem = text('stem');
  if (!stem) fail('stem', 'missing-stem');

  const explanation = text('explanation');
  const category = categoryForCell(text('category'));
  const source = text('source');
  const id = text('id');
  const excludes = excludesForCell(text('excludes'));
  const fixedCell = cell('fixedOptions');
  const fixedOptions = fixedOptionsForCell(fixedCell);
  if (fixedOptions === null) fail('fixedOptions', 'bad-fixed-options', { value: fixedCell });

  const difficultyCell = cell('difficulty');
  const difficulty = difficultyCell === '' ? 1 : Number(difficultyCell);
  if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > MAX_DIFFICULTY) {
    fail('difficulty', 'bad-difficulty', { value: difficultyCell, max: MAX_DIFFICULTY });
  }

  const pointsCell = cell('points');
  const points = pointsCell === '' ? undefined : Number(pointsCell);
  if (points !== undefined && (!Number.isInteger(points) || points < 1 || points > MAX_POINTS)) {
    fail('points', 'bad-points', { value: pointsCell, max: MAX_POINTS });
  }

  const answerCell = type === 'open' ? text('answer') : cell('answer');
  if (!answerCell) fail('answer', 'missing-answer');

  let question: Question | null = null;
  const base = {
    id,
    category,
    difficulty,
    stem,
    explanation,
    ...(points !== undefined ? { points } : {}),
    ...(source ? { source } : {}),
    ...(fixedOptions ? { fixedOptions } : {}),
    ...(excludes.length ? { excludes } : {}),
  };
  if (type === 'open') {
    question = { ...base, type, answer: answerCell };
  } else if (type === 'true-false') {
    const answer = trueFalseForCell(answerCell);
    if (answerCell && answer === null) fail('answer', 'bad-true-false', { value: answerCell });
    if (answer !== null) question = { ...base, type, answer };
  } else if (type === 'single' || type === 'multiple') {
    const options = input.issues?.some((i) => i.code === 'bad-options') ? null : choiceOptions(text, fail);
    const answer = answerCell ? choiceAnswer(answerCell, options?.length ?? MAX_OPTIONS, fail) : null;
    if (answer && type === 'single' && answer.length !== 1) fail('answer', 'single-needs-one-answer', { value: answerCell });
    if (answer && type === 'multiple' && answer.length < 2) fail('answer', 'multiple-needs-two-answers', { value: answerCell });
    if (options && answer) question = { ...base, type, options, answer };
  }

  if (errors.length || !question) return { ok: false, errors };
  if (!question.id) question.id = idFromFingerprint(fingerprint(question));
  return { ok: true, question };
}

/** Options A.. filled in order without gaps, at least two, none repeated; null if not. */
function choiceOptions(
  text: (column: ColumnKey) => string,
  fail: (column: ColumnKey | null, code: RowErrorCode, params?: Record<string, string | number>) => void,
): string[] | null {
  const cells = OPTION_COLUMNS.map((c) => text(c));
  const options = cells.slice(0, cells.findLastIndex((c) => c !== '') + 1);
  const filled = options.filter((o) => o !== '').length;
  if (filled < MIN_OPTIONS) {
    const firstEmpty = cells.findIndex((c) => c === '');
    fail(optionColumn(firstEmpty), 'too-few-options', { count: filled, min: MIN_OPTIONS });
    return null;
  }
  let ok = true;
  const seen = new Map<string, number>();
  options.forEach((o, i) => {
    const other = seen.get(o);
    if (!o) fail(optionColumn(i), 'option-gap', { letter: OPTION_LETTERS[i] });
    else if (other !== undefined) fail(optionColumn(i), 'duplicate-option', { letter: OPTION_LETTERS[i], other: OPTION_LETTERS[other] });
    else seen.set(o, i);
    if (!o || other !== undefined) ok = false;
  });
  return ok ? options : null;
}

/** "B", "ACD", "A,C,D", "a、c" -> sorted option indices; null (with the reason) if not letters in range. */
function choiceAnswer(
  answer: string,
  optionCount: number,
  fail: (column: ColumnKey | null, code: RowErrorCode, params?: Record<string, string | number>) => void,
): number[] | null {
  const letters = answer
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s,，、;；/|.。]/g, '');
  if (!/^[A-Z]+$/.test(letters)) {
    fail('answer', 'bad-choice-answer', { value: answer });
    return null;
  }
  const indices = [...new Set([...letters].map((l) => l.charCodeAt(0) - 65))].sort((a, b) => a - b);
  const outside = indices.find((i) => i >= optionCount);
  if (outside !== undefined) {
    fail('answer', 'answer-out-of-range', { letter: String.fromCharCode(65 + outside), last: OPTION_LETTERS[Math.min(optionCount, MAX_OPTIONS) - 1] });
    return null;
  }
  return indices;
}

/** The outcome of checking every row of a file against itself and the bank. */
export interface CheckedRows {
  /** Valid rows that are new: what an import would write. */
  fresh: { row: number; question: Question }[];
  /** Rows that passed their own checks, duplicates included. */
  valid: number;
  errors: BankIssue[];
  duplicates: BankDuplicate[];
}

/** Checks every row, then spots exact repeats (within the file and of the bank) and id clashes. */
export function checkRows(rows: readonly BankRow[], bank: BankIndex = EMPTY_INDEX): CheckedRows {
  const fresh: CheckedRows['fresh'] = [];
  const errors: BankIssue[] = [];
  const duplicates: BankDuplicate[] = [];
  const printRows = new Map<string, number>();
  const idRows = new Map<string, number>();
  let valid = 0;
  for (const row of rows) {
    const result = validateRow(row);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    valid++;
    const q = result.question;
    const print = fingerprint(q);
    const earlier = printRows.get(print);
    const inBank = bank.fingerprints.get(print);
    if (earlier !== undefined) {
      duplicates.push({ row: row.row, id: q.id, sameAs: { row: earlier } });
      continue;
    }
    if (inBank !== undefined) {
      duplicates.push({ row: row.row, id: q.id, sameAs: { bankId: inBank } });
      continue;
    }
    const idRow = idRows.get(q.id);
    if (idRow !== undefined) {
      errors.push({ row: row.row, column: 'id', code: 'duplicate-id', params: { id: q.id, other: idRow } });
      valid--;
      continue;
    }
    if (bank.ids.has(q.id)) {
      errors.push({ row: row.row, column: 'id', code: 'id-taken', params: { id: q.id } });
      valid--;
      continue;
    }
    printRows.set(print, row.row);
    idRows.set(q.id, row.row);
    fresh.push({ row: row.row, question: q });
  }
  return { fresh, valid, errors, duplicates };
}
