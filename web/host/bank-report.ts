// An import report in the host's language: each problem as row, column and reason, from the
// codes and parameters the server sends (bank.error.<code>), never from its prose.
import { isMessageKey, type MessageKey } from '../../shared/i18n/index.js';
import type { BankDuplicate, BankFormat, BankIssue } from './bank-api.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface IssueLine {
  /** The spreadsheet row (or JSON question number); null for a problem with the whole file. */
  row: number | null;
  /** The column's name in the reader's language, or ''. */
  column: string;
  reason: string;
}

/** "选项C" / "option C"; a column we have no name for keeps its own. */
export function columnName(t: Translate, column: string | null): string {
  if (!column) return '';
  const option = /^option([A-H])$/.exec(column);
  if (option) return t('bank.column.option', { letter: option[1] });
  const key = `bank.column.${column}`;
  return isMessageKey(key) ? t(key) : column;
}

/** Where a problem is, as the bank's messages name it: a cell, a row, a JSON question. */
export function placeName(t: Translate, format: BankFormat | null, row: number, column: string | null): string {
  const json = format === 'json';
  if (row === 0) return t('bank.at.file');
  if (!column) return t(json ? 'bank.at.question' : 'bank.at.row', { row });
  return t(json ? 'bank.at.question-field' : 'bank.at.cell', { row, column: columnName(t, column) });
}

// Stands in for the place while translating, so the reason can be shown without repeating it.
const PLACE = '\u0000';

/** One problem as a table line: the row and column in their own cells, the reason without them. */
export function issueLine(t: Translate, format: BankFormat | null, issue: BankIssue): IssueLine {
  const row = issue.row > 0 ? issue.row : null;
  const column = columnName(t, issue.column);
  const key = `bank.error.${issue.code}`;
  if (!isMessageKey(key)) return { row, column, reason: issue.code };
  const params: Record<string, string | number> = { ...issue.params, at: PLACE };
  // File-level messages name a column by itself ("缺少「答案」列").
  if (issue.column) params.column = column;
  const text = t(key, params);
  const reason = text.startsWith(PLACE) ? text.slice(PLACE.length).replace(/^\s*[：:]\s*/, '') : text.replaceAll(PLACE, placeName(t, format, issue.row, issue.column));
  return { row, column, reason };
}

/** One duplicate as a sentence: which row it repeats, or which bank question. */
export function duplicateLine(t: Translate, format: BankFormat | null, duplicate: BankDuplicate): string {
  const at = placeName(t, format, duplicate.row, null);
  const same = duplicate.sameAs;
  if (same && 'bankId' in same) return t('bank.duplicate.in-bank', { at, id: same.bankId });
  if (same && 'row' in same) return t('bank.duplicate.in-file', { at, other: placeName(t, format, same.row, null) });
  return at;
}

/** A type's or category's count for the summary line, biggest first. */
export function sortedCounts(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
