// Q1-Q3, Q5-Q6: the order a contest shows options in, giveaway pairs kept apart, local categories.
import { describe, expect, it } from 'vitest';
import { answerKey, letters, type ChoiceQuestion, type Question } from '../../shared/contest/question.js';
import type { ContestDefinition } from '../../shared/contest/types.js';
import { drawContest, drawReplacement } from '../../server/rooms/draw.js';
import { bankConflicts } from '../../server/rooms/conflicts.js';
import { keyCountsOf, NO_KEYS, orderAll, orderOptions } from '../../server/rooms/option-order.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { readFileSync } from 'node:fs';

/** A choice question whose texts share nothing with any other's: no giveaways by accident. */
function choiceQ(n: number, key: string, extra: Partial<ChoiceQuestion> = {}): ChoiceQuestion {
  return {
    id: `c${n}`,
    type: key.length > 1 ? 'multiple' : 'single',
    category: 'reform',
    difficulty: 2,
    stem: `第${n}号选择题的题干`,
    options: ['甲', '乙', '丙', '丁'].map((w) => `${w}号选项第${n}条`),
    answer: [...key].map((l) => l.charCodeAt(0) - 65),
    explanation: `第${n}号解析`,
    ...extra,
  };
}

const openQ = (id: string, stem: string, answer: string, explanation: string, extra: Partial<Question> = {}): Question => ({
  id,
  type: 'open',
  category: 'founding',
  difficulty: 1,
  stem,
  answer,
  explanation,
  ...extra,
}) as Question;

/** A contest of one all-at-once round (or buzz-in when `kind` says) drawing `questions`. */
function file(questions: number, draw: Record<string, unknown> = {}, kind: 'all-at-once' | 'buzz-in' = 'all-at-once') {
  const parsed = parseContestFile({
    format: 'qiangda-contest',
    version: 1,
    title: '选项顺序',
    seats: [{ name: '甲队' }, { name: '乙队' }],
    stages: [{ name: '比知识', rounds: [{ kind, questions, draw }] }],
  });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.en).join('\n'));
  return parsed.file;
}

function defined(questions: number, bank: Question[], seed: string, draw: Record<string, unknown> = {}, kind: 'all-at-once' | 'buzz-in' = 'all-at-once'): ContestDefinition {
  const drawn = drawContest(file(questions, draw, kind), bank, seed);
  if (!drawn.ok) throw new Error(drawn.issues.map((i) => i.en).join('\n'));
  return drawn.definition;
}

const drawnQuestions = (d: ContestDefinition): Question[] => d.stages.flatMap((s) => s.rounds.flatMap((r) => r.questions));
const choices = (d: ContestDefinition) => drawnQuestions(d).filter((q): q is ChoiceQuestion => q.type === 'single' || q.type === 'multiple');

/** Every key with its author's favourite letters: A for single, AB or ABC for multiple. */
const skewedBank = (): Question[] => [...Array.from({ length: 40 }, (_, i) => choiceQ(i + 1, 'A')), ...Array.from({ length: 10 }, (_, i) => choiceQ(41 + i, i % 2 ? 'AB' : 'ABC'))];

describe('option order (Q1-Q3)', () => {
  it('[Q2] the same seed gives the same order; another seed another order', () => {
    const bank = skewedBank();
    const a = choices(defined(50, bank, 'seed-1'));
    const again = choices(defined(50, bank, 'seed-1'));
    const other = choices(defined(50, bank, 'seed-2'));
    expect(again).toEqual(a);
    const byId = new Map(other.map((q) => [q.id, q]));
    const differing = a.filter((q) => JSON.stringify(byId.get(q.id)?.options) !== JSON.stringify(q.options));
    expect(differing.length).toBeGreaterThan(25);
  });

  it('[Q2] the order is recorded in the definition and the key follows its options', () => {
    const bank = skewedBank();
    const fromBank = new Map(bank.map((q) => [q.id, q as ChoiceQuestion]));
    const shown = choices(defined(50, bank, 'recorded'));
    expect(shown.filter((q) => q.optionOrder && q.optionOrder.some((k, p) => k !== p)).length).toBeGreaterThan(40);
    for (const q of shown) {
      const original = fromBank.get(q.id) as ChoiceQuestion;
      expect(q.options).toEqual(q.optionOrder?.map((k) => original.options[k]));
      // The same option texts are right, wherever they now stand.
      expect(answerKey(q).map((i) => q.options[i]).sort()).toEqual(answerKey(original).map((i) => original.options[i]).sort());
      expect(q.stem).toBe(original.stem);
    }
  });

  it('[Q3] over 40 single and 10 multiple choice questions, every letter is a key about equally often, whatever the seed', () => {
    const bank = skewedBank();
    const sequences = new Set<string>();
    for (let s = 0; s < 30; s++) {
      const shown = choices(defined(50, bank, `balance-${s}`));
      for (const group of ['single/4', 'multiple/4']) {
        const counts = keyCountsOf(shown).get(group) ?? [];
        expect(Math.max(...counts) - Math.min(...counts), `seed ${s} ${group}: ${counts.join(',')}`).toBeLessThanOrEqual(2);
      }
      sequences.add(shown.filter((q) => q.type === 'single').map((q) => letters(q.answer)).join(''));
    }
    // Unpredictable: no two seeds give the same run of keys, and no run is a cycle.
    expect(sequences.size).toBe(30);
    for (const run of sequences) expect(run.slice(0, 20)).not.toBe(run.slice(4, 24));
  });

  it('[Q3] counts are kept per option count and run on across rounds', () => {
    const five = (n: number) => ({ ...choiceQ(n, 'A'), options: ['甲', '乙', '丙', '丁', '戊'].map((w) => `${w}号选项第${n}条`) });
    const bank = [...Array.from({ length: 12 }, (_, i) => choiceQ(i + 1, 'B')), ...Array.from({ length: 10 }, (_, i) => five(100 + i))];
    const parsed = parseContestFile({
      format: 'qiangda-contest',
      version: 1,
      title: '两轮',
      seats: [{ name: '甲队' }, { name: '乙队' }],
      stages: [{ name: '比知识', rounds: Array.from({ length: 11 }, () => ({ kind: 'all-at-once', questions: 2 })) }],
    });
    if (!parsed.ok) throw new Error('file refused');
    for (let s = 0; s < 10; s++) {
      const drawn = drawContest(parsed.file, bank, `rounds-${s}`);
      if (!drawn.ok) throw new Error('draw refused');
      const shown = choices(drawn.definition);
      expect(shown).toHaveLength(22);
      for (const [count, row] of keyCountsOf(shown)) expect(Math.max(...row) - Math.min(...row), `${count} options`).toBeLessThanOrEqual(2);
      expect(keyCountsOf(shown).get('single/5')?.reduce((a, b) => a + b)).toBe(10);
    }
  });

  it('[Q1] a question with fixed options, and every true/false question, keeps the bank order', () => {
    const fixed = choiceQ(1, 'D', { fixedOptions: true, options: ['甲号选项第1条', '乙号选项第1条', '丙号选项第1条', '以上都是'] });
    const tf: Question = { id: 'tf1', type: 'true-false', category: 'reform', difficulty: 1, stem: '判断题一', answer: true, explanation: '说明一' };
    const bank = [fixed, tf, ...Array.from({ length: 8 }, (_, i) => choiceQ(i + 2, 'A'))];
    for (let s = 0; s < 10; s++) {
      const shown = drawnQuestions(defined(10, bank, `fixed-${s}`));
      expect(shown.find((q) => q.id === 'c1')).toEqual(fixed);
      expect(shown.find((q) => q.id === 'tf1')).toEqual(tf);
    }
  });

  it("[Q3] a fixed question's key counts: the others make up for it", () => {
    const fixed = choiceQ(1, 'D', { fixedOptions: true });
    const { counts } = orderOptions(fixed, new Map(), 'x');
    expect(counts.get('single/4')).toEqual([0, 0, 0, 1]);
    const next = orderOptions(choiceQ(2, 'A'), new Map([['single/4', [3, 3, 3, 5]]]), 'any');
    expect(letters((next.question as ChoiceQuestion).answer)).not.toBe('D');
    // Fixed keys late in the contest are counted first, so the earlier questions make up for them.
    const list = [...Array.from({ length: 9 }, (_, i) => choiceQ(10 + i, 'A')), ...Array.from({ length: 3 }, (_, i) => choiceQ(30 + i, 'B', { fixedOptions: true }))];
    for (let s = 0; s < 20; s++) {
      const row = orderAll(list, NO_KEYS, (q) => `late-${s}/${q.id}`).counts.get('single/4') ?? [];
      expect(Math.max(...row) - Math.min(...row)).toBeLessThanOrEqual(2);
    }
  });
});

describe('giveaways and swaps (Q3, Q5)', () => {
  /** founding-001's explanation names 嘉兴南湖 next to founding-005's own words. */
  const revealing = openQ('g1', '中国共产党第一次全国代表大会于哪一年召开？', '1921年', '1921年7月，中共一大在上海开幕，最后一天的会议转移到浙江嘉兴南湖的游船上举行。');
  const revealed = openQ('g2', '中共一大最后一天的会议转移到哪里的游船上举行？', '嘉兴南湖', '会议在南湖游船上闭幕，宣告中国共产党成立。');
  const others = Array.from({ length: 4 }, (_, i) => openQ(`o${i}`, `第${i}个不相干的问题是什么内容`, `不相干答案${i}号`, `第${i}个说明`));

  it('[Q4][Q5] the finder sees the pair, and no draw puts both in one contest', () => {
    const bank = [revealing, revealed, ...others];
    expect(bankConflicts(bank).get('g1')).toEqual(new Set(['g2']));
    let withOne = 0;
    for (let s = 0; s < 60; s++) {
      const ids = drawnQuestions(defined(5, bank, `pair-${s}`, {}, 'buzz-in')).map((q) => q.id);
      expect(ids.includes('g1') && ids.includes('g2'), `seed pair-${s}`).toBe(false);
      expect(ids).toHaveLength(5);
      if (ids.includes('g1') || ids.includes('g2')) withOne++;
    }
    expect(withOne).toBe(60);
  });

  it('[Q5] when conflicts leave too few questions, the draw says so', () => {
    const drawn = drawContest(file(6, {}, 'buzz-in'), [revealing, revealed, ...others], 'short');
    expect(drawn.ok).toBe(false);
    if (!drawn.ok) expect(drawn.issues[0].zh).toContain('题库中符合条件的题目不足');
  });

  it('[Q4][Q5] declared excludes keep two questions apart, whichever names the other', () => {
    const a = openQ('d1', '第一个问题说的是什么人', '甲某人', '关于甲某人的说明', { excludes: ['d2'] });
    const b = openQ('d2', '第二个问题说的是什么地方', '乙某地', '关于乙某地的说明');
    const bank = [a, b, ...others];
    for (let s = 0; s < 40; s++) {
      const ids = drawnQuestions(defined(5, bank, `declared-${s}`, {}, 'buzz-in')).map((q) => q.id);
      expect(ids.includes('d1') && ids.includes('d2')).toBe(false);
    }
  });

  it('[F4][Q5] a swap never brings in a question that conflicts with one the contest holds or held', () => {
    const bank = [revealing, revealed, ...others];
    const contest = defined(1, bank, 'swap', { categories: ['founding'] }, 'buzz-in');
    const round = contest.stages[0].rounds[0];
    for (let n = 0; n < 30; n++) {
      // g1 was swapped out: it may have been on screen, so g2 may not come in.
      const replacement = drawReplacement(contest, round.draw, bank, { usedIds: new Set(['g1', 'o0']), counts: new Map(), swapNumber: n });
      expect(replacement?.id).not.toBe('g2');
      expect(replacement).not.toBeNull();
    }
  });

  it('[F4][Q3] a swap is ordered by the seed and the swap count, continuing the contest counts', () => {
    const bank = skewedBank();
    const contest = defined(10, bank, 'swap-order');
    const round = contest.stages[0].rounds[0];
    const used = new Set(round.questions.map((q) => q.id));
    const counts = new Map([
      ['single/4', [3, 3, 1, 3]],
      ['multiple/4', [3, 3, 1, 3]],
    ]);
    const one = drawReplacement(contest, round.draw, bank, { usedIds: used, counts, swapNumber: 0 }) as ChoiceQuestion;
    expect(drawReplacement(contest, round.draw, bank, { usedIds: used, counts, swapNumber: 0 })).toEqual(one);
    expect(one.optionOrder).toBeDefined();
    expect(one.options).toEqual(one.optionOrder?.map((k) => (bank.find((q) => q.id === one.id) as ChoiceQuestion).options[k]));
    // C is the only letter not two ahead of the least-used: the replacement's key takes it.
    expect(one.answer).toContain(2);
  });
});

describe('the bundled bank (Q3, Q5)', () => {
  it('[Q3][Q5] the whole final, drawn from the bundled bank with many seeds, never holds a pair that gives each other away, and its keys are balanced', () => {
    const bank = loadBank(BUNDLED_BANK).questions;
    // The bundled bank ships with no pair at all (bank:check says so); the draw would keep any apart.
    const conflicts = bankConflicts(bank);
    expect(conflicts.size).toBe(0);
    const parsed = parseContestFile(JSON.parse(readFileSync(new URL('../../server/contests/final-example.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error('final refused');
    for (let s = 0; s < 25; s++) {
      const drawn = drawContest(parsed.file, bank, `final-${s}`);
      if (!drawn.ok) throw new Error(drawn.issues.map((i) => i.en).join('\n'));
      const ids = new Set(drawnQuestions(drawn.definition).map((q) => q.id));
      for (const id of ids) for (const other of conflicts.get(id) ?? []) expect(ids.has(other), `${id} with ${other}, seed ${s}`).toBe(false);
      for (const row of keyCountsOf(drawnQuestions(drawn.definition)).values()) expect(Math.max(...row) - Math.min(...row)).toBeLessThanOrEqual(2);
    }
  });
});

describe('local categories (Q6)', () => {
  const local = Array.from({ length: 6 }, (_, i) => openQ(`hunan-${i}`, `湖南第${i}个地方问题的题干`, `湖南答案${i}号`, `湖南说明${i}`, { category: 'local-hunan' }));
  const eras = Array.from({ length: 6 }, (_, i) => openQ(`era-${i}`, `第${i}个时期问题的题干`, `时期答案${i}号`, `时期说明${i}`));

  it('[Q6] a round that names no category never draws a local question', () => {
    for (let s = 0; s < 20; s++) {
      const ids = drawnQuestions(defined(6, [...local, ...eras], `eras-${s}`, {}, 'buzz-in')).map((q) => q.id);
      expect(ids.every((id) => id.startsWith('era-'))).toBe(true);
    }
    expect(drawContest(file(7, {}, 'buzz-in'), [...local, ...eras], 'x').ok).toBe(false);
  });

  it('[Q6] a round that names the local category draws from it', () => {
    const ids = drawnQuestions(defined(6, [...local, ...eras], 'hunan', { categories: ['local-hunan'] }, 'buzz-in')).map((q) => q.id);
    expect(ids.sort()).toEqual(local.map((q) => q.id).sort());
    const both = drawnQuestions(defined(12, [...local, ...eras], 'both', { categories: ['local-hunan', 'founding'] }, 'buzz-in'));
    expect(both).toHaveLength(12);
  });
});
