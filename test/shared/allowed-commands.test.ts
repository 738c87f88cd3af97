// The host console asks the view which commands are allowed now (V4): over many states
// reached by random legal play of each round kind, `allowed` names a host command exactly when
// the engine accepts it (B15: a refused one would only show a refusal).
import { describe, expect, it } from 'vitest';
import { allowedCommands, type HostAction } from '../../shared/contest/allowed.js';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../../shared/contest/engine.js';
import type { ContestDefinition, ContestState } from '../../shared/contest/types.js';
import { flatRounds } from '../../shared/contest/rounds.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import type { TieRule } from '../../shared/contest/arbiter.js';
import { awardStep } from '../../shared/contest/awards.js';
import { allAtOnceRound, buzzRound, choice, definition, inTurnRound, riskRound, T0, trueFalse } from '../support/builders.js';

/** A question no round has drawn nor swapped in yet, for the swap (a choice question fits every kind of round). */
const fresh = (state: ContestState) => choice(1000 + state.swaps.length, 'A');

/** RK4: the console offers a pass only in a risk round that allows one. */
function passAllowed(state: ContestState): boolean {
  const round = flatRounds(state.definition)[state.roundIndex]?.round;
  return round?.kind === 'risk' && round.risk.allowPass;
}

/** Every host command with the console's arguments, so `allowed` and `apply` are asked the same. */
function candidates(state: ContestState, at: number): Record<HostAction, Command> {
  const q = state.question;
  const tiedSeat = q?.kind === 'buzz-in' ? (q.tied[0] ?? 's1') : 's1';
  return {
    'question:next': { type: 'question:next', at },
    'question:swap': { type: 'question:swap', question: fresh(state), at },
    'buzzers:open': { type: 'buzzers:open', at },
    'buzzers:reopen': { type: 'buzzers:reopen', at },
    'buzz:award': { type: 'buzz:award', seatId: tiedSeat, at },
    'turn:start': { type: 'turn:start', at },
    'turn:skip': { type: 'turn:skip', at },
    'turn:repeat': { type: 'turn:repeat', at },
    'answers:open': { type: 'answers:open', at },
    // RK2, RK4: the host picks a stake for the seat, or (where the round allows it) passes for it
    'stake:choose': { type: 'stake:choose', stake: at % 3 === 0 && passAllowed(state) ? null : 20, at },
    'answer:rule': { type: 'answer:rule', verdict: 'right', at },
    'answer:reveal': { type: 'answer:reveal', at },
    'ruling:undo': { type: 'ruling:undo', at },
    'standings:show': { type: 'standings:show', show: !state.standingsShown, at },
    'score:adjust': { type: 'score:adjust', seatId: 's2', delta: 5, reason: '加分', at },
    'show:pause': { type: 'show:pause', at },
    'show:resume': { type: 'show:resume', at },
    'countdown:extend': { type: 'countdown:extend', ms: 10_000, at },
    'answers:extend-seat': { type: 'answers:extend-seat', seatId: 's1', ms: 10_000, at },
    'seats:lock': { type: 'seats:lock', locked: !state.seatsLocked, at },
    'seat:admit': { type: 'seat:admit', seatId: 's1', at },
    'speech:start': { type: 'speech:start', at },
    'speech:stop': { type: 'speech:stop', at },
    'judging:close': { type: 'judging:close', at },
    'judge:exclude': { type: 'judge:exclude', judgeId: 'j1', reason: '缺席', at },
    'judge:include': { type: 'judge:include', judgeId: 'j1', at },
    'judge:enter': { type: 'judge:enter', judgeId: 'j1', seatId: q?.kind === 'judged' ? q.seatId : 's1', value: 80, at },
    // The console decides the first seat of a boundary tie, and steps forward when it may, else back.
    'awards:decide': { type: 'awards:decide', ...tieChoice(state), at },
    'awards:step': { type: 'awards:step', step: stepOf(state, at), at },
  };
}

/** The first seat of a boundary tie still undecided (else the first of any), and its highest tier. */
function tieChoice(state: ContestState): { seatId: string; tier: number } {
  const awards = viewFor('host', state, facts).awards;
  const tie = awards?.ties.find((t) => t.seats.some((id) => !(id in awards.decided))) ?? awards?.ties[0];
  return { seatId: tie?.seats.find((id) => !(id in (awards?.decided ?? {}))) ?? tie?.seats[0] ?? 's1', tier: tie?.tiers[0] ?? 0 };
}

/** The ceremony's next step, or its previous one when it may not move forward. */
function stepOf(state: ContestState, at: number): number {
  const step = awardStep(state);
  return apply(state, { type: 'awards:step', step: step + 1, at }).ok ? step + 1 : step - 1;
}

/** A small seeded generator, so a failing walk can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random step: one of the host's commands the engine takes now, a press or an answer from
 * a seat (taken or not), or time passing (sometimes past a deadline). */
function randomCommand(state: ContestState, at: number, rnd: () => number, stamp: number): Command {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const seatIds = state.definition.seats.map((s) => s.id);
  const seatId = pick(seatIds);
  const armed = Object.fromEntries(seatIds.filter((id) => id !== seatId).map((id) => [id, null]));
  // While the buzzers are open, seats press (and presses close together tie, P5).
  const buzzing = state.question?.kind === 'buzz-in' && state.question.phase === 'open';
  const roll = buzzing ? 0.5 + rnd() * 0.2 : rnd();
  if (roll < 0.5) {
    const legal = Object.values(candidates(state, at)).filter((c) => apply(state, c).ok);
    return legal.length > 0 ? pick(legal) : { type: 'clock:tick', at };
  }
  // P5: a press claiming the instant the last one claimed makes a true tie.
  if (roll < 0.7) return { type: 'buzz:press', seatId, claimedAt: pick([null, stamp, at - 5]), armed, at };
  if (roll < 0.8) return { type: 'answer:submit', seatId, choice: pick([[0], [1], [0, 2], [3]]), at };
  if (roll < 0.85) return { type: 'stake:choose', seatId, stake: pick([10, 30, 25, null]), at };
  return { type: 'clock:tick', at };
}

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };

/** Random legal play of `def`, with time passing as the room lets it: every state reached is
 * checked against the engine. */
function walk(def: ContestDefinition, seed: number, steps: number, check: (state: ContestState, at: number) => void): number {
  const rnd = random(seed);
  let state = initialState(def);
  let now = T0;
  let stamp: number | null = null;
  let checked = 0;
  for (let i = 0; i < steps; i++) {
    check(state, now);
    checked++;
    // Gaps of a few seconds, some past any countdown, some inside the buzz's decision (P4).
    const gap = state.question?.kind === 'buzz-in' && state.question.phase === 'open' ? 0.2 : rnd();
    const at = now + (gap < 0.1 ? 40_000 : gap < 0.4 ? Math.floor(rnd() * 20) : Math.floor(rnd() * 3_000));
    // D1: as the room does, each deadline takes effect at its own instant, before anything later.
    for (let due = nextDeadline(state); due !== null && due <= at; due = nextDeadline(state)) {
      const ticked = apply(state, { type: 'clock:tick', at: due });
      if (!ticked.ok) break;
      state = ticked.state;
      now = due;
      check(state, now);
      checked++;
    }
    const command = randomCommand(state, at, rnd, stamp ?? at);
    const result = apply(state, command);
    if (result.ok) {
      state = result.state;
      now = at;
      if (command.type === 'buzz:press' && command.claimedAt != null) stamp = command.claimedAt;
    }
  }
  return checked;
}

function contest(rounds: ContestDefinition['stages'][number]['rounds'], seatCount = 3): ContestDefinition {
  return definition({ seats: seatCount, rounds });
}

const press = (tieRule: TieRule) => ({ fairness: { mode: 'press-time' as const, maxCreditMs: 30, graceCapMs: 300, tieRule } });

const SHOW: HostAction[] = ['question:next', 'question:swap', 'ruling:undo', 'standings:show', 'show:pause', 'show:resume', 'countdown:extend', 'seat:admit'];
const BUZZ: HostAction[] = [...SHOW, 'buzzers:open', 'buzzers:reopen', 'answer:rule', 'answer:reveal'];

/** Each contest, and the commands its walks must reach, so a walk stuck in the lobby fails. */
const CONTESTS: [string, ContestDefinition, HostAction[]][] = [
  ['buzz-in, ties by arrival', contest([buzzRound(4, press('arrival'))]), BUZZ],
  ['buzz-in, ties decided by the host', contest([buzzRound(4, press('host'))]), [...BUZZ, 'buzz:award']],
  ['buzz-in, ties re-buzzed', contest([buzzRound(4, press('rebuzz'))]), BUZZ],
  ['buzz-in, judged on arrival, false starts lose the question', contest([buzzRound(4, { fairness: { mode: 'arrival', maxCreditMs: 30, graceCapMs: 300, tieRule: 'arrival' }, falseStart: { kind: 'lose-question' } })], 2), BUZZ],
  ['in-turn', contest([inTurnRound(['s1', 's2', 's3'], 2)]), [...SHOW, 'turn:start', 'turn:skip', 'turn:repeat', 'answer:rule', 'answer:reveal']],
  ['all-at-once', contest([allAtOnceRound([choice(1, 'B'), choice(2, 'AC'), trueFalse(3, false)])]), [...SHOW.filter((t) => t !== 'ruling:undo'), 'answers:open', 'answer:reveal', 'answers:extend-seat']],
  ['prizes with boundary ties the host decides', { ...contest([inTurnRound(['s1', 's2', 's3'], 1)]), awards: { by: 'count', boundaryTie: 'host', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 1 }] } }, ['question:next', 'awards:step', 'awards:decide']],
  ['risk', contest([riskRound(['s1', 's2', 's3'], 2)]), [...SHOW, 'stake:choose', 'turn:start', 'turn:skip', 'answer:rule', 'answer:reveal']],
  ['risk, no pass', contest([riskRound(['s2', 's1'], 2, { allowPass: false, stakes: [5, 20] })], 2), [...SHOW, 'stake:choose', 'turn:start', 'answer:rule']],
  ['every kind in one contest', contest([inTurnRound(['s2', 's1'], 1), riskRound(['s1', 's3'], 1), allAtOnceRound([choice(1, 'B')]), buzzRound(2, press('host'))]), [...SHOW, 'turn:start', 'stake:choose', 'answers:open', 'buzzers:open']],
];

/** Commands the engine accepts from the host in `state` at `at`. */
function accepted(state: ContestState, at: number): HostAction[] {
  const all = candidates(state, at);
  return (Object.keys(all) as HostAction[]).filter((type) => apply(state, all[type]).ok);
}

describe('[V4] the host view names the commands the engine would accept now', () => {
  it.each(CONTESTS)('[V4] over random legal play: %s', (_, def, reached) => {
    let states = 0;
    const seen = new Set<HostAction>();
    for (let seed = 1; seed <= 40; seed++) {
      states += walk(def, seed * 7919, 120, (state, at) => {
        const allowed = viewFor('host', state, facts).allowed ?? [];
        const engine = accepted(state, at);
        for (const type of engine) seen.add(type);
        expect({ seed, at, allowed: [...allowed].sort() }).toEqual({ seed, at, allowed: [...engine].sort() });
      });
    }
    expect(states).toBeGreaterThan(1000);
    // The walks reach the kind's own commands, not only the lobby's.
    expect([...reached].filter((type) => !seen.has(type))).toEqual([]);
  });

  it('[V4] the host view carries allowedCommands, and no other role carries the list', () => {
    const def = CONTESTS[0][1];
    walk(def, 3, 60, (state) => {
      expect(viewFor('host', state, facts).allowed).toEqual(allowedCommands(state));
      expect('allowed' in viewFor('screen', state, facts)).toBe(false);
      expect('allowed' in viewFor('contestant', state, facts, 's1')).toBe(false);
    });
  });
});
