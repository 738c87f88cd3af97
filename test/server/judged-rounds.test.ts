// Judged rounds over real sockets (issue 12, "Prove it"): seven judges on their own pages and ten
// seats through a reflection round (悟思想: an open question each, preparation, then speaking) and
// an action round (述行动: each seat's own title, scored on three criteria, with an overtime
// deduction). Every result is checked against figures worked out by hand below.
import { afterEach, describe, expect, it } from 'vitest';
import type { JudgedTurnView } from '../../shared/contest/judging-types.js';
import type { ContestDefinition } from '../../shared/contest/types.js';
import type { ContestView } from '../../shared/contest/views.js';
import { ErrorCode } from '../../shared/protocol.js';
import { judgedRound, judges, seats } from '../support/definitions.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { judgedOf } from '../support/question-of.js';

const SEATS = seats(10).map((s, i) => ({ ...s, topic: `第${i + 1}党支部：把支部建在项目上` }));
const JUDGES = judges(7);
const ORDER = SEATS.map((s) => s.id);

const PREPARE_MS = 30_000;
const REFLECT_SPEAK_MS = 180_000;
const ACT_SPEAK_MS = 300_000;

function contest(): ContestDefinition {
  return {
    title: '党史知识竞赛决赛',
    seed: 'judged',
    seats: SEATS,
    judges: JUDGES,
    stages: [
      { id: 'stage-1', name: '悟思想', weight: 0.15, rounds: [judgedRound(ORDER, { prompt: 'question', prepareMs: PREPARE_MS, speakMs: REFLECT_SPEAK_MS })] },
      {
        id: 'stage-2',
        name: '述行动',
        weight: 0.7,
        rounds: [
          judgedRound(ORDER, {
            speakMs: ACT_SPEAK_MS,
            overtime: { perMs: 30_000, points: 0.5 },
            criteria: [
              { name: '内容', max: 40 },
              { name: '表达', max: 30 },
              { name: '效果', max: 30 },
            ],
          }),
        ],
      },
    ],
  };
}

// The panel's scores, seat by seat (rows s1..s10), judge by judge (columns j1..j7).
// 悟思想: s3's j7 is excluded (回避), so that row has six scores.
const REFLECTION: (number | null)[][] = [
  [87.0, 81.0, 83.5, 86.0, 88.5, 82.5, 85.0],
  [83.0, 85.5, 88.0, 82.0, 84.5, 87.0, 89.5],
  [84.5, 87.0, 81.0, 84.0, 86.0, 80.0, null],
  [89.0, 83.0, 85.5, 88.0, 82.0, 84.5, 87.0],
  [85.0, 87.5, 90.0, 84.0, 86.5, 89.0, 83.0],
  [86.5, 80.5, 83.0, 85.5, 88.0, 82.0, 84.5],
  [82.5, 85.0, 87.5, 81.5, 84.0, 86.5, 89.0],
  [87.0, 89.5, 83.5, 86.0, 88.5, 82.5, 85.0],
  [80.0, 82.5, 85.0, 87.5, 81.5, 84.0, 86.5],
  [84.5, 87.0, 81.0, 83.5, 86.0, 88.5, 82.5],
];
const ACTION: number[][] = [
  [83.5, 85.0, 77.0, 78.5, 80.0, 81.5, 83.0],
  [81.0, 82.5, 84.0, 85.5, 87.0, 79.0, 80.5],
  [88.0, 80.0, 81.5, 83.0, 84.5, 86.0, 87.5],
  [79.5, 81.0, 82.5, 84.0, 76.0, 77.5, 79.0],
  [77.0, 78.5, 80.0, 81.5, 83.0, 84.5, 76.5],
  [84.0, 85.5, 87.0, 79.0, 80.5, 82.0, 83.5],
  [81.5, 83.0, 84.5, 86.0, 87.5, 79.5, 81.0],
  [82.5, 84.0, 76.0, 77.5, 79.0, 80.5, 82.0],
  [80.0, 81.5, 83.0, 84.5, 76.5, 78.0, 79.5],
  [87.0, 79.0, 80.5, 82.0, 83.5, 85.0, 86.5],
];

// Worked by hand: drop the highest and the lowest (the first judge of equals for the highest, the
// last for the lowest; no row here has equals), average the other five, round half up to 2 places.
//   s1: drop j5 88.5 and j2 81.0; (87 + 83.5 + 86 + 82.5 + 85) / 5 = 424 / 5 = 84.8
//   s3: j7 excluded; of six, drop j2 87.0 and j6 80.0; (84.5 + 81 + 84 + 86) / 4 = 335.5 / 4
//       = 83.875 -> 83.88 (half up)
//   s5: j2's 87.5 entered by the host from paper; drop j3 90.0 and j7 83.0;
//       (85 + 87.5 + 84 + 86.5 + 89) / 5 = 432 / 5 = 86.4
const REFLECTION_RESULTS = [84.8, 85.6, 83.88, 85.6, 86.4, 84.3, 85.1, 86.0, 83.9, 84.7];
const REFLECTION_DROPPED = [['j5', 'j2'], ['j7', 'j4'], ['j2', 'j6'], ['j1', 'j5'], ['j3', 'j7'], ['j5', 'j2'], ['j7', 'j4'], ['j2', 'j6'], ['j4', 'j1'], ['j6', 'j3']];
//   s4 (述行动): drop j4 84.0 and j5 76.0; (79.5 + 81 + 82.5 + 77.5 + 79) / 5 = 399.5 / 5 = 79.9;
//       it spoke 65 s over its 300 s: three started half-minutes at 0.5 each, 1.5 off: 78.4
//   s7: spoke exactly its 300 s: no deduction; (83 + 84.5 + 86 + 81.5 + 81) / 5 = 416 / 5 = 83.2
const ACTION_AGGREGATES = [81.3, 82.7, 84.5, 79.9, 80.0, 83.1, 83.2, 80.3, 80.4, 83.5];
const ACTION_RESULTS = [81.3, 82.7, 84.5, 78.4, 80.0, 83.1, 83.2, 80.3, 80.4, 83.5];
const OVERTIME_MS: Record<string, number> = { s4: 65_000 };
const SPOKE_MS = (seatId: string) => (seatId === 's4' ? ACT_SPEAK_MS + 65_000 : seatId === 's7' ? ACT_SPEAK_MS : ACT_SPEAK_MS - 20_000);

/** A score's parts on 内容 40 / 表达 30 / 效果 30, adding up to it. */
function partsOf(value: number): number[] {
  const content = Math.floor(value * 0.4 * 2) / 2;
  const delivery = Math.floor(value * 0.3 * 2) / 2;
  return [content, delivery, value - content - delivery];
}

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const turnOf = (v: ContestView): JudgedTurnView | null => judgedOf(v);

async function ok(page: TestClient, event: 'host:command' | 'judge:score', payload: object): Promise<void> {
  const ack = await page.request(event as 'host:command', payload as never);
  if (!('data' in ack)) throw new Error(`${event} ${JSON.stringify(payload)} refused: ${ack.error}`);
}

describe('seven judges, ten seats, a reflection round and an action round', () => {
  it('[J1-J7] every seat gets the result worked out by hand; the stage totals weigh them', { timeout: 60_000 }, async () => {
    const h = await startServer({ definition: contest() });
    harnesses.push(h);
    const host = await h.host();
    const screen = await h.screen();
    const access = await host.request('judges:access', {});
    if (!('data' in access)) throw new Error('no judges');
    const panel = await Promise.all(
      access.data.judges.map(async (j) => {
        const page = h.connect({ role: 'judge', key: new URL(j.link).searchParams.get('key') });
        await page.ready();
        return page;
      }),
    );
    const judge = (id: string) => panel[Number(id.slice(1)) - 1];
    const phase = (seatId: string, p: JudgedTurnView['phase']) => host.until((v) => turnOf(v)?.seatId === seatId && turnOf(v)?.phase === p);
    const hostSays = (type: string, extra: object = {}) => ok(host, 'host:command', { type, ...extra });

    /** Moves on until the seat is called (past a round's title card). */
    const call = async (seatId: string) => {
      for (let n = 0; n < 3 && turnOf(host.view as ContestView)?.seatId !== seatId; n++) {
        h.clock.advance(1000);
        // The new view reaches the host before the acknowledgement does.
        await hostSays('question:next');
      }
      await phase(seatId, 'called');
    };

    // 悟思想: each seat prepares 30 s, speaks up to 3 minutes, then the panel scores.
    for (const [i, seatId] of ORDER.entries()) {
      await call(seatId);
      expect(turnOf(host.view as ContestView)?.topic).toBe(`第${200 + i}题题干`);
      if (seatId === 's3') await hostSays('judge:exclude', { judgeId: 'j7', reason: '与选手同单位，回避' });
      await hostSays('speech:start');
      await phase(seatId, 'preparing');
      h.clock.advance(PREPARE_MS);
      await phase(seatId, 'speaking');
      h.clock.advance(REFLECT_SPEAK_MS - 10_000);
      await hostSays('speech:stop');
      await phase(seatId, 'scoring');
      if (seatId === 's2') {
        // j1 first gives 90, then changes its mind before scoring closes.
        await ok(judge('j1'), 'judge:score', { seatId, value: 90 });
        await judge('j1').until((v) => turnOf(v)?.myScore?.value === 90);
      }
      if (seatId === 's3') {
        // A page still showing the previous speaker cannot score this one by mistake, and the
        // excluded judge cannot score at all.
        expect(await judge('j1').request('judge:score', { seatId: 's2', value: 80 })).toEqual({ error: ErrorCode.NotCurrentSeat });
        expect(await judge('j7').request('judge:score', { seatId, value: 80 })).toEqual({ error: ErrorCode.JudgeExcluded });
      }
      await Promise.all(
        REFLECTION[i].map(async (value, j) => {
          const judgeId = `j${j + 1}`;
          if (value === null) return;
          // s5's j2 scored on paper: the host types it in.
          if (seatId === 's5' && judgeId === 'j2') return hostSays('judge:enter', { judgeId, seatId, value });
          await ok(judge(judgeId), 'judge:score', { seatId, value });
        }),
      );
      // J7: each judge's page holds its own score alone; the host knows who scored, not what.
      await Promise.all(REFLECTION[i].map((value, j) => value !== null && panel[j].until((v) => turnOf(v)?.myScore?.value === value)));
      for (const [j, page] of panel.entries()) {
        const turn = turnOf(page.view as ContestView);
        expect(turn?.scored).toEqual([]);
        expect(turn?.revealed).toBeNull();
        expect(turn?.myScore?.value ?? null).toBe(REFLECTION[i][j]);
      }
      const hostTurn = turnOf(await host.until((v) => (turnOf(v)?.scored.length ?? 0) === REFLECTION[i].filter((v) => v !== null).length)) as JudgedTurnView;
      expect(hostTurn.myScore).toBeNull();
      expect(hostTurn.revealed).toBeNull();
      expect(JSON.stringify(screen.view)).not.toContain('"myScore":{');
      if (seatId === 's2') {
        await hostSays('judging:close');
        await phase(seatId, 'closed');
        // J2: once scoring is closed, no judge may change a score.
        expect(await judge('j4').request('judge:score', { seatId, value: 95 })).toEqual({ error: ErrorCode.ScoringClosed });
      }
      if (seatId === 's5') expect(hostTurn.byHost).toEqual(['j2']);
      await hostSays('answer:reveal');
      const revealed = turnOf(await screen.until((v) => turnOf(v)?.seatId === seatId && turnOf(v)?.phase === 'revealed'))?.revealed;
      expect(revealed?.result.points).toBe(REFLECTION_RESULTS[i]);
      expect(revealed?.result.dropped).toEqual(REFLECTION_DROPPED[i]);
      expect(Object.keys(revealed?.scores ?? {}).length).toBe(seatId === 's3' ? 6 : 7);
    }

    // 述行动: each seat speaks on its own title; some judges score while it speaks, with parts.
    for (const [i, seatId] of ORDER.entries()) {
      await call(seatId);
      expect(turnOf(host.view as ContestView)?.topic).toBe(SEATS[i].topic);
      await hostSays('speech:start');
      await phase(seatId, 'speaking');
      h.clock.advance(SPOKE_MS(seatId));
      // The first three judges score before the speech is stopped (J2: speaking or scoring).
      await Promise.all([0, 1, 2].map((j) => ok(panel[j], 'judge:score', { seatId, value: ACTION[i][j], parts: partsOf(ACTION[i][j]) })));
      await hostSays('speech:stop');
      await phase(seatId, 'scoring');
      await Promise.all([3, 4, 5, 6].map((j) => ok(panel[j], 'judge:score', { seatId, value: ACTION[i][j], parts: partsOf(ACTION[i][j]) })));
      await host.until((v) => turnOf(v)?.scored.length === 7);
      await hostSays('judging:close');
      await hostSays('answer:reveal');
      const result = turnOf(await screen.until((v) => turnOf(v)?.seatId === seatId && turnOf(v)?.phase === 'revealed'))?.revealed?.result;
      expect(result).toMatchObject({ aggregate: ACTION_AGGREGATES[i], overtimeMs: OVERTIME_MS[seatId] ?? 0, points: ACTION_RESULTS[i] });
      // A score after the reveal is refused; the result stays.
      expect(await panel[0].request('judge:score', { seatId, value: 50, parts: partsOf(50) })).toEqual({ error: ErrorCode.ScoringClosed });
    }
    expect(turnOf(host.view as ContestView)?.revealed?.result.deduction).toBe(0);
    expect(h.room.state.ledger.filter((e) => e.seatId === 's4' && e.reason === 'judged').map((e) => e.delta)).toEqual([85.6, 78.4]);

    // The stage totals and the weighted ranking: s3 = 83.88 × 0.15 + 84.5 × 0.7 = 12.582 + 59.15
    // = 71.732 -> 71.73; s4 = 85.6 × 0.15 + 78.4 × 0.7 = 12.84 + 54.88 = 67.72.
    const standings = (await host.until((v) => v.standings.length === 10)).standings;
    const of = (seatId: string) => standings.find((s) => s.seatId === seatId);
    for (const [i, seatId] of ORDER.entries()) expect(of(seatId)?.stages.map((s) => s.raw)).toEqual([REFLECTION_RESULTS[i], ACTION_RESULTS[i]]);
    expect(of('s3')?.weighted).toBe(71.73);
    expect(of('s4')?.weighted).toBe(67.72);
    // The log holds every judge's score as its judge sent it, with the judge the link signed in.
    const logged = h.store.loadContest(h.contestId)?.commands.filter((c) => c.type === 'judge:score') ?? [];
    // 悟思想: 69 scores less the one from paper, plus j1's first score for s2; 述行动: 70.
    expect(logged.length).toBe(68 + 1 + 70);
    expect(new Set(logged.map((c) => (c.type === 'judge:score' ? c.judgeId : '')))).toEqual(new Set(JUDGES.map((j) => j.id)));
  });
});
