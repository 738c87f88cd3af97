// Bank files carry 固定选项 (Q1) and 互斥题号 (Q4), and name the local category (Q6), in every
// format an organiser sends: Excel, CSV and JSON.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/contest/question.js';
import { describeIssue } from '../../../server/bank/messages.js';
import { parseBankFile, type ParsedBank } from '../../../server/bank/parse.js';
import { templateCsv, templateExamples } from '../../../server/bank/template.js';
import { checkRows } from '../../../server/bank/validate.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function questionsOf(parsed: ParsedBank) {
  expect(parsed.errors).toEqual([]);
  return checkRows(parsed.rows);
}

const byId = (questions: { question: Question }[]) => new Map(questions.map(({ question }) => [question.id, question]));

const HEADER = ['编号', '题型', '题干', '选项A', '选项B', '选项C', '答案', '分类', '固定选项', '互斥题号'];
const ROWS = [
  ['a1', '单选', '第一题', '甲', '乙', '以上都是', 'C', '湖南', '是', 'a2、a3；a4 a5'],
  ['a2', '单选', '第二题', '甲', '乙', '丙', 'A', '地方党史（湖南）', '√', ''],
  ['a3', '单选', '第三题', '甲', '乙', '丙', 'B', '湖南地方党史', '否', 'a1,a9'],
  ['a4', '多选', '第四题', '甲', '乙', '丙', 'AB', '建党时期', '', ''],
  ['a5', '判断', '第五题', '', '', '', '对', '新时代', '1', ''],
  ['a6', '单选', '第六题', '甲', '乙', '丙', 'A', '改革开放', '也许', ''],
];

function expectRows(checked: ReturnType<typeof checkRows>) {
  const q = byId(checked.fresh);
  expect(q.get('a1')).toMatchObject({ fixedOptions: true, excludes: ['a2', 'a3', 'a4', 'a5'], category: 'local-hunan' });
  expect(q.get('a2')).toMatchObject({ fixedOptions: true, category: 'local-hunan' });
  expect(q.get('a2')).not.toHaveProperty('excludes');
  // An unknown id is kept as typed: bank:check reports it, the import does not refuse it.
  expect(q.get('a3')).toMatchObject({ excludes: ['a1', 'a9'], category: 'local-hunan' });
  expect(q.get('a3')).not.toHaveProperty('fixedOptions');
  expect(q.get('a4')).not.toHaveProperty('fixedOptions');
  expect(q.get('a5')).toMatchObject({ fixedOptions: true });
  expect(q.has('a6')).toBe(false);
  expect(checked.errors).toHaveLength(1);
}

describe('bank columns 固定选项 and 互斥题号', () => {
  it('[Q1][Q4][Q6] a CSV file: yes/no cells, ids split on 、；, and space, local category names', async () => {
    const text = [HEADER, ...ROWS].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
    const parsed = await parseBankFile({ name: 'bank.csv', bytes: utf8(text) });
    const checked = questionsOf(parsed);
    expectRows(checked);
    const [issue] = checked.errors;
    expect(issue).toMatchObject({ row: 7, column: 'fixedOptions', code: 'bad-fixed-options' });
    expect(describeIssue('zh', 'csv', issue)).toBe('第 7 行「固定选项」列：「固定选项」应填 是 或 否（也可写 1/0、√，不填为否），这里是「也许」');
    expect(describeIssue('en', 'csv', issue)).toContain('"fixed options" should be yes or no');
  });

  it('[Q1][Q4] an Excel file, with the columns under their other names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('题目');
    sheet.addRow([...HEADER.slice(0, 8), '选项固定', '不同场']);
    for (const row of ROWS) sheet.addRow(row);
    const parsed = await parseBankFile({ name: 'bank.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expectRows(questionsOf(parsed));
  });

  it('[Q1][Q4] a JSON file: fixedOptions a boolean, excludes a list of ids', async () => {
    const json = {
      format: 'qiangda-bank',
      version: 2,
      questions: [
        { id: 'j1', type: 'single', stem: '第一题', options: ['甲', '乙', '以上都是'], answer: 'C', category: '湖南', fixedOptions: true, excludes: ['j2', 'j3'] },
        { id: 'j2', type: 'single', stem: '第二题', options: ['甲', '乙', '丙'], answer: 'A', fixedOptions: false },
        { id: 'j3', type: 'single', stem: '第三题', options: ['甲', '乙', '丙'], answer: 'A', fixedOptions: 'maybe' },
      ],
    };
    const parsed = await parseBankFile({ name: 'bank.json', bytes: utf8(JSON.stringify(json)) });
    expect(parsed.ignoredColumns).toEqual([]);
    const checked = questionsOf(parsed);
    const q = byId(checked.fresh);
    expect(q.get('j1')).toMatchObject({ fixedOptions: true, excludes: ['j2', 'j3'], category: 'local-hunan' });
    expect(q.get('j2')).not.toHaveProperty('fixedOptions');
    expect(checked.errors).toMatchObject([{ row: 3, column: 'fixedOptions', code: 'bad-fixed-options' }]);
    expect(describeIssue('zh', 'json', checked.errors[0])).toContain('第 3 题「固定选项」');
  });

  it('[Q1][Q4] the template has both columns, with an example of each that imports cleanly', async () => {
    const header = new TextDecoder().decode(templateCsv()).split('\r\n')[0];
    expect(header.endsWith('固定选项,互斥题号')).toBe(true);
    const examples = templateExamples();
    expect(examples.find((e) => e.type === '判断')?.fixedOptions).toBe('是');
    // The bundled bank ships with no pair that gives each other away (bank:check: 0), so no example
    // names one; a pair would be filled in from the draw's own conflict finder (Q4).
    expect(examples.map((e) => e.excludes)).toEqual(examples.map(() => ''));
    const checked = questionsOf(await parseBankFile({ name: 'template.csv', bytes: templateCsv() }));
    expect(checked.errors).toEqual([]);
    expect(checked.fresh.find((f) => f.question.type === 'true-false')?.question).toMatchObject({ fixedOptions: true });
  });
});
