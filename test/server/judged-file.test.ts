// Judged rounds in the contest file (J1, J3, J6): defaults, the field named for each problem, the
// order drawn by lot with the seed, one open question per seat in a reflection round.
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { callingOrder, drawContest } from '../../server/rooms/draw.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import type { JudgedRound } from '../../shared/contest/types.js';
import { seats } from '../support/definitions.js';

const bank = loadBank(BUNDLED_BANK).questions;
const TEN = Array.from({ length: 10 }, (_, i) => ({ name: `${i + 1}号选手` }));
const file = (rounds: unknown[]) => ({ format: 'qiangda-contest', version: 1, title: '决赛', seats: TEN, stages: [{ name: '述行动', weight: 0.7, rounds }] });

function drawn(rounds: unknown[], seed = 'final-2026'): JudgedRound[] {
  const parsed = parseContestFile(file(rounds));
  if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
  const result = drawContest(parsed.file, bank, seed);
  if (!result.ok) return expect.fail(result.issues.map((i) => i.zh).join('\n'));
  return result.definition.stages[0].rounds as JudgedRound[];
}

describe('[J1][J3][J6] a judged round in the contest file', () => {
  it('[J1][J3][J6] defaults: 0-100 step 0.5, 5 min speaking with a warning at 1 min, no overtime, the file order, 2 decimals', () => {
    const [round] = drawn([{ kind: 'judged' }]);
    expect(round).toMatchObject({ kind: 'judged', name: '评委打分', questions: [] });
    expect(round.judging).toEqual({
      prompt: 'title',
      orderBy: 'file',
      order: ['seat-1', 'seat-2', 'seat-3', 'seat-4', 'seat-5', 'seat-6', 'seat-7', 'seat-8', 'seat-9', 'seat-10'],
      prepareMs: 0,
      speakMs: 300_000,
      warnAtMs: 60_000,
      overtime: null,
      scale: { min: 0, max: 100, step: 0.5 },
      criteria: [],
      // No panel of 5 or more in this file: the plain mean.
      aggregate: 'mean',
      decimals: 2,
    });
  });

  it('[J1] a reflection round draws one open question per seat, with preparation time', () => {
    const [round] = drawn([{ kind: 'judged', name: '悟思想', prompt: 'question', prepareSec: 60, overtime: { perSec: 30, points: 1 } }]);
    expect(round.questions).toHaveLength(10);
    expect(round.questions.every((q) => q.type === 'open')).toBe(true);
    expect(new Set(round.questions.map((q) => q.id)).size).toBe(10);
    expect(round.judging).toMatchObject({ prompt: 'question', prepareMs: 60_000, overtime: { perMs: 30_000, points: 1 } });
  });

  it('[J1] drawn by lot: the seed decides the order, the same seed always the same, and it is recorded', () => {
    const lot = [{ kind: 'judged', orderBy: 'lot' }];
    const first = drawn(lot, 'final-2026')[0].judging.order;
    expect(drawn(lot, 'final-2026')[0].judging.order).toEqual(first);
    expect([...first].sort()).toEqual(drawn([{ kind: 'judged' }])[0].judging.order.sort());
    expect(first).not.toEqual(drawn([{ kind: 'judged' }])[0].judging.order);
    expect(drawn(lot, 'another-seed')[0].judging.order).not.toEqual(first);
  });

  it('[J1] the lot is a pure function of the seats and the seed', () => {
    const hall = seats(6);
    expect(callingOrder(hall, 'lot', 'x')).toEqual(callingOrder(hall, 'lot', 'x'));
    expect(callingOrder(hall, 'file', 'x')).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  });

  it('[J3] criteria adding up to the highest score, the aggregate and decimals as given', () => {
    const criteria = [{ name: '内容', max: 40 }, { name: '表达', max: 30 }, { name: '效果', max: 30 }];
    const [round] = drawn([{ kind: 'judged', criteria, aggregate: 'trimmed-mean', decimals: 1 }]);
    expect(round.judging).toMatchObject({ criteria, aggregate: 'trimmed-mean', decimals: 1 });
  });

  it.each([
    ['criteria that do not add up', { criteria: [{ name: '内容', max: 40 }] }, 'stages.0.rounds.0.criteria', /评分项/],
    ['a warning after the time is up', { speakSec: 60, warnAtSec: 90 }, 'stages.0.rounds.0.warnAtSec', /提醒/],
    ['a range off its step', { scale: { min: 0, max: 10.3, step: 0.5 } }, 'stages.0.rounds.0.scale', /评分范围/],
    ['a choice question to draw', { draw: { types: ['single'] } }, 'stages.0.rounds.0.draw.types', /开放题/],
    ['an unknown aggregate', { aggregate: 'median' }, 'stages.0.rounds.0.aggregate', /计分方式/],
  ])('[J3] %s is refused, the field named', (_, fields, path, zh) => {
    const parsed = parseContestFile(file([{ kind: 'judged', ...fields }]));
    if (parsed.ok) return expect.fail('accepted');
    const issue = parsed.issues.find((i) => i.path === path);
    expect(issue?.zh).toMatch(zh);
    expect(issue?.en).toBeTruthy();
  });
});
