// The contest file's `awards` (AW1-AW3): defaults, what the definition keeps, and every problem
// named by its field in Chinese and in English.
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { drawContest } from '../../server/rooms/draw.js';
import { parseContestFile } from '../../server/setup/contest-file.js';

const bank = loadBank(BUNDLED_BANK).questions;
const file = (awards: unknown) => ({
  format: 'qiangda-contest',
  version: 1,
  title: '决赛',
  seats: [{ name: '甲' }, { name: '乙' }],
  stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 1 }] }],
  ...(awards !== undefined && { awards }),
});

function issues(awards: unknown): { path: string; zh: string; en: string }[] {
  const parsed = parseContestFile(file(awards));
  return parsed.ok ? [] : parsed.issues;
}

describe('[AW1][AW2][AW3] awards in the contest file', () => {
  it('[AW1] by count is the default, ties get the higher prize, and the definition keeps the tiers', () => {
    const parsed = parseContestFile(file({ tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] }));
    if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
    const drawn = drawContest(parsed.file, bank, 'seed');
    if (!drawn.ok) return expect.fail('not drawn');
    expect(drawn.definition.awards).toEqual({ by: 'count', boundaryTie: 'higher', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] });
  });

  it('[AW2] by threshold keeps each minimum; a file without awards gives none', () => {
    const parsed = parseContestFile(file({ by: 'threshold', boundaryTie: 'host', tiers: [{ name: '一等奖', minTotal: 90 }, { name: '优秀奖', minTotal: 60.5 }] }));
    if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
    const drawn = drawContest(parsed.file, bank, 'seed');
    expect(drawn.ok && drawn.definition.awards).toEqual({ by: 'threshold', boundaryTie: 'host', tiers: [{ name: '一等奖', minTotal: 90 }, { name: '优秀奖', minTotal: 60.5 }] });
    const none = parseContestFile(file(undefined));
    const plain = none.ok ? drawContest(none.file, bank, 'seed') : null;
    expect(plain?.ok && 'awards' in plain.definition).toBe(false);
  });

  it('[AW1] no tiers at all is named, in both languages', () => {
    expect(issues({ tiers: [] })).toEqual([{ path: 'awards.tiers', zh: '奖项 › 奖项等级：至少要设一个奖项', en: 'Prizes › Prize tiers: Give at least one prize' }]);
  });

  it('[AW1] by count, a tier without its places, or with fewer than one', () => {
    expect(issues({ tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖' }] })).toEqual([
      { path: 'awards.tiers.1.count', zh: '奖项 › 第2个奖项 › 名额：按名额评奖时，每个奖项都要填名额', en: 'Prizes › Prize 2 › Places: By count: every prize needs its number of places' },
    ]);
    const [zero] = issues({ tiers: [{ name: '一等奖', count: 0 }] });
    expect(zero.path).toBe('awards.tiers.0.count');
    expect(zero.zh).toMatch(/^奖项 › 第1个奖项 › 名额：/);
    expect(zero.en).toMatch(/^Prizes › Prize 1 › Places: .*1/);
  });

  it('[AW2] by threshold, minimums that do not descend, or are missing', () => {
    expect(issues({ by: 'threshold', tiers: [{ name: '一等奖', minTotal: 80 }, { name: '二等奖', minTotal: 80 }, { name: '三等奖' }] })).toEqual([
      { path: 'awards.tiers.1.minTotal', zh: '奖项 › 第2个奖项 › 分数线：分数线要从高到低：本奖项须低于上一个奖项', en: 'Prizes › Prize 2 › Minimum total: Thresholds go from high to low: this one must be below the prize above it' },
      { path: 'awards.tiers.2.minTotal', zh: '奖项 › 第3个奖项 › 分数线：按分数线评奖时，每个奖项都要填分数线', en: 'Prizes › Prize 3 › Minimum total: By threshold: every prize needs its minimum total' },
    ]);
  });

  it('[AW1] a prize named twice, an unknown tie rule', () => {
    expect(issues({ tiers: [{ name: '一等奖', count: 1 }, { name: '一等奖', count: 2 }] }).map((i) => i.zh)).toEqual(['奖项 › 奖项等级：奖项名称不能重复']);
    expect(issues({ boundaryTie: 'lot', tiers: [{ name: '一等奖', count: 1 }] }).map((i) => i.path)).toEqual(['awards.boundaryTie']);
  });
});
