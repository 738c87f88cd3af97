// npm run bank:balance: a JSON bank file's own key letters balanced in place (Q3), fixed options left alone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBalanceBank } from '../../../server/cli/balance-bank.js';

type RawQuestion = { id: string; type: string; options?: string[]; answer: string | boolean; [field: string]: unknown };

/** 30 single and 6 multiple choice questions with the author's favourite keys (A, AB), one fixed, one true/false. */
function skewedFile(): { format: string; version: number; title: string; questions: RawQuestion[] } {
  const choice = (n: number, answer: string): RawQuestion => ({
    id: `q${n}`,
    type: answer.length > 1 ? 'multiple' : 'single',
    category: 'reform',
    difficulty: 2,
    stem: `第${n}号选择题`,
    options: ['甲', '乙', '丙', '丁'].map((w) => `${w}号选项第${n}条`),
    answer,
    explanation: `第${n}号解析`,
    source: '《测试》',
  });
  return {
    format: 'qiangda-bank',
    version: 2,
    title: '测试题库',
    questions: [
      ...Array.from({ length: 30 }, (_, i) => choice(i + 1, 'A')),
      ...Array.from({ length: 6 }, (_, i) => choice(31 + i, 'AB')),
      { ...choice(40, 'D'), options: ['甲号选项第40条', '乙号选项第40条', '丙号选项第40条', '以上都是'], fixedOptions: true },
      { id: 'tf1', type: 'true-false', category: 'reform', difficulty: 1, stem: '判断题一', answer: true, explanation: '说明' },
    ],
  };
}

function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'qiangda-balance-')), name);
  writeFileSync(file, content);
  return file;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = runBalanceBank(args, env, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

const letterCounts = (questions: RawQuestion[], type: 'single' | 'multiple') => {
  const counts = [0, 0, 0, 0];
  for (const q of questions) if (q.type === type) for (const l of q.answer as string) counts[l.charCodeAt(0) - 65]++;
  return counts;
};

describe('bank:balance', () => {
  it('[Q3] rewrites a JSON bank with balanced key letters, the same keys, fields and layout, and prints the counts in Chinese', () => {
    const original = skewedFile();
    const file = tempFile('bank.json', `${JSON.stringify(original, null, 2)}\n`);
    const { code, text } = run([file]);
    expect(code).toBe(0);
    expect(text).toContain('调整前各字母作为答案的次数：');
    expect(text).toContain('单选，4 个选项（31 道）：A 30 · B 0 · C 0 · D 1');
    expect(text).toContain('多选，4 个选项（6 道）：A 6 · B 6 · C 0 · D 0');
    expect(text).toContain('调整后各字母作为答案的次数：');
    expect(text).toContain('已改写 bank.json');

    const written = readFileSync(file, 'utf8');
    const balanced = JSON.parse(written) as ReturnType<typeof skewedFile>;
    expect(written).toBe(`${JSON.stringify(balanced, null, 2)}\n`);
    // Single and multiple choice are balanced each on their own.
    for (const type of ['single', 'multiple'] as const) {
      const counts = letterCounts(balanced.questions, type);
      expect(Math.max(...counts) - Math.min(...counts), type).toBeLessThanOrEqual(2);
    }
    balanced.questions.forEach((q, i) => {
      const before = original.questions[i];
      expect(Object.keys(q)).toEqual(Object.keys(before));
      expect(q.id).toBe(before.id);
      if (q.type === 'true-false' || q.fixedOptions) return expect(q).toEqual(before);
      // The same options, and the same ones right.
      expect([...(q.options ?? [])].sort()).toEqual([...(before.options ?? [])].sort());
      const keyTexts = (x: RawQuestion) => [...(x.answer as string)].map((l) => x.options?.[l.charCodeAt(0) - 65]).sort();
      expect(keyTexts(q)).toEqual(keyTexts(before));
    });
    // The same file always comes out the same (seed "bank").
    const again = tempFile('bank.json', `${JSON.stringify(original, null, 2)}\n`);
    run([again]);
    expect(readFileSync(again, 'utf8')).toBe(written);
  });

  it('[Q3] speaks English with QIANGDA_LANG=en', () => {
    const { code, text } = run([tempFile('bank.json', JSON.stringify(skewedFile()))], { QIANGDA_LANG: 'en' });
    expect(code).toBe(0);
    expect(text).toContain('Times each letter is a key, before:');
    expect(text).toContain('Single choice, 4 options (31): A 30 · B 0 · C 0 · D 1');
  });

  it('[Q3] refuses an Excel file, and a file that is not a valid bank, changing nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('题目').addRow(['题型', '题干', '答案']);
    const xlsx = tempFile('bank.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const refused = run([xlsx]);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('只能平衡 JSON 题库文件：bank.xlsx 不是 JSON');

    const broken = tempFile('broken.json', JSON.stringify({ questions: [{ type: 'single', stem: '无选项', answer: 'A' }] }));
    const invalid = run([broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.text).toContain('broken.json 不是有效的题库文件');
    expect(JSON.parse(readFileSync(broken, 'utf8'))).toEqual({ questions: [{ type: 'single', stem: '无选项', answer: 'A' }] });
    expect(run([]).code).toBe(2);
  });
});
