// The whole final as data (issue 13, "Prove it"): server/contests/final-example.json, made into a
// contest as `npm start -- --contest` makes it, played end to end over real sockets by ten phones,
// seven judges on their own pages, the host and one screen, on a fake clock. Every figure the test
// checks (each round's points, each stage's raw, normalised and weighted score, the totals, the
// order with its tie-break, the prizes) is worked out by hand below, not by the code under test.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { JudgedRound } from '../../shared/contest/types.js';
import { flatRounds } from '../../shared/contest/rounds.js';
import type { ContestView } from '../../shared/contest/views.js';
import { actionParts, finalExample } from '../support/final-example.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { buzzOf, judgedOf, turnOf } from '../support/question-of.js';
import { viewOfKind } from '../../shared/contest/views.js';

// ---------------------------------------------------------------------------------------------
// The script, seat by seat. Seats are the file's, in its order: s1 = seat-1 (市委组织部机关党支部)
// ... s10 = seat-10 (第八中学高中部党支部). Arrays below are indexed s1..s10.
// ---------------------------------------------------------------------------------------------

const SEAT_COUNT = 10;
const seatId = (n: number) => `seat-${n}`;
const SEATS = Array.from({ length: SEAT_COUNT }, (_, i) => seatId(i + 1));

// 比知识 › 轮流必答: 10 for right, 0 for wrong or no answer (30 s).
type TurnVerdict = 'right' | 'wrong' | 'timeout';
const IN_TURN: TurnVerdict[] = ['right', 'right', 'wrong', 'right', 'timeout', 'right', 'right', 'wrong', 'right', 'right'];
const IN_TURN_POINTS = [10, 10, 0, 10, 0, 10, 10, 0, 10, 10];

// 比知识 › 风险题: stakes 10/20/30 picked before the question shows; right +stake, wrong or
// timeout −stake, pass (放弃) 0. s4's stake is picked by the host for it (its phone is slow).
type RiskScript = { stake: number | null; by: 'seat' | 'host'; outcome: 'right' | 'wrong' | 'timeout' | 'passed' };
const RISK: RiskScript[] = [
  { stake: 30, by: 'seat', outcome: 'right' }, //    s1 +30
  { stake: 20, by: 'seat', outcome: 'wrong' }, //    s2 −20
  { stake: null, by: 'seat', outcome: 'passed' }, // s3   0 (放弃)
  { stake: 10, by: 'host', outcome: 'right' }, //    s4 +10 (picked by the host)
  { stake: 30, by: 'seat', outcome: 'timeout' }, //  s5 −30 (no answer in 30 s)
  { stake: 20, by: 'seat', outcome: 'right' }, //    s6 +20
  { stake: 10, by: 'seat', outcome: 'wrong' }, //    s7 −10
  { stake: 30, by: 'seat', outcome: 'right' }, //    s8 +30
  { stake: 20, by: 'seat', outcome: 'right' }, //    s9 +20
  { stake: 10, by: 'seat', outcome: 'right' }, //    s10 +10
];
const RISK_POINTS = [30, -20, 0, 10, -30, 20, -10, 30, 20, 10];

// 比知识 › 抢答题: 16 questions, +10 right, −10 wrong; a false start (pressing before 开始抢答)
// loses the question. Each question: who presses early, then who wins each buzz and the ruling.
interface BuzzScript {
  falseStart?: number;
  buzzes: [seat: number, verdict: 'right' | 'wrong'][];
  /** After a wrong answer: `reopen` for the rest (补答), else the host ends it (E). Nobody: `dead`. */
  end: 'right' | 'ended' | 'dead';
}
const BUZZ: BuzzScript[] = [
  { buzzes: [[1, 'right']], end: 'right' }, //                         q1
  { falseStart: 5, buzzes: [[2, 'wrong'], [3, 'right']], end: 'right' }, // q2: s5 early, s2 wrong, 补答 s3
  { buzzes: [[4, 'right']], end: 'right' }, //                         q3
  { buzzes: [[6, 'right']], end: 'right' }, //                         q4
  { buzzes: [[8, 'wrong'], [9, 'right']], end: 'right' }, //           q5: s8 wrong, 补答 s9
  { buzzes: [[10, 'right']], end: 'right' }, //                        q6
  { buzzes: [], end: 'dead' }, //                                      q7: nobody in 10 s
  { buzzes: [[1, 'right']], end: 'right' }, //                         q8
  { buzzes: [[7, 'right']], end: 'right' }, //                         q9
  { buzzes: [[2, 'right']], end: 'right' }, //                         q10
  { buzzes: [[4, 'wrong']], end: 'ended' }, //                         q11: s4 wrong, host ends it
  { buzzes: [[6, 'right']], end: 'right' }, //                         q12
  { buzzes: [[3, 'right']], end: 'right' }, //                         q13
  { buzzes: [[9, 'right']], end: 'right' }, //                         q14
  { buzzes: [[5, 'right']], end: 'right' }, //                         q15
  { buzzes: [[8, 'right']], end: 'right' }, //                         q16
];
//   s1: q1, q8 right = +20          s2: q2 wrong, q10 right = 0     s3: q2, q13 right = +20
//   s4: q3 right, q11 wrong = 0     s5: q2 false start, q15 right = +10
//   s6: q4, q12 right = +20         s7: q9 right = +10              s8: q5 wrong, q16 right = 0
//   s9: q5, q14 right = +20         s10: q6 right = +10
const BUZZ_POINTS = [20, 0, 20, 0, 10, 20, 10, 0, 20, 10];
const BUZZ_RIGHT = [2, 1, 2, 1, 1, 2, 1, 1, 2, 1];

// 悟思想: seven judges (j1..j7) score each seat's answer to its drawn question, 0-100 in halves;
// the result is the mean of five after dropping the highest and the lowest, to 2 places half up.
const REFLECTION: number[][] = [
  [85.0, 84.5, 85.5, 87.5, 85.5, 83.5, 88.5], // s1: drop j7 88.5 and j6 83.5; (85 + 84.5 + 85.5 + 87.5 + 85.5) / 5 = 428 / 5 = 85.6
  [84.0, 87.0, 85.0, 83.5, 83.0, 85.5, 81.5], // s2: drop j2 87.0 and j7 81.5; (84 + 85 + 83.5 + 83 + 85.5) / 5 = 421 / 5 = 84.2
  [86.0, 87.5, 83.5, 85.5, 85.5, 81.5, 83.5], // s3: drop j2 87.5 and j6 81.5; (86 + 83.5 + 85.5 + 85.5 + 83.5) / 5 = 424 / 5 = 84.8
  [87.0, 84.0, 83.5, 88.0, 84.5, 82.0, 85.0], // s4: drop j4 88.0 and j6 82.0; (87 + 84 + 83.5 + 84.5 + 85) / 5 = 424 / 5 = 84.8
  [82.5, 82.5, 82.5, 85.0, 82.0, 86.0, 83.5], // s5: drop j6 86.0 and j5 82.0; (82.5 + 82.5 + 82.5 + 85 + 83.5) / 5 = 416 / 5 = 83.2
  [88.0, 84.0, 82.5, 85.0, 87.5, 90.0, 85.5], // s6: drop j6 90.0 and j3 82.5; (88 + 84 + 85 + 87.5 + 85.5) / 5 = 430 / 5 = 86
  [84.5, 84.0, 87.0, 89.0, 85.5, 84.0, 83.0], // s7: drop j4 89.0 and j7 83.0; (84.5 + 84 + 87 + 85.5 + 84) / 5 = 425 / 5 = 85
  [82.5, 83.0, 82.0, 85.5, 80.0, 85.0, 86.0], // s8: drop j7 86.0 and j5 80.0; (82.5 + 83 + 82 + 85.5 + 85) / 5 = 418 / 5 = 83.6
  [84.0, 88.5, 88.5, 85.0, 90.0, 84.5, 85.5], // s9: drop j5 90.0 and j1 84.0; (88.5 + 88.5 + 85 + 84.5 + 85.5) / 5 = 432 / 5 = 86.4
  [87.0, 84.5, 82.5, 88.5, 86.5, 83.0, 84.5], // s10: drop j4 88.5 and j3 82.5; (87 + 84.5 + 86.5 + 83 + 84.5) / 5 = 425.5 / 5 = 85.1
];
const REFLECTION_RESULTS = [85.6, 84.2, 84.8, 84.8, 83.2, 86.0, 85.0, 83.6, 86.4, 85.1];

// 述行动: each seat speaks on its own topic (called in the order drawn by lot), 5 minutes, then the
// panel scores on 内容 40 / 表达 30 / 效果 30; same trimmed mean. s2 speaks 340 s: 40 s over, two
// started half-minutes at 1 point each: 85.8 − 2 = 83.8. Every other seat stops inside its time.
const ACTION: number[][] = [
  [87.0, 86.0, 90.0, 87.5, 87.0, 88.5, 87.0], // s1: drop j3 90.0 and j2 86.0; (87 + 87.5 + 87 + 88.5 + 87) / 5 = 437 / 5 = 87.4
  [87.0, 84.0, 86.5, 89.0, 84.5, 83.5, 87.0], // s2: drop j4 89.0 and j6 83.5; (87 + 84 + 86.5 + 84.5 + 87) / 5 = 429 / 5 = 85.8; −2 = 83.8
  [82.0, 85.0, 86.5, 83.0, 88.5, 86.0, 85.5], // s3: drop j5 88.5 and j1 82.0; (85 + 86.5 + 83 + 86 + 85.5) / 5 = 426 / 5 = 85.2
  [86.5, 85.0, 83.5, 85.0, 86.0, 85.0, 85.0], // s4: drop j1 86.5 and j3 83.5; (85 + 85 + 86 + 85 + 85) / 5 = 426 / 5 = 85.2
  [81.0, 78.5, 79.0, 84.0, 80.5, 81.5, 83.0], // s5: drop j4 84.0 and j2 78.5; (81 + 79 + 80.5 + 81.5 + 83) / 5 = 405 / 5 = 81
  [87.5, 87.5, 84.0, 89.0, 86.0, 85.5, 88.5], // s6: drop j4 89.0 and j3 84.0; (87.5 + 87.5 + 86 + 85.5 + 88.5) / 5 = 435 / 5 = 87
  [83.0, 80.5, 81.0, 83.0, 82.5, 83.5, 82.5], // s7: drop j6 83.5 and j2 80.5; (83 + 81 + 83 + 82.5 + 82.5) / 5 = 412 / 5 = 82.4
  [86.5, 85.0, 84.5, 83.0, 85.0, 82.0, 82.5], // s8: drop j1 86.5 and j6 82.0; (85 + 84.5 + 83 + 85 + 82.5) / 5 = 420 / 5 = 84
  [92.0, 87.5, 88.5, 87.5, 86.0, 90.0, 89.5], // s9: drop j1 92.0 and j5 86.0; (87.5 + 88.5 + 87.5 + 90 + 89.5) / 5 = 443 / 5 = 88.6
  [83.0, 82.5, 85.5, 80.5, 83.0, 84.0, 84.5], // s10: drop j3 85.5 and j4 80.5; (83 + 82.5 + 83 + 84 + 84.5) / 5 = 417 / 5 = 83.4
];
const ACTION_RESULTS = [87.4, 83.8, 85.2, 85.2, 81.0, 87.0, 82.4, 84.0, 88.6, 83.4];
const ACTION_SPEAK_MS = 300_000;
const SPOKE_MS = (n: number) => (n === 2 ? ACTION_SPEAK_MS + 40_000 : ACTION_SPEAK_MS - 15_000);

// ---------------------------------------------------------------------------------------------
// The final ranking, worked out by hand.
//
// 比知识 raw = 轮流必答 + 风险题 + 抢答题:
//   s1 10 + 30 + 20 = 60     s2 10 − 20 + 0 = −10    s3 0 + 0 + 20 = 20      s4 10 + 10 + 0 = 20
//   s5 0 − 30 + 10 = −20     s6 10 + 20 + 20 = 50    s7 10 − 10 + 10 = 10    s8 0 + 30 + 0 = 30
//   s9 10 + 20 + 20 = 50     s10 10 + 10 + 10 = 30
// normalised by `max`: the most one seat could earn in the stage is 10 (its one in-turn question)
//   + 30 (the top stake) + 16 × 10 (every buzz-in question) = 200, so normalised = raw × 100 / 200:
//   s1 30, s2 −5, s3 10, s4 10, s5 −10, s6 25, s7 5, s8 15, s9 25, s10 15
// weighted × 0.15: s1 4.5, s2 −0.75, s3 1.5, s4 1.5, s5 −1.5, s6 3.75, s7 0.75, s8 2.25, s9 3.75, s10 2.25
//
// 悟思想 (normalise none) × 0.15: s1 85.6 → 12.84, s2 84.2 → 12.63, s3 84.8 → 12.72, s4 84.8 → 12.72,
//   s5 83.2 → 12.48, s6 86 → 12.9, s7 85 → 12.75, s8 83.6 → 12.54, s9 86.4 → 12.96,
//   s10 85.1 → 12.765 → 12.77 (half up)
// 述行动 (normalise absent: none) × 0.7: s1 87.4 → 61.18, s2 83.8 → 58.66, s3 85.2 → 59.64,
//   s4 85.2 → 59.64, s5 81 → 56.7, s6 87 → 60.9, s7 82.4 → 57.68, s8 84 → 58.8, s9 88.6 → 62.02,
//   s10 83.4 → 58.38
//
// Total = Σ weighted (each already to 2 places):
//   s1 4.5 + 12.84 + 61.18 = 78.52       s2 −0.75 + 12.63 + 58.66 = 70.54
//   s3 1.5 + 12.72 + 59.64 = 73.86       s4 1.5 + 12.72 + 59.64 = 73.86
//   s5 −1.5 + 12.48 + 56.7 = 67.68       s6 3.75 + 12.9 + 60.9 = 77.55
//   s7 0.75 + 12.75 + 57.68 = 71.18      s8 2.25 + 12.54 + 58.8 = 73.59
//   s9 3.75 + 12.96 + 62.02 = 78.73      s10 2.25 + 12.77 + 58.38 = 73.40
//
// Order: s9 78.73, s1 78.52, s6 77.55, {s3, s4} 73.86, s8 73.59, s10 73.40, s7 71.18, s2 70.54, s5 67.68.
// (Without normalising, 比知识 would weigh raw × 0.15: s1 9 + 12.84 + 61.18 = 83.02 against s9
// 7.5 + 12.96 + 62.02 = 82.48, and s1 would win: the stage counted for more than its 15%.)
//
// s3 and s4 are level on 73.86. Tie-breaks in order: 述行动's weighted score: 59.64 and 59.64,
// still level; buzz-in right answers: s3 2 (q2, q13), s4 1 (q3): s3 goes ahead. The tie is
// settled, so s3 is 4th and s4 5th, right on the line between 二等奖 (3 seats) and 三等奖.
//
// Prizes by count 1 / 3 / 6: 一等奖 s9; 二等奖 s1, s6, s3; 三等奖 s4, s8, s10, s7, s2, s5.
// ---------------------------------------------------------------------------------------------
const RAW = [
  [60, 85.6, 87.4],
  [-10, 84.2, 83.8],
  [20, 84.8, 85.2],
  [20, 84.8, 85.2],
  [-20, 83.2, 81.0],
  [50, 86.0, 87.0],
  [10, 85.0, 82.4],
  [30, 83.6, 84.0],
  [50, 86.4, 88.6],
  [30, 85.1, 83.4],
];
const NORMALISED = [
  [30, 85.6, 87.4],
  [-5, 84.2, 83.8],
  [10, 84.8, 85.2],
  [10, 84.8, 85.2],
  [-10, 83.2, 81.0],
  [25, 86.0, 87.0],
  [5, 85.0, 82.4],
  [15, 83.6, 84.0],
  [25, 86.4, 88.6],
  [15, 85.1, 83.4],
];
const WEIGHTED = [
  [4.5, 12.84, 61.18],
  [-0.75, 12.63, 58.66],
  [1.5, 12.72, 59.64],
  [1.5, 12.72, 59.64],
  [-1.5, 12.48, 56.7],
  [3.75, 12.9, 60.9],
  [0.75, 12.75, 57.68],
  [2.25, 12.54, 58.8],
  [3.75, 12.96, 62.02],
  [2.25, 12.77, 58.38],
];
const TOTAL = [78.52, 70.54, 73.86, 73.86, 67.68, 77.55, 71.18, 73.59, 78.73, 73.4];
/** Seat numbers, first to last. */
const ORDER = [9, 1, 6, 3, 4, 8, 10, 7, 2, 5];
const PRIZES = { 一等奖: [9], 二等奖: [1, 6, 3], 三等奖: [4, 8, 10, 7, 2, 5] };

/** A worksheet's rows as plain values (header first). */
const cells = (sheet: ExcelJS.Worksheet) =>
  sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1).map((c) => (c ?? '') as string | number) : []));

const riskOf = (v: ContestView | null) => viewOfKind(v?.question, 'risk');

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function ok(page: TestClient, event: 'host:command' | 'judge:score', payload: object): Promise<void> {
  const ack = await page.request(event as 'host:command', payload as never);
  if (!('data' in ack)) throw new Error(`${event} ${JSON.stringify(payload)} refused: ${ack.error}`);
}

describe('the whole final, from server/contests/final-example.json', () => {
  it('[R1-R8][RK1-RK5][AW1][AW5-AW7][J3][J6] ten phones, seven judges, the host and a screen play every round; the ranking, breakdown and prizes match the table worked out by hand', { timeout: 60_000 }, async () => {
    const h = await startServer({ file: finalExample() });
    harnesses.push(h);
    const definition = h.room.state.definition;
    expect(definition.seats.map((s) => s.id)).toEqual(SEATS);
    expect(definition.judges?.length).toBe(7);

    const host = await h.host();
    const screen = await h.screen();
    const phones = await Promise.all(SEATS.map((id) => h.contestant(id)));
    const phone = (n: number) => phones[n - 1];
    const access = await host.request('judges:access', {});
    if (!('data' in access)) throw new Error('no judges');
    const panel = await Promise.all(
      access.data.judges.map(async (j) => {
        const page = h.connect({ role: 'judge', key: new URL(j.link).searchParams.get('key') });
        await page.ready();
        return page;
      }),
    );
    const hostSays = (type: string, extra: object = {}) => ok(host, 'host:command', { type, ...extra });
    /** `N` until the host's view shows what is wanted (past a round's title card). */
    const nextUntil = async (test: (v: ContestView) => boolean) => {
      for (let n = 0; n < 3 && !test(host.view as ContestView); n++) {
        h.clock.advance(1000);
        await hostSays('question:next');
      }
      return host.until(test);
    };
    const rounds = flatRounds(definition);
    const roundIndex = (name: string) => rounds.findIndex((r) => r.round.name === name);
    /** What each seat earned in one round, from the server's score record. */
    const roundPoints = (name: string) =>
      SEATS.map((id) => h.room.state.ledger.filter((e) => e.seatId === id && e.round === roundIndex(name)).reduce((sum, e) => sum + e.delta, 0));

    // ---- 比知识 › 轮流必答 --------------------------------------------------------------------
    for (const [i, verdict] of IN_TURN.entries()) {
      await nextUntil((v) => turnOf(v)?.turnSeat === seatId(i + 1) && v.question?.phase === 'reading');
      await hostSays('turn:start');
      if (verdict === 'timeout') h.clock.advance(30_000);
      else {
        h.clock.advance(12_000);
        await hostSays('answer:rule', { verdict });
      }
      await screen.until((v) => turnOf(v)?.turnSeat === seatId(i + 1) && v.question?.phase === 'revealed');
    }
    expect(roundPoints('轮流必答')).toEqual(IN_TURN_POINTS);

    // ---- 比知识 › 风险题 ----------------------------------------------------------------------
    for (const [i, turn] of RISK.entries()) {
      const n = i + 1;
      await nextUntil((v) => riskOf(v)?.turnSeat === seatId(n) && v.question?.phase === 'choosing');
      // The seat picks on its phone, or the host for it (代选); a pass ends the turn at 0.
      if (turn.by === 'host') await hostSays('stake:choose', { stake: turn.stake });
      else expect(await phone(n).request('stake:choose', { stake: turn.stake })).toEqual({ data: null });
      if (turn.outcome !== 'passed') {
        expect(riskOf(await screen.until((v) => riskOf(v)?.turnSeat === seatId(n) && v.question?.phase === 'reading'))).toMatchObject({ stake: turn.stake, chosenBy: turn.by });
        await hostSays('turn:start');
        if (turn.outcome === 'timeout') h.clock.advance(30_000);
        else {
          h.clock.advance(15_000);
          await hostSays('answer:rule', { verdict: turn.outcome });
        }
      }
      const ended = riskOf(await screen.until((v) => riskOf(v)?.turnSeat === seatId(n) && v.question?.phase === 'revealed'));
      expect(ended).toMatchObject({ outcome: turn.outcome, stake: turn.stake });
    }
    expect(roundPoints('风险题')).toEqual(RISK_POINTS);

    // ---- 比知识 › 抢答题 ----------------------------------------------------------------------
    for (const [i, question] of BUZZ.entries()) {
      await nextUntil((v) => buzzOf(v)?.number === i + 1 && v.question?.phase === 'reading');
      if (question.falseStart) expect(await phone(question.falseStart).request('buzz:press', {})).toMatchObject({ data: { decision: 'false-start' } });
      h.clock.advance(3000);
      await hostSays('buzzers:open');
      if (question.end === 'dead') h.clock.advance(10_000);
      for (const [b, [n, verdict]] of question.buzzes.entries()) {
        if (b > 0) await hostSays('buzzers:reopen');
        h.clock.advance(800);
        expect(await phone(n).request('buzz:press', {})).toEqual({ data: { decision: 'pending' } });
        h.clock.advance(DEFAULT_GRACE_CAP_MS);
        await host.until((v) => buzzOf(v)?.winner === seatId(n) && v.question?.phase === 'answering');
        h.clock.advance(5000);
        await hostSays('answer:rule', { verdict });
      }
      if (question.end === 'ended') await hostSays('answer:reveal');
      const revealed = buzzOf(await screen.until((v) => buzzOf(v)?.number === i + 1 && v.question?.phase === 'revealed'));
      expect(revealed?.outcome).toBe(question.end);
      // The press log keeps the false start (a tie-break counts them) and every buzz won.
      const log = buzzOf(host.view)?.buzzes ?? [];
      expect(log.filter((b) => b.decision === 'false-start').map((b) => b.seatId)).toEqual(question.falseStart ? [seatId(question.falseStart)] : []);
      expect(log.filter((b) => b.decision === 'won').map((b) => b.seatId)).toEqual(question.buzzes.map(([n]) => seatId(n)));
    }
    expect(roundPoints('抢答题')).toEqual(BUZZ_POINTS);
    expect(buzzOf(host.view)?.number).toBe(BUZZ.length);

    // ---- 悟思想 and 述行动: each seat called, speaks, the panel scores, the host reveals ----------
    const judgedRound = async (name: string, scores: number[][], results: number[], withParts: boolean) => {
      const index = roundIndex(name);
      const round = rounds[index].round as JudgedRound;
      for (const id of round.judging.order) {
        const n = SEATS.indexOf(id) + 1;
        await nextUntil((v) => v.round?.index === index && judgedOf(v)?.seatId === id);
        await hostSays('speech:start');
        if (round.judging.prepareMs > 0) {
          await host.until((v) => judgedOf(v)?.phase === 'preparing');
          h.clock.advance(round.judging.prepareMs);
        }
        await host.until((v) => judgedOf(v)?.seatId === id && judgedOf(v)?.phase === 'speaking');
        h.clock.advance(name === '述行动' ? SPOKE_MS(n) : round.judging.speakMs - 20_000);
        await hostSays('speech:stop');
        await host.until((v) => judgedOf(v)?.phase === 'scoring');
        await Promise.all(
          scores[n - 1].map((value, j) => ok(panel[j], 'judge:score', { seatId: id, value, ...(withParts && { parts: actionParts(value) }) })),
        );
        await host.until((v) => judgedOf(v)?.scored.length === 7);
        await hostSays('judging:close');
        await hostSays('answer:reveal');
        const revealed = judgedOf(await screen.until((v) => judgedOf(v)?.seatId === id && judgedOf(v)?.phase === 'revealed'))?.revealed;
        expect({ seat: n, points: revealed?.result.points }).toEqual({ seat: n, points: results[n - 1] });
        if (name === '述行动' && n === 2) expect(revealed?.result).toMatchObject({ aggregate: 85.8, overtimeMs: 40_000, deduction: 2, points: 83.8 });
      }
    };
    await judgedRound('悟思想', REFLECTION, REFLECTION_RESULTS, false);
    await judgedRound('述行动', ACTION, ACTION_RESULTS, true);
    expect(h.room.state.ledger.filter((e) => e.seatId === seatId(2) && e.reason === 'judged').map((e) => e.delta)).toEqual([84.2, 83.8]);

    // ---- The end: the final ranking -----------------------------------------------------------
    await nextUntil((v) => v.stage === 'finished');
    const standings = (await screen.until((v) => v.stage === 'finished' && v.standings.length === SEAT_COUNT)).standings;
    const of = (n: number) => standings.find((s) => s.seatId === seatId(n));
    for (let n = 1; n <= SEAT_COUNT; n++) {
      expect({ seat: n, stages: of(n)?.stages, total: of(n)?.weighted }).toEqual({
        seat: n,
        stages: RAW[n - 1].map((raw, s) => ({ raw, normalised: NORMALISED[n - 1][s], weighted: WEIGHTED[n - 1][s] })),
        total: TOTAL[n - 1],
      });
    }
    const ranked = [...standings].sort((a, b) => a.rank - b.rank);
    expect(ranked.map((s) => s.seatId)).toEqual(ORDER.map(seatId));
    expect(ranked.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // R5-R7: the one tie, what each tie-break found, and that it was settled.
    expect(of(3)).toMatchObject({ decidedBy: { by: 'buzz-right' }, tied: false });
    expect(ranked.filter((s) => s.tied)).toEqual([]);
    expect(host.view?.ties).toEqual([
      {
        seats: [seatId(3), seatId(4)],
        steps: [
          { rule: { by: 'stage', stageId: 'stage-3' }, values: { [seatId(3)]: WEIGHTED[2][2], [seatId(4)]: WEIGHTED[3][2] } },
          { rule: { by: 'buzz-right' }, values: { [seatId(3)]: BUZZ_RIGHT[2], [seatId(4)]: BUZZ_RIGHT[3] } },
        ],
        settled: true,
      },
    ]);

    // ---- The award ceremony: the host steps it, lowest prize first; the screen sees no prize early.
    const tiers = Object.entries(PRIZES).map(([name, seats]) => ({ name, seats: seats.map(seatId) }));
    expect((await host.until((v) => v.awards !== null)).awards).toMatchObject({ step: -1, tiers, pending: [] });
    expect(screen.view?.awards?.tiers.flatMap((t) => t.seats)).toEqual([]);
    // Step 0: the title card; 1: 三等奖; 2: 二等奖; 3: 一等奖; 4: the podium.
    for (let step = 0; step <= tiers.length + 1; step++) {
      await hostSays('awards:step', { step });
      const shown = (await screen.until((v) => v.awards?.step === step)).awards;
      expect(shown?.tiers.map((t) => t.seats)).toEqual(tiers.map((t, i) => (step >= tiers.length - i && step > 0 ? t.seats : [])));
    }
    expect(await host.request('host:command', { type: 'awards:step', step: tiers.length + 2 })).toEqual({ error: 'bad-award-step' });

    // ---- The record for the organisers: the workbook the console's 导出记录 downloads ----------
    const response = await fetch(`${h.url}/api/contests/${h.contestId}/export.xlsx?key=${h.hostKey}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = (name: string) => cells(workbook.getWorksheet(name) as ExcelJS.Worksheet);
    const name = (n: number) => definition.seats[n - 1].name;
    // 成绩: in ranking order, each stage raw / normalised / weighted, the total, the raw sum
    // (Σ raw: s9 50 + 86.4 + 88.6 = 225, s1 60 + 85.6 + 87.4 = 233, ...) and the tie-break that placed s3 and s4.
    const RAW_SUM = [233, 158, 190, 190, 144.2, 223, 177.4, 197.6, 225, 198.5];
    const results = sheet('成绩');
    expect(results[0]).toEqual(['名次', '席位', ...['比知识', '悟思想', '述行动'].flatMap((st) => [`${st} 原始分`, `${st} 折算分`, `${st} 加权分`]), '加权总分', '原始总分', '并列', '同分决胜依据']);
    expect(results.slice(1, SEAT_COUNT + 1)).toEqual(
      ORDER.map((n, place) => [
        place + 1,
        name(n),
        ...RAW[n - 1].flatMap((raw, st) => [raw, NORMALISED[n - 1][st], WEIGHTED[n - 1][st]]),
        TOTAL[n - 1],
        RAW_SUM[n - 1],
        '',
        n === 3 || n === 4 ? '按抢答答对次数' : '',
      ]),
    );
    // 同分决胜: the one tie, step by step, as worked out above.
    expect(sheet('同分决胜').slice(1, 5)).toEqual([
      [1, 73.86, 1, '按“述行动”得分', name(3), 59.64, 4, ''],
      [1, 73.86, 1, '按“述行动”得分', name(4), 59.64, 5, ''],
      [1, 73.86, 2, '按抢答答对次数', name(3), 2, 4, ''],
      [1, 73.86, 2, '按抢答答对次数', name(4), 1, 5, ''],
    ]);
    // 获奖名单: each prize from the first, its seats in ranking order with place and total.
    const places = new Map(ORDER.map((n, i) => [n, i + 1]));
    expect(sheet('获奖名单').slice(1)).toEqual(Object.entries(PRIZES).flatMap(([prize, seats]) => seats.map((n) => [prize, name(n), places.get(n), TOTAL[n - 1], '否'])));
    // 各轮得分: every seat's points in every round, as the tables above say.
    const perRound = sheet('各轮得分');
    expect(perRound[0]).toEqual(['席位', '比知识 第1轮 轮流必答', '比知识 第2轮 风险题', '比知识 第3轮 抢答题', '悟思想 第1轮 悟思想', '述行动 第1轮 述行动']);
    for (let n = 1; n <= SEAT_COUNT; n++) {
      const i = n - 1;
      expect(perRound[n]).toEqual([definition.seats[i].name, IN_TURN_POINTS[i], RISK_POINTS[i], BUZZ_POINTS[i], REFLECTION_RESULTS[i], ACTION_RESULTS[i]]);
    }
    // 评委评分: 7 judges × 10 seats × 2 rounds, s2's speech with its 40 s over and 2 points off.
    const judged = sheet('评委评分');
    expect(judged.length).toBe(1 + 7 * SEAT_COUNT * 2);
    const overtime = judged.filter((row) => row[2] === definition.seats[1].name && row[0] === '述行动 第1轮 述行动');
    expect(overtime.map((row) => row.slice(11))).toEqual(Array.from({ length: 7 }, () => [85.8, 40, 2, 83.8]));
  });
});
