// npm run bank:check and the import check's quality report (题库体检): each kind of problem is found
// in a crafted file, at the row the organiser will look for, in Chinese by default.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkBankFile } from '../../../server/bank/check-file.js';
import { parseBankFile } from '../../../server/bank/parse.js';
import { runCheckBank } from '../../../server/cli/check-bank.js';

const fixture = fileURLToPath(new URL('../../fixtures/bank/quality.csv', import.meta.url));
const inProcess = (file: { name: string; bytes: Uint8Array }) => parseBankFile(file);

async function cli(file: string, env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = await runCheckBank([file], env, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

describe('the quality report of a crafted file', async () => {
  const checked = await checkBankFile({ name: 'quality.csv', bytes: new Uint8Array(readFileSync(fixture)) }, inProcess);
  const report = checked.quality!;

  it('counts by era, type and difficulty, and warns that a final needs harder questions', () => {
    expect(report.questions).toBe(9);
    expect(report.byCategory).toEqual({ founding: 4, revolution: 5 });
    expect(report.byDifficulty).toEqual({ '1': 2, '2': 6, '3': 1 });
    expect(report.hardShare).toBe(0);
  });

  it('finds exact, same-stem, conflicting and near-duplicate questions by row', () => {
    expect(report.duplicates).toEqual([
      { rows: [4, 5], kind: 'same-stem', sameAnswer: true },
      { rows: [4, 6], kind: 'same-stem', sameAnswer: false },
      { rows: [2, 7], kind: 'exact', sameAnswer: true },
      { rows: [3, 8], kind: 'similar', sameAnswer: true },
    ]);
  });

  it('[Q4] finds the explanation that gives another question away, and no pair from a mere distractor', () => {
    expect(report.giveaways).toContainEqual({ fromRow: 2, toRow: 3, by: 'text', field: 'explanation' });
    expect(report.giveaways).toContainEqual({ fromRow: 2, toRow: 8, by: 'text', field: 'explanation' });
    // Row 6 shows 中共二大 (row 4's key) only as a wrong option: no giveaway.
    expect(report.giveaways).not.toContainEqual(expect.objectContaining({ fromRow: 6, toRow: 4 }));
  });

  it('finds options that repeat once normalised, answers outside the options, order words and missing sources', () => {
    expect(report.repeatedOptions).toEqual([{ row: 9, letters: 'AB' }]);
    expect(report.answersOutside).toEqual([{ row: 10, letter: 'E', last: 'D' }]);
    expect(report.orderWords).toEqual([{ row: 11, letter: 'D' }]);
    expect(report.missingSource).toEqual([12]);
  });

  it('counts key letters per type and option count', () => {
    expect(report.keyLetters).toEqual([
      { type: 'multiple', options: 4, questions: 1, counts: [1, 1, 1, 1], balanced: true },
      { type: 'single', options: 4, questions: 5, counts: [1, 2, 2, 0], balanced: true },
    ]);
  });
});

describe('key balance', () => {
  it('calls a bank unbalanced when one letter is the key far more often than the others', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ 题型: '单选', 题干: `第${i + 1}道题的题干是什么内容？`, 选项A: `甲${i}`, 选项B: `乙${i}`, 选项C: `丙${i}`, 选项D: `丁${i}`, 答案: i < 9 ? 'A' : 'B', 难度: 4, 出处: '《中国共产党简史》' }));
    const bytes = new TextEncoder().encode(Papa.unparse(rows));
    const { quality } = await checkBankFile({ name: 'keys.csv', bytes }, inProcess);
    expect(quality?.keyLetters).toEqual([{ type: 'single', options: 4, questions: 12, counts: [9, 3, 0, 0], balanced: false }]);
    expect(quality?.hardShare).toBe(1);
  });
});

describe('marks the JSON bank can carry', () => {
  it('accepts "以上都是" in a question marked fixed, and reports excludes naming no question', async () => {
    const q = (id: string, extra: object) => ({ id, type: 'single', category: 'founding', difficulty: 4, stem: `${id}：下列说法正确的是哪一项？`, options: [`${id}甲`, `${id}乙`, `${id}丙`, '以上都是'], answer: 'A', explanation: '', source: '《中国共产党简史》', ...extra });
    const bank = { format: 'qiangda-bank', version: 2, title: 't', questions: [q('fixed', { fixedOptions: true }), q('loose', { excludes: ['fixed', 'nowhere'] })] };
    const { quality } = await checkBankFile({ name: 'marks.json', bytes: new TextEncoder().encode(JSON.stringify(bank)) }, inProcess);
    expect(quality?.orderWords).toEqual([{ row: 2, letter: 'D' }]);
    expect(quality?.unknownExcludes).toEqual([{ row: 2, id: 'nowhere' }]);
    expect(quality?.giveaways).toEqual([{ fromRow: 2, toRow: 1, by: 'declared' }]);
    expect(quality?.ids).toEqual({ '1': 'fixed', '2': 'loose' });
  });
});

describe('npm run bank:check', () => {
  it('prints every problem with its row number, in Chinese, and fails', async () => {
    const { code, text } = await cli(fixture);
    expect(code).toBe(1);
    expect(text).toContain('题库体检：quality.csv');
    expect(text).toContain('【需处理】不能导入的行：1 处');
    expect(text).toContain('第 10 行「答案」列：答案中的 E 超出了选项范围（本题选项为 A 到 D）');
    expect(text).toContain('难度 4–5 只占 0%，决赛题库宜不少于 20%');
    expect(text).toContain('第 4 行与第 6 行题干相同但答案不同');
    expect(text).toContain('第 2 行与第 7 行完全相同');
    expect(text).toContain('第 3 行与第 8 行题干几乎相同、答案相同');
    expect(text).toContain('第 2 行的解析含有第 3 行的答案');
    expect(text).toContain('第 9 行：选项 AB 内容相同');
    expect(text).toContain('第 11 行：选项D是“以上都是”一类的说法');
    expect(text).toContain('没有填写出处的题目：1 题');
    expect(text).toMatch(/结论：\d+ 项需要处理。/);
  });

  it('reads an Excel file with the same rows the same way', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('题库');
    for (const row of Papa.parse<string[]>(readFileSync(fixture, 'utf8').trim()).data) sheet.addRow(row);
    const file = join(mkdtempSync(join(tmpdir(), 'qiangda-check-')), '组织部题库.xlsx');
    writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
    const { code, text } = await cli(file);
    expect(code).toBe(1);
    expect(text).toContain('题库体检：组织部题库.xlsx');
    expect(text).toContain('第 2 行的解析含有第 3 行的答案');
    expect(text).toContain('第 9 行：选项 AB 内容相同');
  });

  it('speaks English when asked, and explains its usage', async () => {
    const { text } = await cli(fixture, { QIANGDA_LANG: 'en' });
    expect(text).toContain('the explanation of row 2 contains the answer to row 3');
    const lines: string[] = [];
    expect(await runCheckBank([], {}, (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain('用法：npm run bank:check');
  });
});
