// Reading a bank file (CSV, XLSX or JSON) into rows of named cells with their row numbers, or
// into the reason the file as a whole cannot be read. Row checks happen in validate.ts.
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { MAX_OPTIONS } from '../../shared/contest/question.js';
import { COLUMNS, columnForHeader, optionColumn, REQUIRED_COLUMNS, type ColumnKey } from './columns.js';
import type { BankIssue, BankRow, FileErrorCode } from './validate.js';
import { checkZip, MAX_INFLATED_BYTES } from './zip-check.js';

export type BankFormat = 'csv' | 'xlsx' | 'json';

/** A file larger than this is refused unread. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A file with more question rows than this is refused: split it. */
export const MAX_ROWS = 5000;

export interface BankUpload {
  name: string;
  bytes: Uint8Array;
}

export interface ParsedBank {
  format: BankFormat | null;
  /** The bank's title, for JSON files that carry one. */
  title?: string;
  rows: BankRow[];
  /** Header cells (or JSON fields) that name no column we know; their content is not read. */
  ignoredColumns: string[];
  /** File-level problems; when any, `rows` is empty. */
  errors: BankIssue[];
}

const fileError = (code: FileErrorCode, params: Record<string, string | number> = {}, column: ColumnKey | null = null): BankIssue => ({
  row: 0,
  column,
  code,
  params,
});

const refused = (format: BankFormat | null, code: FileErrorCode, params: Record<string, string | number> = {}, column: ColumnKey | null = null): ParsedBank => ({
  format,
  rows: [],
  ignoredColumns: [],
  errors: [fileError(code, params, column)],
});

const extension = (name: string) => /\.([^./\\]+)$/.exec(name.trim().toLowerCase())?.[1] ?? '';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Which reader a file needs: its leading bytes first (a renamed file still opens), then its name. */
export function detectFormat(file: BankUpload): BankFormat | null {
  if (startsWith(file.bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(file.bytes, OLE_MAGIC)) return null; // .xls (Excel 97-2003) and other OLE files
  const ext = extension(file.name);
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return null;
}

/** True if text holds a replacement character or control characters other than tab and newlines. */
function looksGarbled(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/**
 * Text from bytes: UTF-16 by its BOM, else strict UTF-8 (BOM stripped), else GB18030, which is
 * what Excel on Chinese Windows writes for "CSV". Null when neither gives clean text.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return clean(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return clean(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let utf8: string;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return clean(new TextDecoder('gb18030').decode(body));
  }
  // Valid UTF-8 is never re-read as GB18030: that would turn it into plausible-looking nonsense.
  return clean(utf8);
}

function clean(text: string): string | null {
  return looksGarbled(text) ? null : text;
}

/** Reads any bank file into rows; every refusal is a file-level issue, never an exception. */
export async function parseBankFile(file: BankUpload): Promise<ParsedBank> {
  if (file.bytes.length > MAX_FILE_BYTES) return refused(detectFormat(file), 'too-big', { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
  if (file.bytes.length === 0) return refused(detectFormat(file), 'empty-file');
  const format = detectFormat(file);
  if (format === 'xlsx') return parseXlsx(file.bytes);
  if (format === null) return refused(null, 'unsupported-type', { name: file.name });
  return parseTextBank(format, file.bytes);
}

/** The CSV and JSON readers, which need no waiting: loadBank uses them at start-up. */
export function parseTextBank(format: 'csv' | 'json', bytes: Uint8Array): ParsedBank {
  if (bytes.length > MAX_FILE_BYTES) return refused(format, 'too-big', { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
  const text = decodeText(bytes);
  if (text === null) return refused(format, 'bad-encoding');
  if (text.trim() === '') return refused(format, 'empty-file');
  return format === 'json' ? parseJson(text) : parseCsv(text);
}

/** How many leading rows may come before the header (a title line, a note). */
const HEADER_SEARCH_ROWS = 5;
/** Readers stop after this many non-blank rows: enough to find the header and see the cap passed. */
const ROWS_READ = MAX_ROWS + HEADER_SEARCH_ROWS + 1;

function parseCsv(text: string): ParsedBank {
  // Row by row, stopping at the cap: a million-row file is refused after reading a few thousand.
  const grid: string[][] = [];
  let filled = 0;
  let unclosedRow = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step(result, parser) {
      grid.push(result.data);
      if (result.errors.some((e) => e.code === 'MissingQuotes')) unclosedRow ||= grid.length;
      if (result.data.some((cell) => cell.trim() !== '')) filled++;
      if (filled > ROWS_READ) parser.abort();
    },
  });
  if (unclosedRow) return refused('csv', 'csv-unclosed-quote', { row: unclosedRow });
  return fromGrid('csv', grid);
}


/** Finds the header among the first rows, maps its cells to columns and the rows below to cells. */
function fromGrid(format: 'csv' | 'xlsx', grid: readonly (readonly string[])[]): ParsedBank {
  const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  if (grid.every(blank)) return refused(format, 'empty-file');

  let headerIndex = -1;
  let columns: (ColumnKey | null)[] = [];
  for (let i = 0, seen = 0; i < grid.length && seen < HEADER_SEARCH_ROWS; i++) {
    if (blank(grid[i])) continue;
    seen++;
    const mapped = grid[i].map((cell) => columnForHeader(cell));
    if (mapped.filter((c) => c !== null).length >= 2) {
      headerIndex = i;
      columns = mapped;
      break;
    }
  }
  if (headerIndex < 0) return refused(format, 'no-header');

  const header = grid[headerIndex];
  const errors: BankIssue[] = [];
  const seen = new Set<ColumnKey>();
  for (const column of columns) {
    if (column && seen.has(column)) errors.push(fileError('duplicate-column', {}, column));
    if (column) seen.add(column);
  }
  for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) errors.push(fileError('missing-column', {}, column));
  const ignoredColumns = header.filter((cell, i) => cell.trim() !== '' && columns[i] === null).map((c) => c.trim());
  if (errors.length) return { format, rows: [], ignoredColumns, errors: dedupe(errors) };

  const rows: BankRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    if (blank(grid[i])) continue;
    const cells: BankRow['cells'] = {};
    columns.forEach((column, c) => {
      if (column) cells[column] = grid[i][c] ?? '';
    });
    rows.push({ row: i + 1, cells });
  }
  return checkCount(format, rows, ignoredColumns);
}

function dedupe(errors: BankIssue[]): BankIssue[] {
  const keys = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.code}/${e.column}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

function checkCount(format: BankFormat, rows: BankRow[], ignoredColumns: string[], title?: string): ParsedBank {
  if (rows.length === 0) return { format, rows: [], ignoredColumns, errors: [fileError('no-questions')] };
  if (rows.length > MAX_ROWS) return { format, rows: [], ignoredColumns, errors: [fileError('too-many-rows', { max: MAX_ROWS })] };
  return { format, ...(title ? { title } : {}), rows, ignoredColumns, errors: [] };
}

async function parseXlsx(bytes: Uint8Array): Promise<ParsedBank> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unsafe = await checkZip(zip);
  if (unsafe === 'xlsx-too-large') return refused('xlsx', unsafe, { maxMb: MAX_INFLATED_BYTES / 1024 / 1024 });
  if (unsafe) return refused('xlsx', unsafe);
  for (let attempt = 1; ; attempt++) {
    try {
      return await readSheets(zip);
    } catch (error) {
      if (attempt < XLSX_READ_ATTEMPTS && isLostWorkbookPart(error)) continue;
      return refused('xlsx', 'bad-xlsx');
    }
  }
}

/** exceljs's streaming reader now and then loses the zip's last part (xl/workbook.xml) in a race
 * inside its unzipper (exceljs issue 3064), seen 1-3 times in 300 reads of the same bytes under
 * load, and then fails reading the sheet names. Reading the same bytes again succeeds. */
export const XLSX_READ_ATTEMPTS = 3;
export function isLostWorkbookPart(error: unknown): boolean {
  return error instanceof TypeError && /reading 'sheets'/.test(error.message);
}

/** Streams the sheets row by row: the first sheet with a header is the questions, others (instructions) are skipped. */
async function readSheets(zip: Buffer): Promise<ParsedBank> {
  // Loaded only for an XLSX: it is most of a worker's start-up time.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([zip]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let firstRefusal: ParsedBank | null = null;
  for await (const sheet of reader) {
    const grid: string[][] = [];
    let filled = 0;
    for await (const row of sheet) {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      grid[row.number - 1] = cells;
      if (cells.some((cell) => cell.trim() !== '')) filled++;
      if (filled > ROWS_READ) break;
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    const parsed = fromGrid('xlsx', grid);
    if (!parsed.errors.some((e) => e.code === 'no-header' || e.code === 'empty-file')) return parsed;
    firstRefusal ??= parsed;
  }
  return firstRefusal ?? refused('xlsx', 'empty-file');
}

/** A cell's value as the text the host sees in Excel. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** JSON fields and the column each fills; `options` fills optionA.. in order. */
const JSON_FIELDS: Partial<Record<string, ColumnKey>> = Object.fromEntries(COLUMNS.filter((c) => !c.startsWith('option')).map((c) => [c, c]));

function parseJson(text: string): ParsedBank {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refused('json', 'bad-json', { reason: error instanceof Error ? error.message : String(error) });
  }
  const file = Array.isArray(data) ? { questions: data } : data;
  if (typeof file !== 'object' || file === null || !('questions' in file) || !Array.isArray(file.questions)) return refused('json', 'bad-format');
  const record = file as Record<string, unknown> & { questions: unknown[] };
  if (record.questions.length > MAX_ROWS) return refused('json', 'too-many-rows', { max: MAX_ROWS });
  if (record.format !== undefined && record.format !== 'qiangda-bank') return refused('json', 'bad-format');
  if (record.version !== undefined && record.version !== 1 && record.version !== 2) return refused('json', 'bad-version', { version: String(record.version) });

  const ignored = new Set<string>();
  const rows: BankRow[] = record.questions.map((q, i): BankRow => {
    const row = i + 1;
    if (typeof q !== 'object' || q === null || Array.isArray(q)) return { row, cells: {}, issues: [{ row, column: null, code: 'not-a-question', params: {} }] };
    const cells: BankRow['cells'] = {};
    const issues: BankIssue[] = [];
    for (const [field, value] of Object.entries(q)) {
      if (field === 'options') {
        if (value === null || value === undefined) continue;
        if (!Array.isArray(value) || value.some((o) => typeof o !== 'string' && typeof o !== 'number')) {
          issues.push({ row, column: 'optionA', code: 'bad-options', params: {} });
          continue;
        }
        if (value.length > MAX_OPTIONS) issues.push({ row, column: optionColumn(MAX_OPTIONS - 1), code: 'too-many-options', params: { count: value.length, max: MAX_OPTIONS } });
        value.slice(0, MAX_OPTIONS).forEach((o, k) => (cells[optionColumn(k)] = String(o)));
        continue;
      }
      const column = JSON_FIELDS[field];
      if (column === 'excludes' && Array.isArray(value)) cells.excludes = value.map(String).join(',');
      else if (!column) ignored.add(field);
      else cells[column] = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    return issues.length ? { row, cells, issues } : { row, cells };
  });
  return checkCount('json', rows, [...ignored], typeof record.title === 'string' ? record.title : undefined);
}
