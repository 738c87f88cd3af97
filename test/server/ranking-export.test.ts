// The export's ranking (R1-R7): the results sheet breaks each seat's total down per stage (raw,
// normalised, weighted) with its rank and what placed it; the tie-break sheet shows each step's
// figures for every seat it compared, and says how the totals were worked out.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import type { ContestDefinition } from '../../shared/contest/types.js';
import { tables, type Table } from '../../server/http/exports.js';
import { recordOf } from '../../server/http/records.js';
import { buzzRound, seats, T0 } from '../support/definitions.js';

const final: ContestDefinition = {
  title: '决赛',
  seed: 'x',
  seats: seats(3),
  stages: [
    { id: 'stage-1', name: '比知识', weight: 0.5, normalise: 'max', rounds: [buzzRound(2)] },
    { id: 'stage-2', name: '述行动', weight: 0.5, rounds: [buzzRound(1, {}, 2)] },
  ],
  ranking: { decimals: 2, tieBreaks: [{ by: 'stage', stageId: 'stage-2' }, { by: 'false-starts' }] },
};

let t = T0;
const command = (c: Record<string, unknown>): Command => ({ ...c, at: (t += 10) }) as Command;
const next = () => command({ type: 'question:next' });
const adjust = (seatId: string, delta: number) => command({ type: 'score:adjust', seatId, delta, reason: '测试' });

/** All three on 30: 1号席 and 2号席 on 25 + 5, 3号席 on 0 + 30; 1号席 false-starts once. */
const LOG: Command[] = [
  next(),
  adjust('s1', 10),
  adjust('s2', 10),
  next(),
  command({ type: 'buzz:press', seatId: 's1' }),
  next(),
  next(),
  adjust('s1', 10),
  adjust('s2', 10),
  adjust('s3', 60),
];

const sheet = (all: Table[], name: Table['name']) => all.find((table) => table.name === name) as Table;

describe('[R1][R7] the ranking in the export', () => {
  it('[R1][R2][R5] the results sheet: per stage raw, normalised and weighted, the total, the rank, what decided it', () => {
    const results = sheet(tables(recordOf({ definition: final, commands: LOG }), { locale: 'zh' }), 'results');
    expect(results.header).toEqual(['名次', '席位', '比知识 原始分', '比知识 折算分', '比知识 加权分', '述行动 原始分', '述行动 折算分', '述行动 加权分', '加权总分', '原始总分', '并列', '同分决胜依据']);
    // 比知识 is out of 20 (two buzz-in questions of 10): 10 -> 50 -> × 0.5 = 25.
    expect(results.rows).toEqual([
      [1, '3号席', 0, 0, 0, 60, 60, 30, 30, 60, '', '按“述行动”得分'],
      [2, '2号席', 10, 50, 25, 10, 10, 5, 30, 20, '', '按抢答犯规次数'],
      [3, '1号席', 10, 50, 25, 10, 10, 5, 30, 20, '', '按抢答犯规次数'],
    ]);
  });

  it('[R7] the tie-break sheet: every step with each compared seat\'s figure, and how the totals were worked out', () => {
    const ties = sheet(tables(recordOf({ definition: final, commands: LOG }), { locale: 'zh' }), 'ties');
    expect(ties.title).toBe('同分决胜');
    expect(ties.header).toEqual(['同分组', '相同总分', '比较步骤', '比较依据', '席位', '数值', '最终名次', '并列']);
    expect(ties.rows).toEqual([
      [1, 30, 1, '按“述行动”得分', '1号席', 5, 3, ''],
      [1, 30, 1, '按“述行动”得分', '2号席', 5, 2, ''],
      [1, 30, 1, '按“述行动”得分', '3号席', 30, 1, ''],
      [1, 30, 2, '按抢答犯规次数', '1号席', 1, 3, ''],
      [1, 30, 2, '按抢答犯规次数', '2号席', 0, 2, ''],
    ]);
    expect(ties.notes?.slice(1)).toEqual([
      ['保留小数位', 2],
      ['比知识', '按满分折算为百分', '权重 0.5'],
      ['述行动', '不归一（原始分）', '权重 0.5'],
    ]);
  });

  it('[R7] a tie that survives is listed as shared, in English too', () => {
    const level = { ...final, ranking: undefined };
    const all = tables(recordOf({ definition: level, commands: LOG.slice(0, 3) }), { locale: 'en' });
    expect(sheet(all, 'results').rows.map((r) => [r[0], r[1], r.at(-2), r.at(-1)])).toEqual([
      [1, '1号席', 'yes', ''],
      [1, '2号席', 'yes', ''],
      [3, '3号席', '', ''],
    ]);
    expect(sheet(all, 'ties').rows).toEqual([
      [1, 25, '', 'No tie-breaks configured: the places are shared', '1号席', '', 1, 'yes'],
      [1, 25, '', 'No tie-breaks configured: the places are shared', '2号席', '', 1, 'yes'],
    ]);
  });
});
