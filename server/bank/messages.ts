// Bank problems and import reports in words, from the translation tables: the command line
// prints these lines, and the HTTP report carries each problem in both languages.
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { ColumnKey } from './columns.js';
import type { BankFormat } from './parse.js';
import type { BankDuplicate, BankErrorCode, BankIssue } from './validate.js';

/** Every error code has a message: this fails to compile when one is missing. */
const errorKey = (code: BankErrorCode): MessageKey => `bank.error.${code}` satisfies MessageKey;

/** A column's name in the reader's language: "选项C" / "option C". */
export function columnLabel(locale: Locale, column: ColumnKey): string {
  if (column.startsWith('option')) return translate(locale, 'bank.column.option', { letter: column.slice('option'.length) });
  return translate(locale, `bank.column.${column as Exclude<ColumnKey, `option${string}`>}`);
}

/** "第 5 行「答案」列" for a spreadsheet, "第 5 题「答案」" for a JSON file. */
function place(locale: Locale, format: BankFormat | null, row: number, column: ColumnKey | null): string {
  const json = format === 'json';
  if (row === 0) return translate(locale, 'bank.at.file');
  if (column === null) return translate(locale, json ? 'bank.at.question' : 'bank.at.row', { row });
  return translate(locale, json ? 'bank.at.question-field' : 'bank.at.cell', { row, column: columnLabel(locale, column) });
}

/** One problem as a sentence naming its row and column. */
export function describeIssue(locale: Locale, format: BankFormat | null, issue: BankIssue): string {
  const params: Record<string, string | number> = { ...issue.params, at: place(locale, format, issue.row, issue.column) };
  // File-level messages name a column by itself ("缺少「答案」列").
  if (issue.row === 0 && issue.column) params.column = columnLabel(locale, issue.column);
  return translate(locale, errorKey(issue.code), params);
}

/** One duplicate as a sentence naming the row it repeats or the bank question's id. */
export function describeDuplicate(locale: Locale, format: BankFormat | null, duplicate: BankDuplicate): string {
  const at = place(locale, format, duplicate.row, null);
  if ('bankId' in duplicate.sameAs) return translate(locale, 'bank.duplicate.in-bank', { at, id: duplicate.sameAs.bankId });
  return translate(locale, 'bank.duplicate.in-file', { at, other: place(locale, format, duplicate.sameAs.row, null) });
}
