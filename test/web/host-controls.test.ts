// The host console's controls: in every kind of round each button is enabled exactly when the
// engine would accept its command (RULES.md F, T, A, B), and the keys map to that kind's commands
// except while the host is typing.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { ContestDefinition, ContestState, RoundKind } from '../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { nextStep } from '../../web/lib/contest-display.js';
import { controlCommand, controlForKey, controlsFor, enabledControls, isRebuzzTie, isTypingTarget, kindOf, pauseCommand, tieAwards, type Control, type KeyLike } from '../../web/host/controls.js';
import type { TieRule } from '../../shared/contest/arbiter.js';
import { allAtOnceRound, choice, definition, inTurnRound, judgedRound, judges, play, T0 } from '../support/builders.js';
import { buzzOf } from '../support/question-of.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false };
const at = (ms: number) => T0 + ms;
const next = (ms: number): Command => ({ type: 'question:next', at: at(ms) });
/** A question no round has used, for the swap (a choice question fits every kind of round). */
const FRESH = choice(99, 'A');

function commandOf(control: Control, state: ContestState, ms: number): Command {
  const command = controlCommand(control, viewFor('host', state, facts));
  return command ? ({ ...command, at: at(ms) } as Command) : { type: 'question:swap', question: FRESH, at: at(ms) };
}

function buzzInStates(): [string, ContestState][] {
  const lobby = initialState(definition({ questions: 2 }));
  const title = play(lobby, [next(0)]);
  const reading = play(title, [next(1)]);
  const open = play(reading, [{ type: 'buzzers:open', at: at(2) }]);
  const answering = play(open, [{ type: 'buzz:press', seatId: 's1', at: at(3) }]);
  const wrong = play(answering, [{ type: 'answer:rule', verdict: 'wrong', at: at(4) }]);
  const right = play(answering, [{ type: 'answer:rule', verdict: 'right', at: at(4) }]);
  const undone = play(right, [{ type: 'ruling:undo', at: at(5) }]);
  const ended = play(reading, [{ type: 'answer:reveal', at: at(3) }]);
  const finished = play(right, [next(6), { type: 'answer:reveal', at: at(7) }, next(8)]);
  const lastSeatWrong = play(initialState(definition({ seats: 1 })), [
    next(0),
    next(1),
    { type: 'buzzers:open', at: at(2) },
    { type: 'buzz:press', seatId: 's1', at: at(3) },
    { type: 'answer:rule', verdict: 'wrong', at: at(4) },
  ]);
  return [
    ['lobby', lobby],
    ['title card', title],
    ['reading', reading],
    ['open', open],
    ['answering', answering],
    ['wrong, seats left', wrong],
    ['wrong, no seat left', lastSeatWrong],
    ['revealed after a right answer', right],
    ['answering again after an undo', undone],
    ['revealed by the host', ended],
    ['finished', finished],
  ];
}

/** P5: two seats press with the same stamp: a true tie under `tieRule`, waiting for the host. */
function tiedState(tieRule: TieRule): ContestState {
  const def = definition({ seats: 3, questions: 2, rules: { fairness: { mode: 'press-time', maxCreditMs: 30, graceCapMs: 300, tieRule } } });
  const stamp = at(10);
  return play(initialState(def), [
    next(0),
    next(1),
    { type: 'buzzers:open', at: at(2) },
    { type: 'buzz:press', seatId: 's1', claimedAt: stamp, at: at(12), armed: { s2: null } },
    { type: 'buzz:press', seatId: 's2', claimedAt: stamp, at: at(14), armed: { s1: null } },
  ]);
}

function tieStates(): [string, ContestState][] {
  const host = tiedState('host');
  const rebuzz = tiedState('rebuzz');
  return [
    ['tied, the host decides', host],
    ['tied, a re-buzz waits', rebuzz],
    ['re-buzz open for the tied seats', play(rebuzz, [{ type: 'buzzers:open', at: at(20) }])],
    ['awarded by the host', play(host, [{ type: 'buzz:award', seatId: 's2', at: at(20) }])],
    ['tie ended by the host', play(host, [{ type: 'answer:reveal', at: at(20) }])],
  ];
}

function inTurnStates(): [string, ContestState][] {
  const def: ContestDefinition = definition({ seats: 2, rounds: [inTurnRound(['s1', 's2'])] });
  const title = play(initialState(def), [next(0)]);
  const reading = play(title, [next(1)]);
  const answering = play(reading, [{ type: 'turn:start', at: at(2) }]);
  const right = play(answering, [{ type: 'answer:rule', verdict: 'right', at: at(3) }]);
  const undone = play(right, [{ type: 'ruling:undo', at: at(4) }]);
  const skipped = play(reading, [{ type: 'turn:skip', at: at(3) }]);
  const timedOut = play(answering, [{ type: 'clock:tick', at: at(2 + 30_000) }]);
  const finished = play(right, [next(5), { type: 'turn:skip', at: at(6) }, next(7)]);
  return [
    ['title card', title],
    ['reading', reading],
    ['answering', answering],
    ['ruled right', right],
    ['answering again after an undo', undone],
    ['skipped', skipped],
    ['timed out', timedOut],
    ['finished', finished],
  ];
}

function allAtOnceStates(): [string, ContestState][] {
  const def = definition({ seats: 2, rounds: [allAtOnceRound([choice(1, 'B'), choice(2, 'AC')])] });
  const title = play(initialState(def), [next(0)]);
  const reading = play(title, [next(1)]);
  const answering = play(reading, [{ type: 'answers:open', at: at(2) }]);
  const answered = play(answering, [{ type: 'answer:submit', seatId: 's1', choice: [1], at: at(3) }]);
  const closed = play(answered, [{ type: 'answer:reveal', at: at(4) }]);
  const timedOut = play(answered, [{ type: 'clock:tick', at: at(2 + 20_000) }]);
  return [
    ['title card', title],
    ['reading', reading],
    ['answering', answering],
    ['answered by one seat', answered],
    ['closed early', closed],
    ['closed at the deadline', timedOut],
  ];
}

/** J1-J8: a judged round of two seats and five judges, from the call to the reveal and back. */
function judgedStates(): [string, ContestState][] {
  const def: ContestDefinition = { ...definition({ seats: 2, rounds: [judgedRound(['s1', 's2'], { overtime: { perMs: 30_000, points: 1 } })] }), judges: judges(5) };
  const title = play(initialState(def), [next(0)]);
  const called = play(title, [next(1)]);
  const speaking = play(called, [{ type: 'speech:start', at: at(2) }]);
  // Speaking never ends by itself (J6): 20 s past the time the host stops it.
  const scoring = play(speaking, [{ type: 'speech:stop', at: at(2 + 320_000) }]);
  const score = (judgeId: string, value: number, ms: number): Command => ({ type: 'judge:score', judgeId, seatId: 's1', value, at: at(ms) });
  const some = play(scoring, [score('j1', 80, 400_000), score('j2', 85, 400_001)]);
  const all = play(some, [score('j3', 90, 400_002), score('j4', 70, 400_003), score('j5', 88, 400_004)]);
  const excluded = play(some, [{ type: 'judge:exclude', judgeId: 'j3', reason: '回避', at: at(400_005) }, score('j4', 70, 400_006), score('j5', 88, 400_007)]);
  const closed = play(all, [{ type: 'judging:close', at: at(400_010) }]);
  const revealed = play(closed, [{ type: 'answer:reveal', at: at(400_011) }]);
  const undone = play(revealed, [{ type: 'ruling:undo', at: at(400_012) }]);
  const prepared: ContestDefinition = { ...definition({ seats: 1, rounds: [judgedRound(['s1'], { prepareMs: 60_000 })] }), judges: judges(3) };
  const preparing = play(initialState(prepared), [next(0), next(1), { type: 'speech:start', at: at(2) }]);
  return [
    ['title card', title],
    ['called', called],
    ['preparing', preparing],
    ['speaking', speaking],
    ['scoring, two of five', some],
    ['scoring, all five', all],
    ['scoring, one excluded, the rest in', excluded],
    ['closed', closed],
    ['revealed', revealed],
    ['scoring again after the reveal was undone', undone],
  ];
}

/** Two rounds: the second round's title card, with the first round's ruling still undoable. */
function secondRoundTitle(): ContestState {
  const def = definition({ seats: 1, rounds: [inTurnRound(['s1']), allAtOnceRound([choice(1, 'B')])] });
  return play(initialState(def), [next(0), next(1), { type: 'answer:rule', verdict: 'right', at: at(2) }, next(3)]);
}

/** K2: the same moment with the show paused. */
const paused = (states: [string, ContestState][], prefix: string): [string, ContestState][] =>
  states.filter(([, s]) => s.stage === 'round').map(([n, s]): [string, ContestState] => [`${prefix}: ${n}, paused`, play(s, [{ type: 'show:pause', at: at(9) }])]);

const ALL: [string, ContestState][] = [
  ...buzzInStates().map(([n, s]): [string, ContestState] => [`buzz-in: ${n}`, s]),
  ...tieStates().map(([n, s]): [string, ContestState] => [`buzz-in: ${n}`, s]),
  ...paused(tieStates(), 'buzz-in'),
  ...inTurnStates().map(([n, s]): [string, ContestState] => [`in-turn: ${n}`, s]),
  ...allAtOnceStates().map(([n, s]): [string, ContestState] => [`all-at-once: ${n}`, s]),
  ...judgedStates().map(([n, s]): [string, ContestState] => [`judged: ${n}`, s]),
  ['second round title card', secondRoundTitle()],
  ['buzz-in: leaderboard up on a revealed question', play(buzzInStates()[7][1], [{ type: 'standings:show', show: true, at: at(9) }])],
  ...paused(buzzInStates(), 'buzz-in'),
  ...paused(inTurnStates(), 'in-turn'),
  ...paused(allAtOnceStates(), 'all-at-once'),
  ...paused(judgedStates(), 'judged'),
];

const key = (code: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  target: { tagName: 'BODY' },
  ...extra,
});

describe('enabledControls', () => {
  it.each(ALL)('[V4] enables exactly the commands the engine accepts: %s', (_, state) => {
    const view = viewFor('host', state, facts);
    const enabled = enabledControls(view);
    for (const control of controlsFor(kindOf(view))) {
      const accepted = apply(state, commandOf(control, state, 10)).ok;
      // T7: a repeat from reading is accepted but changes nothing, so its button stays grey.
      const expected = control.id === 'repeat' && view.question?.phase === 'reading' ? false : accepted;
      expect({ control: control.id, enabled: enabled[control.id] }).toEqual({ control: control.id, enabled: expected });
    }
  });

  it('greys out everything while offline or before the first view', () => {
    const [, reading] = buzzInStates()[2];
    expect(Object.values(enabledControls(viewFor('host', reading, facts), false))).not.toContain(true);
    expect(Object.values(enabledControls(null))).not.toContain(true);
  });

  it('[F4] offers a swap only while the question is being read', () => {
    for (const [name, state] of ALL) {
      const view = viewFor('host', state, facts);
      expect({ name, swap: enabledControls(view).swap }).toEqual({ name, swap: view.question?.phase === 'reading' });
    }
  });
});

describe('[P5] a true tie on the console', () => {
  it('the states under test really are ties, and the re-buzz is for the tied seats only', () => {
    const [host, rebuzz, open] = tieStates().map(([, s]) => buzzOf(viewFor('host', s, facts)));
    expect([host?.phase, host?.decidedBy, host?.tied]).toEqual(['tied', 'tie-host', ['s1', 's2']]);
    expect([rebuzz?.phase, rebuzz?.decidedBy]).toEqual(['tied', 'tie-rebuzz']);
    expect([open?.phase, open?.tied]).toEqual(['open', ['s1', 's2']]);
    expect([isRebuzzTie(host), isRebuzzTie(rebuzz), isRebuzzTie(open)]).toEqual([false, true, false]);
  });

  it('under the host rule: one award per tied seat, each accepted by the engine, giving that seat the buzz', () => {
    const state = tiedState('host');
    const awards = tieAwards(viewFor('host', state, facts));
    expect(awards.map((a) => a.seatId)).toEqual(['s1', 's2']);
    for (const { seatId, command } of awards) {
      const result = apply(state, { ...command, at: at(20) } as Command);
      expect(result.ok && result.state.question?.kind === 'buzz-in' && result.state.question.winner).toBe(seatId);
    }
    // A seat outside the tie is refused by the engine, and offered no button.
    expect(apply(state, { type: 'buzz:award', seatId: 's3', at: at(20) })).toEqual({ ok: false, error: 'not-tied' });
  });

  it('[K2] offers no award under any other rule, at any other moment, while paused, offline or in a closed contest', () => {
    for (const [name, state] of [...ALL, ...tieStates().slice(1)]) {
      const view = viewFor('host', state, facts);
      if (view.question?.phase === 'tied' && buzzOf(view)?.decidedBy === 'tie-host' && view.pausedAt === null) continue;
      expect({ name, awards: tieAwards(view) }).toEqual({ name, awards: [] });
      // ...and the engine agrees: an award would be refused.
      expect(apply(state, { type: 'buzz:award', seatId: 's1', at: at(30) }).ok).toBe(false);
    }
    const tied = viewFor('host', tiedState('host'), facts);
    expect(tieAwards(tied, false)).toEqual([]);
    expect(tieAwards({ ...tied, closed: true })).toEqual([]);
  });
});

describe('controls per round kind', () => {
  it('Space starts the question the way its round starts one', () => {
    const space = (kind: RoundKind | null) => controlForKey(key('Space'), kind)?.action;
    expect(space('buzz-in')).toEqual({ type: 'command', command: { type: 'buzzers:open' } });
    expect(space('in-turn')).toEqual({ type: 'command', command: { type: 'turn:start' } });
    expect(space('all-at-once')).toEqual({ type: 'command', command: { type: 'answers:open' } });
    expect(space(null)).toBeUndefined();
  });

  it('[T6][T7] in turn: S and E skip, T repeats after asking, J and K rule, W swaps', () => {
    const id = (code: string) => controlForKey(key(code), 'in-turn')?.id;
    expect([id('KeyS'), id('KeyE'), id('KeyT'), id('KeyJ'), id('KeyK'), id('KeyW'), id('KeyR')]).toEqual(['skip', 'skip', 'repeat', 'right', 'wrong', 'swap', undefined]);
    expect(controlForKey(key('KeyT'), 'in-turn')?.confirm).toBe(true);
  });

  it('[A4] all at once: E closes answers early; there is nothing to rule by hand', () => {
    expect(controlForKey(key('KeyE'), 'all-at-once')?.action).toEqual({ type: 'command', command: { type: 'answer:reveal' } });
    expect(controlForKey(key('KeyJ'), 'all-at-once')).toBeNull();
    expect(controlForKey(key('KeyW'), 'all-at-once')?.action).toEqual({ type: 'swap' });
  });

  it('buzz-in keeps its keys, and gains W for a swap', () => {
    const id = (code: string) => controlForKey(key(code), 'buzz-in')?.id;
    expect(['KeyN', 'Space', 'KeyJ', 'KeyK', 'KeyR', 'KeyE', 'KeyU', 'KeyW'].map(id)).toEqual(['next', 'start', 'right', 'wrong', 'reopen', 'reveal', 'undo', 'swap']);
  });

  it('[L1] L puts the leaderboard up, and takes it down once it is up, in every kind of round', () => {
    for (const kind of ['buzz-in', 'in-turn', 'all-at-once', null] as const) {
      const control = controlForKey(key('KeyL'), kind) as Control;
      expect(control.id).toBe('standings');
      expect(controlCommand(control, { standingsShown: false, pausedAt: null, question: null })).toEqual({ type: 'standings:show', show: true });
      expect(controlCommand(control, { standingsShown: true, pausedAt: null, question: null })).toEqual({ type: 'standings:show', show: false });
    }
  });

  it('[K1][K5] in every round P pauses or resumes and + adds time', () => {
    for (const kind of ['buzz-in', 'in-turn', 'all-at-once'] as const) {
      expect(controlForKey(key('KeyP'), kind)?.action).toEqual({ type: 'pause' });
      expect(controlForKey(key('Equal'), kind)?.action).toEqual({ type: 'command', command: { type: 'countdown:extend', ms: 10_000 } });
      expect(controlForKey(key('NumpadAdd'), kind)?.id).toBe('extend');
    }
    expect(pauseCommand({ pausedAt: null })).toEqual({ type: 'show:pause' });
    expect(pauseCommand({ pausedAt: at(5) })).toEqual({ type: 'show:resume' });
  });

  it('no two controls of a kind share a key', () => {
    for (const kind of ['buzz-in', 'in-turn', 'all-at-once', null] as const) {
      const codes = controlsFor(kind).flatMap((c) => c.codes);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('[F1] says what N does next: show the round, first question, next question, next round, finish', () => {
    const def = definition({ seats: 1, questions: 2, rounds: [inTurnRound(['s1']), allAtOnceRound([choice(1, 'B')])] });
    const steps: (string | null)[] = [];
    let state = initialState(def);
    const script: Command[] = [next(0), next(1), { type: 'turn:skip', at: at(2) }, next(3), next(4), { type: 'answers:open', at: at(5) }, { type: 'answer:reveal', at: at(6) }, next(7)];
    for (const command of [...script, null]) {
      if (command === null || command.type === 'question:next') steps.push(nextStep(viewFor('host', state, facts)));
      if (command) state = play(state, [command]);
    }
    expect(steps).toEqual(['show-round', 'first-question', 'next-round', 'first-question', 'finish', null]);
  });
});

describe('controlForKey', () => {
  it('never fires while typing in a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(controlForKey(key('KeyN', { target: { tagName } }), 'buzz-in')).toBeNull();
    }
    expect(controlForKey(key('KeyN', { target: { tagName: 'DIV', isContentEditable: true } }), 'buzz-in')).toBeNull();
    expect(controlForKey(key('KeyJ', { isComposing: true }), 'buzz-in')).toBeNull();
  });

  it('leaves browser shortcuts and held-down keys alone', () => {
    expect(controlForKey(key('KeyR', { ctrlKey: true }), 'buzz-in')).toBeNull();
    expect(controlForKey(key('KeyR', { metaKey: true }), 'buzz-in')).toBeNull();
    expect(controlForKey(key('KeyN', { altKey: true }), 'buzz-in')).toBeNull();
    expect(controlForKey(key('Space', { repeat: true }), 'buzz-in')).toBeNull();
  });

  it('recognises typing targets only', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
  });
});
