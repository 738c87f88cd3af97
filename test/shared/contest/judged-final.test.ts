// A final's judged stages end to end in the engine: seven judges and ten seats through a
// reflection round (悟思想, 15%) and an action round (述行动, 70%), replayed from the log (D3), with
// every result and weighted total worked out by hand below.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/contest/commands.js';
import { replay } from '../../../shared/contest/replay.js';
import { standings } from '../../../shared/contest/standings.js';
import type { ContestDefinition } from '../../../shared/contest/types.js';
import { judgedRound, judges, seats, T0 } from '../../support/builders.js';

const SEATS = seats(10).map((s) => ({ ...s, topic: `${s.name}的支部工作` }));
const ORDER = SEATS.map((s) => s.id);
const FINAL: ContestDefinition = {
  title: '党史知识竞赛决赛',
  seed: 'final',
  seats: SEATS,
  judges: judges(7),
  stages: [
    { id: 'think', name: '悟思想', weight: 0.15, rounds: [judgedRound(ORDER, { prompt: 'question', prepareMs: 30_000, speakMs: 120_000, aggregate: 'trimmed-mean' })] },
    { id: 'act', name: '述行动', weight: 0.7, rounds: [judgedRound(ORDER, { speakMs: 300_000, overtime: { perMs: 30_000, points: 1 }, aggregate: 'trimmed-mean' })] },
  ],
};

/** Seat k's seven scores around `base`: base, +0.5, +1, +1.5, +2, -10, +10. The trimmed mean
 * drops +10 and -10 and averages the five in the middle: base + (0 + 0.5 + 1 + 1.5 + 2) / 5 = base + 1. */
const around = (base: number) => [base, base + 0.5, base + 1, base + 1.5, base + 2, base - 10, base + 10];

let clock = T0;
const tick = (ms = 1000) => (clock += ms);

/** One seat's turn, as the host and the judges play it: called up (with `prepareMs`, the
 * preparation runs out by itself: the room's timer sends the tick), speaks `spokeMs`, scored by
 * the judges in `scores` (after any `before` commands), closed and revealed. */
function turn(seatId: string, scores: Record<string, number>, spokeMs: number, prepareMs = 0, before: Command[] = []): Command[] {
  const log: Command[] = [{ type: 'question:next', at: tick() }, ...before.map((c) => ({ ...c, at: tick() })), { type: 'speech:start', at: tick() }];
  if (prepareMs) log.push({ type: 'clock:tick', at: (clock += prepareMs) });
  log.push({ type: 'speech:stop', at: (clock += spokeMs) });
  for (const [judgeId, value] of Object.entries(scores)) log.push({ type: 'judge:score', judgeId, seatId, value, at: tick(100) });
  log.push({ type: 'judging:close', at: tick() }, { type: 'answer:reveal', at: tick() });
  return log;
}

/** Seven judges' scores, j1..j7. */
const panel = (values: number[]) => Object.fromEntries(values.map((v, i) => [`j${i + 1}`, v]));

describe('[J1][J3][J4][J6][R1] seven judges and ten seats through both judged stages', () => {
  it('[J3][J4][J5][J6][R1] every result and weighted total as worked by hand, the same on replay', () => {
    // The reflection round's title card.
    const log: Command[] = [{ type: 'question:next', at: tick() }];
    // 悟思想: seat k (1..10) scores around 80 + k: result 81 + k.
    ORDER.forEach((seatId, i) => log.push(...turn(seatId, panel(around(80 + i + 1)), 100_000, 30_000)));
    // The action round's title card; each turn's own N calls its seat.
    log.push({ type: 'question:next', at: tick() });
    // 述行动: seat k scores around 70 + k / 2: result 71 + k / 2, except:
    // seat 3 (base 71.5): j6 (61.5) is excluded (回避); six count: 71.5, 72, 72.5, 73, 73.5, 81.5;
    //   drop 81.5 and 71.5; (72 + 72.5 + 73 + 73.5) / 4 = 291 / 4 = 72.75.
    // seat 10 (base 75, result 76) speaks 45 s over: two started 30 s at 1 point: 76 - 2 = 74.
    ORDER.forEach((seatId, i) => {
      const k = i + 1;
      const scores = panel(around(70 + k / 2));
      if (k === 3) delete scores.j6;
      const before: Command[] = k === 3 ? [{ type: 'judge:exclude', judgeId: 'j6', reason: '回避：同一单位', at: 0 }] : [];
      log.push(...turn(seatId, scores, 300_000 + (k === 10 ? 45_000 : 0), 0, before));
    });
    log.push({ type: 'question:next', at: tick() });

    const { state, refused } = replay(FINAL, log);
    expect(refused).toEqual([]);
    expect(state.stage).toBe('finished');
    const think = (k: number) => 81 + k;
    const act = (k: number) => (k === 3 ? 72.75 : k === 10 ? 74 : 71 + k / 2);
    const rows = standings(state);
    for (let k = 1; k <= 10; k++) {
      const row = rows.find((r) => r.seatId === `s${k}`);
      expect(row?.stages.map((s) => s.raw), `s${k}`).toEqual([think(k), act(k)]);
      expect(row?.weighted, `s${k}`).toBe(Math.round((think(k) * 0.15 + act(k) * 0.7) * 100) / 100);
    }
    // Seat 1: 82 × 0.15 + 71.5 × 0.7 = 12.3 + 50.05 = 62.35.
    expect(rows.find((r) => r.seatId === 's1')?.weighted).toBe(62.35);
    // Seat 9: 90 × 0.15 + 75.5 × 0.7 = 13.5 + 52.85 = 66.35, first; seat 8: 89 × 0.15 + 75 × 0.7 =
    // 13.35 + 52.5 = 65.85, second; seat 10: 91 × 0.15 + 74 × 0.7 = 13.65 + 51.8 = 65.45, third.
    expect(['s9', 's8', 's10'].map((id) => rows.find((r) => r.seatId === id))).toMatchObject([
      { weighted: 66.35, rank: 1 },
      { weighted: 65.85, rank: 2 },
      { weighted: 65.45, rank: 3 },
    ]);
    const judgedEntries = state.ledger.filter((e) => e.reason === 'judged');
    expect(judgedEntries).toHaveLength(20);
    expect(judgedEntries.find((e) => e.seatId === 's3' && e.round === 1)).toMatchObject({ delta: 72.75, questionNumber: 3 });
    expect(judgedEntries.find((e) => e.seatId === 's10' && e.round === 1)).toMatchObject({ delta: 74 });
  });
});
