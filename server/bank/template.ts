// The downloadable import template: Chinese headers and one example of each question type,
// as XLSX (with a sheet of instructions) and as CSV (UTF-8 with a BOM, so Excel reads it right).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import { TEMPLATE_HEADER, type ColumnKey } from './columns.js';
import { MAX_FILE_BYTES, MAX_ROWS } from './parse.js';

/** The template's columns: options A-D (E-H may be added by hand). */
export const TEMPLATE_COLUMNS: ColumnKey[] = ['type', 'stem', 'optionA', 'optionB', 'optionC', 'optionD', 'answer', 'explanation', 'category', 'difficulty', 'points', 'source', 'id'];

/** Real questions from the bundled bank, so importing the untouched template adds nothing twice. */
export const TEMPLATE_EXAMPLES: Partial<Record<ColumnKey, string>>[] = [
  {
    type: '单选',
    stem: '中共一大选举产生的中央局，担任书记的是谁？',
    optionA: '陈独秀',
    optionB: '李大钊',
    optionC: '张国焘',
    optionD: '李达',
    answer: 'A',
    explanation: '中共一大选举产生了由陈独秀、张国焘、李达组成的中央局，陈独秀任书记，张国焘负责组织工作，李达负责宣传工作。',
    category: '建党时期',
    difficulty: '2',
    source: '《中国共产党简史》',
  },
  {
    type: '多选',
    stem: '1920年至1921年上半年，下列哪些城市建立了共产党早期组织？',
    optionA: '北京',
    optionB: '长沙',
    optionC: '济南',
    optionD: '南京',
    answer: 'ABC',
    explanation: '1920年8月至1921年上半年，上海、北京、武汉、长沙、济南、广州等地以及旅日、旅法的先进分子中相继建立了共产党早期组织，南京不在其中。',
    category: '建党时期',
    difficulty: '2',
    points: '20',
    source: '《中国共产党简史》',
  },
  {
    type: '判断',
    stem: '中共四大于1925年1月在上海召开。',
    answer: '对',
    explanation: '1925年1月，中共四大在上海召开，第一次明确提出无产阶级在民主革命中的领导权问题和工农联盟问题。',
    category: '建党时期',
    difficulty: '2',
    source: '《中国共产党简史》',
  },
  {
    type: '简答',
    stem: '中国共产党第一次全国代表大会于哪一年召开？',
    answer: '1921年',
    explanation: '1921年7月23日，中共一大在上海开幕，最后一天的会议转移到浙江嘉兴南湖的游船上举行。',
    category: '建党时期',
    difficulty: '1',
    source: '《中国共产党简史》',
  },
];

const HELP_KEYS: MessageKey[] = [
  'bank.template.help.rows',
  'bank.template.help.type',
  'bank.template.help.stem',
  'bank.template.help.options',
  'bank.template.help.answer',
  'bank.template.help.explanation',
  'bank.template.help.category',
  'bank.template.help.difficulty',
  'bank.template.help.points',
  'bank.template.help.source',
  'bank.template.help.id',
  'bank.template.help.limits',
  'bank.template.help.csv',
];

const grid = (): string[][] => [TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADER[c]), ...TEMPLATE_EXAMPLES.map((row) => TEMPLATE_COLUMNS.map((c) => row[c] ?? ''))];

/** The CSV template: UTF-8 with a byte-order mark and CRLF lines, as Excel expects. */
export function templateCsv(): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${Papa.unparse(grid(), { newline: '\r\n' })}\r\n`);
}

const WIDTHS: Partial<Record<ColumnKey, number>> = { stem: 48, explanation: 48, category: 22, source: 20 };
const TEXT_COLUMNS = new Set<ColumnKey>(['stem', 'optionA', 'optionB', 'optionC', 'optionD', 'answer', 'explanation', 'source', 'id']);
/** Rows given drop-down lists for type, category and difficulty. */
const LIST_ROWS = 500;

/** The XLSX template: a questions sheet with drop-downs, and a sheet of instructions in Chinese. */
export async function templateXlsx(): Promise<Uint8Array> {
  const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Qiangda';

  const sheet = workbook.addWorksheet(zh('bank.template.sheet.questions'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({
    key: c,
    width: WIDTHS[c] ?? 10,
    style: TEXT_COLUMNS.has(c) ? { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }));
  for (const row of grid()) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE5D6' } };

  const lists: Partial<Record<ColumnKey, string>> = {
    type: '"单选,多选,判断,简答"',
    category: '"建党时期,新民主主义革命时期,社会主义革命和建设时期,改革开放新时期,新时代"',
    difficulty: '"1,2,3,4,5"',
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
