// The contest the kill -9 fault test plays: a stage with a buzz-in, an in-turn and an
// all-at-once round, then a judged stage (述行动) scored by five judges on their own pages; four
// seats (one a team of two phones), and a fixed script of what the host, the phones and the
// judges do, with the time that passes before each step.
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestDefinition, Seat } from '../../shared/contest/types.js';
import { allAtOnceRound, buzzRound, choice, inTurnRound, judgedRound, judges, question } from './definitions.js';

/** The panel: five judges, each on its own page signed in by its link. */
export const FAULT_JUDGES = judges(5);

/** Phones: one per individual seat, two for the team. */
export const FAULT_PHONES: { phone: string; seatId: string }[] = [
  { phone: 's1', seatId: 's1' },
  { phone: 's2', seatId: 's2' },
  { phone: 's3', seatId: 's3' },
  { phone: 'team-a', seatId: 'team' },
  { phone: 'team-b', seatId: 'team' },
];

const SEATS: Seat[] = [
  { id: 's1', name: '一号', kind: 'individual', phones: 1 },
  { id: 's2', name: '二号', kind: 'individual', phones: 1 },
  { id: 's3', name: '三号', kind: 'individual', phones: 1 },
  { id: 'team', name: '红队', kind: 'team', phones: 2 },
];

export function faultContest(): ContestDefinition {
  // Arrival order decides buzzes here: press-time judging depends on measured links, which a
  // restarted server measures afresh, and this test is about what survives a restart.
  const buzz = buzzRound(5, { fairness: { mode: 'arrival', marginMs: 2, graceCapMs: 300 } });
  return {
    title: '断电测试',
    seed: 'fault',
    seats: SEATS,
    stages: [
      {
        id: 'stage-1',
        name: '综合',
        weight: 1,
        rounds: [
          buzz,
          inTurnRound(['s1', 's2', 's3', 'team'], 1, { answerTimeMs: 30_000, wrongPoints: 5 }),
          allAtOnceRound([choice(1, 'B'), choice(2, 'AC'), choice(3, 'D')], { answerTimeMs: 20_000, partialCredit: true }),
        ],
      },
      {
        id: 'stage-2',
        name: '述行动',
        weight: 0.7,
        // Five seconds to get ready, a minute to speak, a point off per started 10 s over.
        rounds: [judgedRound(['s1', 's2', 's3', 'team'], { prepareMs: 5_000, speakMs: 60_000, warnAtMs: 10_000, overtime: { perMs: 10_000, points: 1 } })],
      },
    ],
    judges: FAULT_JUDGES,
  };
}

/** Unused questions for swaps (F4). */
export const FAULT_BANK = Array.from({ length: 6 }, (_, i) => question(500 + i));

export type FaultStep =
  | { dt: number; host: HostCommand }
  | { dt: number; swap: true }
  | { dt: number; press: string }
  | { dt: number; answer: string; choice: number[] }
  /** A judge's page scores the seat it sees called. */
  | { dt: number; score: string; seatId: string; value: number }
  /** Only time passes (a countdown or a buzz window runs out). */
  | { dt: number; wait: true };

const host = (command: HostCommand, dt = 1000): FaultStep => ({ dt, host: command });
const next = host({ type: 'question:next' });
const open = host({ type: 'buzzers:open' }, 2000);
const rule = (verdict: 'right' | 'wrong', dt = 4000): FaultStep => host({ type: 'answer:rule', verdict }, dt);
const press = (phone: string, dt = 600): FaultStep => ({ dt, press: phone });
const answer = (phone: string, choice: number[], dt = 1500): FaultStep => ({ dt, answer: phone, choice });
const wait = (dt: number): FaultStep => ({ dt, wait: true });
const score = (judgeId: string, seatId: string, value: number, dt = 1200): FaultStep => ({ dt, score: judgeId, seatId, value });
const speak = host({ type: 'speech:start' }, 2000);
const stop = (dt: number): FaultStep => host({ type: 'speech:stop' }, dt);

export const FAULT_SCRIPT: FaultStep[] = [
  // Buzz-in (B): a right answer, a swap and a rebound, a false start and an undo, a dead question.
  next, next, open, press('s2'), press('s1', 20), rule('right'),
  next, { dt: 3000, swap: true }, open, press('s1'), press('s3', 15), rule('wrong'), host({ type: 'buzzers:reopen' }), press('s3'), wait(25_000),
  next, press('s1', 500), open, press('s1', 100), press('team-a', 300), press('team-b', 5), rule('right'), host({ type: 'ruling:undo' }), rule('wrong'),
  host({ type: 'score:adjust', seatId: 's2', delta: 5, reason: '裁判补分' }),
  next, open, wait(12_000),
  next, open, press('s2', 900), wait(21_000), host({ type: 'buzzers:reopen' }), press('s1'), press('team-b', 40), rule('right', 8000),
  // In turn (T): a right answer, a timeout, a skip, a repeat.
  next, next, host({ type: 'turn:start' }), rule('right', 6000),
  next, host({ type: 'turn:start' }), wait(31_000),
  next, host({ type: 'turn:skip' }, 2000),
  next, host({ type: 'turn:start' }), rule('wrong', 9000), host({ type: 'turn:repeat' }), host({ type: 'turn:start' }), rule('right', 5000),
  // All at once (A): answers changed until the deadline, one too late, partial credit.
  next, next, host({ type: 'answers:open' }, 3000), answer('s1', [1]), answer('s2', [2]), answer('team-a', [1]), answer('s1', [3], 4000), answer('team-b', [0]), wait(20_000), answer('s3', [1], 10),
  next, host({ type: 'answers:open' }, 3000), answer('s1', [0, 2]), answer('s2', [0]), answer('s3', [0, 1]), answer('team-a', [2, 0]), host({ type: 'answer:reveal' }, 2000),
  next, host({ type: 'answers:open' }, 3000), answer('s3', [3]), answer('s2', [3], 7000), host({ type: 'score:adjust', seatId: 'team', delta: -3, reason: '违规提示' }), wait(21_000),
  // Judged (J): scores while speaking and after, a changed score, one refused after closing,
  // overtime, a reveal undone and corrected, an excluded judge and a paper score, a pause.
  next, next, speak, wait(5_000), score('j1', 's1', 85, 20_000), score('j2', 's1', 88), stop(52_000),
  score('j3', 's1', 90), score('j4', 's1', 79.5), score('j5', 's1', 84), score('j1', 's1', 86.5), host({ type: 'judging:close' }), score('j2', 's1', 95), host({ type: 'answer:reveal' }),
  next, speak, wait(5_000), score('j1', 's2', 80, 10_000), score('j2', 's2', 82.5), score('j3', 's2', 91), score('j4', 's2', 77), score('j5', 's2', 83), wait(70_000), stop(1000),
  host({ type: 'answer:reveal' }), host({ type: 'ruling:undo' }), score('j3', 's2', 86), host({ type: 'answer:reveal' }),
  next, host({ type: 'judge:exclude', judgeId: 'j5', reason: '回避' }), speak, wait(5_000), stop(30_000), score('j1', 's3', 70), score('j2', 's3', 75.5), score('j3', 's3', 73),
  host({ type: 'judge:enter', judgeId: 'j4', seatId: 's3', value: 72 }), score('j5', 's3', 60), host({ type: 'answer:reveal' }),
  next, speak, wait(5_000), host({ type: 'show:pause' }, 20_000), wait(30_000), host({ type: 'show:resume' }), stop(45_000),
  score('j1', 'team', 90), score('j2', 'team', 92), score('j3', 'team', 89.5), score('j4', 'team', 94), score('j5', 'team', 91), host({ type: 'judging:close' }), host({ type: 'answer:reveal' }),
  next,
];
