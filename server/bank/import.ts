// Importing a bank file into the bank: read, check every row, then write all the planned
// questions in one transaction or none. The host decides what happens to a file with errors.
import type { QualityReport } from '../../shared/bank-quality.js';
import type { Question } from '../../shared/contest/question.js';
import { translate, type Locale } from '../../shared/i18n/index.js';
import { describeDuplicate, describeIssue } from './messages.js';
import type { BankParser } from './parse-isolated.js';
import type { BankFormat, BankUpload } from './parse.js';
import { checkQuality } from './quality.js';
import type { BankStore } from './store.js';
import { checkRows, type BankDuplicate, type BankIssue } from './validate.js';

/**
 * check: read and report, write nothing. all: write only if no row has an error.
 * valid-rows: write every valid new row and report the rest.
 */
export type ImportMode = 'check' | 'all' | 'valid-rows';
export const IMPORT_MODES: ImportMode[] = ['check', 'all', 'valid-rows'];

export type ImportOutcome = 'checked' | 'imported' | 'refused-file-error' | 'refused-row-errors' | 'storage-failed';

export type ReportedIssue = BankIssue & { zh: string; en: string };
export type ReportedDuplicate = BankDuplicate & { zh: string; en: string };

export interface ImportReport {
  name: string;
  format: BankFormat | null;
  mode: ImportMode;
  outcome: ImportOutcome;
  /** Question rows read (blank rows not counted). */
  rows: number;
  /** Rows with no error, duplicates included. */
  valid: number;
  /** New questions this file would add (check) or could have added. */
  importable: number;
  imported: number;
  /** Every problem, file-level (row 0) first, then by row; each in both languages. */
  errors: ReportedIssue[];
  duplicates: ReportedDuplicate[];
  ignoredColumns: string[];
  /** Ids of the questions written, in file order. */
  importedIds: string[];
  /** The quality report (题库体检) of the file's rows, as `npm run bank:check` prints it; absent
   * when the file could not be read. */
  quality?: QualityReport;
}

const both = (say: (locale: Locale) => string) => ({ zh: say('zh'), en: say('en') });

/**
 * Reads (with `parse`: the server and CLI read in a worker, see parse-isolated.ts), checks and
 * (by mode) writes one uploaded file; never throws for a bad file.
 */
export async function importQuestions(bank: BankStore, file: BankUpload, mode: ImportMode, parse: BankParser): Promise<ImportReport> {
  const parsed = await parse(file);
  // From here on nothing waits, so no other import can write between the check and the write.
  const index = bank.index();
  const checked = parsed.errors.length ? null : checkRows(parsed.rows, index);
  const errors = [...parsed.errors, ...(checked?.errors ?? [])].sort((a, b) => a.row - b.row);
  const plan: Question[] = checked?.fresh.map((f) => f.question) ?? [];

  let outcome: ImportOutcome;
  let written: Question[] = [];
  if (parsed.errors.length) outcome = 'refused-file-error';
  else if (mode === 'check') outcome = 'checked';
  else if (mode === 'all' && errors.length) outcome = 'refused-row-errors';
  else if (mode === 'valid-rows' && errors.length && plan.length === 0) outcome = 'refused-row-errors';
  else {
    try {
      bank.insertMany(plan);
      written = plan;
      outcome = 'imported';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.unshift({ row: 0, column: null, code: 'storage-failed', params: { reason } });
      outcome = 'storage-failed';
    }
  }

  return {
    name: file.name,
    format: parsed.format,
    mode,
    outcome,
    rows: parsed.rows.length,
    valid: checked?.valid ?? 0,
    importable: plan.length,
    imported: written.length,
    errors: errors.map((e) => ({ ...e, ...both((l) => describeIssue(l, parsed.format, e)) })),
    duplicates: (checked?.duplicates ?? []).map((d) => ({ ...d, ...both((l) => describeDuplicate(l, parsed.format, d)) })),
    ignoredColumns: parsed.ignoredColumns,
    importedIds: written.map((q) => q.id),
    ...(checked && { quality: checkQuality({ fresh: checked.fresh, errors: checked.errors, duplicates: checked.duplicates, knownIds: index.ids, showIds: parsed.format === 'json' }) }),
  };
}

/** The report as lines for a terminal, in one language. */
export function reportLines(locale: Locale, report: ImportReport, bankCount?: number): string[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const badRows = new Set(report.errors.filter((e) => e.row > 0).map((e) => e.row)).size;
  const lines = [t('bank.report.file', { name: report.name, format: report.format ?? '?' })];
  if (report.rows > 0) lines.push(t('bank.report.counts', { rows: report.rows, valid: report.valid, bad: badRows, duplicates: report.duplicates.length }));
  if (report.ignoredColumns.length) lines.push(t('bank.report.ignored-columns', { columns: report.ignoredColumns.join(locale === 'zh' ? '、' : ', ') }));
  if (report.errors.length) {
    lines.push('', t('bank.report.errors', { count: report.errors.length }));
    for (const e of report.errors) lines.push(`  ${e[locale]}`);
  }
  if (report.duplicates.length) {
    lines.push('', t('bank.report.duplicates', { count: report.duplicates.length }));
    for (const d of report.duplicates) lines.push(`  ${d[locale]}`);
  }
  lines.push('');
  switch (report.outcome) {
    case 'checked':
      lines.push(t('bank.report.checked', { importable: report.importable }));
      break;
    case 'imported':
      lines.push(report.imported ? t('bank.report.imported', { imported: report.imported }) : t('bank.report.nothing-new'));
      break;
    case 'refused-row-errors':
      lines.push(t('bank.report.refused-row-errors'));
      break;
    case 'refused-file-error':
      lines.push(t('bank.report.refused-file-error'));
      break;
    case 'storage-failed':
      lines.push(t('bank.report.storage-failed'));
      break;
  }
  if (bankCount !== undefined) lines.push(t('bank.report.bank-count', { count: bankCount }));
  return lines;
}
