// Loading a question bank file (题库) at start-up, and seeding the bank table from it. The file
// goes through the same reader and row checks as an import (server/bank/), and a file with any
// error, or an exact duplicate, is refused whole with every problem listed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Question } from '../../shared/contest/question.js';
import { translate, type Locale } from '../../shared/i18n/index.js';
import { describeDuplicate, describeIssue } from './messages.js';
import { detectFormat, parseTextBank } from './parse.js';
import type { BankStore } from './store.js';
import { checkRows } from './validate.js';

/** The bank a new server starts with: Party history across the five eras, every question type. */
export const BUNDLED_BANK = fileURLToPath(new URL('./party-history.v2.json', import.meta.url));

export interface Bank {
  title: string;
  questions: Question[];
}

/** A bank file that cannot be used; `message` lists every problem, `problems` one per line. */
export class BankFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    locale: Locale,
  ) {
    super([translate(locale, 'bank.load.invalid', { file }), ...problems.map((p) => `  ${p}`)].join('\n'));
    this.name = 'BankFileError';
  }
}

const terminalLocale = (): Locale => (process.env.QIANGDA_LANG === 'en' ? 'en' : 'zh');

/** Reads and checks a bank file (.json or .csv); throws BankFileError naming every problem. */
export function loadBank(file: string, locale: Locale = terminalLocale()): Bank {
  const bytes = new Uint8Array(readFileSync(file));
  const format = detectFormat({ name: file, bytes });
  if (format === 'xlsx') throw new BankFileError(file, [translate(locale, 'bank.load.xlsx', { file })], locale);
  const parsed = parseTextBank(format ?? 'json', bytes);
  const checked = parsed.errors.length ? null : checkRows(parsed.rows);
  const issues = [...parsed.errors, ...(checked?.errors ?? [])];
  const jsonPath = (row: number, column: string | null) => (format === 'json' && row > 0 ? `questions.${row - 1}${column ? `.${jsonField(column)}` : ''}: ` : '');
  const problems = [
    ...issues.map((i) => `${jsonPath(i.row, i.column)}${describeIssue(locale, parsed.format, i)}`),
    ...(checked?.duplicates ?? []).map((d) => `${jsonPath(d.row, null)}${describeDuplicate(locale, parsed.format, d)} (id ${d.id})`),
  ];
  if (problems.length || !checked) throw new BankFileError(file, problems, locale);
  return { title: parsed.title ?? basename(file), questions: checked.fresh.map((f) => f.question) };
}

/** A JSON file's field for a column: optionC is options.2. */
const jsonField = (column: string) => (column.startsWith('option') ? `options.${column.charCodeAt(6) - 65}` : column);

/** Fills an empty bank from a file (the bundled one by default); returns how many were added. */
export function seedBankIfEmpty(bank: BankStore, file: string = BUNDLED_BANK): number {
  if (bank.count() > 0) return 0;
  return bank.insertMany(loadBank(file).questions);
}
