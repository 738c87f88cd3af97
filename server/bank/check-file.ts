// One bank file checked end to end for `npm run bank:check` and the import check: read it, run the
// row checks, then the quality report; every problem keeps the row the organiser will look for.
import { qualitySections, type QualityReport, type QualitySection } from '../../shared/bank-quality.js';
import { translate, type Locale } from '../../shared/i18n/index.js';
import { describeIssue } from './messages.js';
import type { BankParser } from './parse-isolated.js';
import type { BankFormat, BankUpload } from './parse.js';
import { checkQuality } from './quality.js';
import { checkRows, type BankIssue } from './validate.js';

export interface CheckedFile {
  name: string;
  format: BankFormat | null;
  /** Problems that stop rows (or the whole file) from being imported. */
  errors: BankIssue[];
  /** Null when the file itself could not be read. */
  quality: QualityReport | null;
}

/** Reads and checks one file against nothing but itself. */
export async function checkBankFile(file: BankUpload, parse: BankParser): Promise<CheckedFile> {
  const parsed = await parse(file);
  if (parsed.errors.length) return { name: file.name, format: parsed.format, errors: parsed.errors, quality: null };
  const checked = checkRows(parsed.rows);
  return {
    name: file.name,
    format: parsed.format,
    errors: checked.errors,
    quality: checkQuality({ fresh: checked.fresh, errors: checked.errors, duplicates: checked.duplicates, showIds: parsed.format === 'json' }),
  };
}

/** The report as terminal lines in one language, and how many sections need work (0: fit to use). */
export function checkLines(locale: Locale, checked: CheckedFile): { lines: string[]; problems: number } {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const lines = [t('bankCheck.title', { name: checked.name }), ''];
  let problems = 0;
  if (checked.errors.length) {
    problems++;
    lines.push(mark(t, false, t('bankCheck.errors.heading', { n: checked.errors.length })));
    for (const e of checked.errors) lines.push(`  ${describeIssue(locale, checked.format, e)}`);
    lines.push('');
  }
  if (checked.quality) {
    for (const section of qualitySections(t, checked.format, checked.quality)) {
      if (!section.ok) problems++;
      lines.push(...sectionLines(t, section), '');
    }
  }
  lines.push(problems ? t('bankCheck.summary.problems', { n: problems }) : t('bankCheck.summary.ok'));
  return { lines, problems };
}

function sectionLines(t: (key: Parameters<typeof translate>[1]) => string, section: QualitySection): string[] {
  return [mark(t, section.ok, section.heading), ...section.lines.map((l) => `  ${l}`)];
}

const mark = (t: (key: Parameters<typeof translate>[1]) => string, ok: boolean, heading: string) => `【${t(ok ? 'bankCheck.ok' : 'bankCheck.problem')}】${heading}`;
