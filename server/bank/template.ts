// The downloadable import template: Chinese headers and one example of each question type,
// as XLSX (with a sheet of instructions) and as CSV (UTF-8 with a BOM, so Excel reads it right).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import { letters, type QuestionType } from '../../shared/contest/question.js';
import { BUNDLED_BANK, loadBank } from './bank.js';
import { eraName, OPTION_COLUMNS, optionColumn, TEMPLATE_HEADER, type ColumnKey } from './columns.js';
import { MAX_FILE_BYTES, MAX_ROWS } from './parse.js';
import { conflictsOf, findGiveaways } from './giveaways.js';

/** The template's columns: options A-D (E-H may be added by hand). */
export const TEMPLATE_COLUMNS: ColumnKey[] = ['type', 'stem', 'optionA', 'optionB', 'optionC', 'optionD', 'answer', 'explanation', 'category', 'difficulty', 'points', 'source', 'id', 'fixedOptions', 'excludes'];

/**
 * One example of each type: the first of each in the bundled bank, so the examples are
 * fact-checked with it, and importing the untouched template over the bundled bank adds nothing.
 * The true/false example shows 固定选项 (its two choices never move); an example that gives
 * another question away (Q4) shows that question in 互斥题号.
 */
export function templateExamples(): Partial<Record<ColumnKey, string>>[] {
  const questions = loadBank(BUNDLED_BANK, 'zh').questions;
  const conflicts = conflictsOf(findGiveaways(questions));
  const examples: Partial<Record<ColumnKey, string>>[] = [];
  for (const type of ['single', 'multiple', 'true-false', 'open'] as const) {
    const q = questions.find((x) => x.type === type);
    if (!q) continue;
    const cells: Partial<Record<ColumnKey, string>> = {
      type: TYPE_NAME[type],
      stem: q.stem,
      explanation: q.explanation,
      category: eraName(q.category),
      difficulty: String(q.difficulty),
      points: q.points === undefined ? '' : String(q.points),
      source: q.source ?? '',
      fixedOptions: q.fixedOptions || q.type === 'true-false' ? '是' : '',
      excludes: [...new Set([...(q.excludes ?? []), ...(conflicts.get(q.id) ?? [])])].join('、'),
    };
    if (q.type === 'open') cells.answer = q.answer;
    else if (q.type === 'true-false') cells.answer = q.answer ? '对' : '错';
    else {
      cells.answer = letters(q.answer);
      q.options.forEach((o, i) => (cells[optionColumn(i)] = o));
    }
    examples.push(cells);
  }
  return examples;
}

const TYPE_NAME: Record<QuestionType, string> = { single: '单选', multiple: '多选', 'true-false': '判断', open: '简答' };

const HELP_KEYS: MessageKey[] = [
  'bank.template.help.rows',
  'bank.template.help.type',
  'bank.template.help.stem',
  'bank.template.help.options',
  'bank.template.help.answer',
  'bank.template.help.explanation',
  'bank.template.help.category',
  'bank.template.help.local',
  'bank.template.help.difficulty',
  'bank.template.help.points',
  'bank.template.help.source',
  'bank.template.help.id',
  'bank.template.help.fixedOptions',
  'bank.template.help.excludes',
  'bank.template.help.limits',
  'bank.template.help.csv',
];

/** The columns and rows of the template; an example with more than four options gets more columns. */
function grid(): { columns: ColumnKey[]; rows: string[][] } {
  const examples = templateExamples();
  const columns = [...TEMPLATE_COLUMNS];
  const widest = Math.max(4, ...examples.map((e) => OPTION_COLUMNS.filter((c) => e[c] !== undefined).length));
  columns.splice(columns.indexOf('answer'), 0, ...OPTION_COLUMNS.slice(4, widest));
  return { columns, rows: [columns.map((c) => TEMPLATE_HEADER[c]), ...examples.map((row) => columns.map((c) => row[c] ?? ''))] };
}

/** The CSV template: UTF-8 with a byte-order mark and CRLF lines, as Excel expects. */
export function templateCsv(): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${Papa.unparse(grid().rows, { newline: '\r\n' })}\r\n`);
}

const WIDTHS: Partial<Record<ColumnKey, number>> = { stem: 48, explanation: 48, category: 22, source: 20, excludes: 24 };
const TEXT_COLUMNS = new Set<ColumnKey>(['stem', ...OPTION_COLUMNS, 'answer', 'explanation', 'source', 'id', 'excludes']);
/** Rows given drop-down lists for type, category and difficulty. */
const LIST_ROWS = 500;

/** The XLSX template: a questions sheet with drop-downs, and a sheet of instructions in Chinese. */
export async function templateXlsx(): Promise<Uint8Array> {
  const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Qiangda';

  const sheet = workbook.addWorksheet(zh('bank.template.sheet.questions'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const { columns, rows } = grid();
  sheet.columns = columns.map((c) => ({
    key: c,
    width: WIDTHS[c] ?? 10,
    style: TEXT_COLUMNS.has(c) ? { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE5D6' } };

  const lists: Partial<Record<ColumnKey, string>> = {
    type: '"单选,多选,判断,简答"',
    category: '"建党时期,新民主主义革命时期,社会主义革命和建设时期,改革开放新时期,新时代,地方党史（湖南）"',
    difficulty: '"1,2,3,4,5"',
    fixedOptions: '"是,否"',
  };
  for (const [column, formula] of Object.entries(lists)) {
    const col = sheet.getColumn(column);
    for (let r = 2; r <= LIST_ROWS; r++) {
      sheet.getCell(r, col.number).dataValidation = {
        type: 'list',
        // A category outside the list is allowed: custom categories are kept as typed.
        allowBlank: true,
        showErrorMessage: column !== 'category',
        formulae: [formula],
      };
    }
  }

  const help = workbook.addWorksheet(zh('bank.template.sheet.help'));
  help.getColumn(1).width = 110;
  help.addRow([zh('bank.template.help.title')]).font = { bold: true, size: 14 };
  help.addRow([]);
  for (const key of HELP_KEYS) {
    help.addRow([zh(key, { maxRows: MAX_ROWS, maxMb: MAX_FILE_BYTES / 1024 / 1024 })]).alignment = { wrapText: true, vertical: 'top' };
  }

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
