// Per-role views: who may see the answer, join codes and which score changes.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Command } from '../../../shared/contest/commands.js';
import { apply, initialState } from '../../../shared/contest/engine.js';
import type { JudgedTurnView } from '../../../shared/contest/judging-types.js';
import { VIEW_LEDGER_LIMIT, viewFor, viewOfKind, type QuestionView, type RoomFacts, type Role } from '../../../shared/contest/views.js';
import { definition, openQuestion, play, T0 } from '../../support/builders.js';
import { askedOf, buzzOf } from '../../support/question-of.js';
import { roleViewCases } from '../../support/role-view-cases.js';

const facts: RoomFacts = {
  connected: new Map([['s1', 1]]),
  claimed: new Map([['s1', 1]]),
  joinUrl: 'http://hall/contestant/?c=x',
  joinCodes: { s1: '111111', s2: '222222', s3: '333333' },
  started: false,
};

describe('[B13] who can see the answer', () => {
  it.each<[Role, boolean]>([
    ['host', true],
    ['screen', false],
    ['contestant', false],
  ])('[B13] %s sees the answer before the reveal: %s', (role, sees) => {
    const v = viewFor(role, openQuestion(), facts, role === 'contestant' ? 's1' : null);
    expect(askedOf(v)?.answer !== null).toBe(sees);
    expect(askedOf(v)?.explanation !== null).toBe(sees);
    expect(JSON.stringify(v).includes('答案1')).toBe(sees);
  });

  it('[B13] everyone sees the answer once revealed', () => {
    const state = play(openQuestion(), [{ type: 'clock:tick', at: T0 + 60_000 }]);
    for (const role of ['host', 'screen', 'contestant'] as const) {
      expect(askedOf(viewFor(role, state, facts, 's2'))?.answer).toBe('答案1');
    }
  });

  it('[B14] only the host receives the press log', () => {
    const state = play(openQuestion(), [{ type: 'buzz:press', seatId: 's2', at: T0 + 5 }]);
    expect(buzzOf(viewFor('host', state, facts))?.buzzes).toHaveLength(1);
    expect(buzzOf(viewFor('screen', state, facts))?.buzzes).toEqual([]);
    expect(buzzOf(viewFor('contestant', state, facts, 's2'))?.buzzes).toEqual([]);
  });
});

describe('join codes and score changes', () => {
  it('join codes: all for the host, unclaimed for the screen, none for phones', () => {
    const state = initialState(definition());
    expect(viewFor('host', state, facts).seats.map((s) => s.joinCode)).toEqual(['111111', '222222', '333333']);
    expect(viewFor('screen', state, facts).seats.map((s) => s.joinCode)).toEqual([null, '222222', '333333']);
    expect(viewFor('contestant', state, facts, 's1').seats.map((s) => s.joinCode)).toEqual([null]);
  });

  it('views carry the latest score changes only; a phone sees only its own', () => {
    const adjustments: Command[] = Array.from({ length: VIEW_LEDGER_LIMIT + 10 }, (_, i) => ({
      type: 'score:adjust',
      seatId: i % 2 ? 's1' : 's2',
      delta: 1,
      reason: `r${i}`,
      at: T0 + i,
    }));
    const state = play(initialState(definition()), adjustments);
    const host = viewFor('host', state, facts);
    expect(host.ledger).toHaveLength(VIEW_LEDGER_LIMIT);
    expect(host.ledger.at(-1)?.note).toBe(`r${VIEW_LEDGER_LIMIT + 9}`);
    const phone = viewFor('contestant', state, facts, 's1');
    expect(phone.ledger.length).toBeGreaterThan(0);
    expect(phone.ledger.every((e) => e.seatId === 's1')).toBe(true);
    // Totals still count every change, not just the ones shown.
    expect(host.seats.find((s) => s.id === 's1')?.score).toBe(20);
  });
});

describe('a phone\'s view stays small however many seats there are', () => {
  it('names only its own seat and the buzz\'s winner, with no ranking and no connection counts', () => {
    const state = play(openQuestion(definition({ seats: 200 })), [{ type: 'buzz:press', seatId: 's7', at: T0 + 5 }]);
    expect(state.question?.kind === 'buzz-in' && state.question.winner).toBe('s7');
    const phone = viewFor('contestant', state, facts, 's1');
    expect(phone.seats.map((s) => s.id)).toEqual(['s1', 's7']);
    expect(phone.seats[0]).toMatchObject({ claimed: 0, connected: 0 });
    expect(phone.standings).toEqual([]);
    expect(viewFor('contestant', state, facts, null).seats.map((s) => s.id)).toEqual(['s7']);
    const host = viewFor('host', state, facts);
    expect(host.seats).toHaveLength(200);
    expect(host.seats[0]).toMatchObject({ claimed: 1, connected: 1 });
    expect(host.standings).toHaveLength(200);
  });
});

describe('locked seats and the end of the contest', () => {
  it('[S2] the screen shows no join code while seats are locked; the host still sees them all', () => {
    const state = play(initialState(definition()), [{ type: 'seats:lock', locked: true, at: T0 }]);
    expect(viewFor('screen', state, facts).seats.map((s) => s.joinCode)).toEqual([null, null, null]);
    expect(viewFor('host', state, facts).seats.map((s) => s.joinCode)).toEqual(['111111', '222222', '333333']);
    expect(viewFor('contestant', state, facts, null).seatsLocked).toBe(true);
  });

  it('[S3] admitting needs locked seats; the admission is the host\'s to see, and locking again ends it', () => {
    const open = initialState(definition());
    expect(apply(open, { type: 'seat:admit', seatId: 's2', at: T0 })).toEqual({ ok: false, error: 'seats-not-locked' });
    const admitted = play(open, [
      { type: 'seats:lock', locked: true, at: T0 },
      { type: 'seat:admit', seatId: 's2', at: T0 + 1 },
    ]);
    expect(viewFor('host', admitted, facts).admitted).toBe('s2');
    expect(viewFor('screen', admitted, facts).admitted).toBeNull();
    expect(play(admitted, [{ type: 'seats:lock', locked: true, at: T0 + 2 }]).admitted).toBeNull();
  });

  it('[R1] once finished, a phone gets its own rank and weighted total, never the whole ranking', () => {
    const state = play(initialState(definition()), [
      { type: 'score:adjust', seatId: 's2', delta: 30, reason: 'x', at: T0 },
      { type: 'score:adjust', seatId: 's1', delta: 10, reason: 'x', at: T0 + 1 },
    ]);
    expect(viewFor('contestant', state, facts, 's1').myRank).toBeNull();
    const finished = { ...state, stage: 'finished' as const, roundIndex: 0, question: null };
    const phone = viewFor('contestant', finished, facts, 's1');
    expect(phone.myRank).toEqual({ rank: 2, seats: 3, weighted: 10, tied: false });
    expect(phone.standings).toEqual([]);
    expect(viewFor('host', finished, facts).myRank).toBeNull();
  });
});

describe('[V3] each kind shows its own', () => {
  // The fields only one kind has: a view of any other kind must not carry them.
  const QUESTION: Record<string, string[]> = {
    'buzz-in': ['buzzDeadline', 'winner', 'deciding', 'tied', 'decidedBy', 'wonAt', 'leadMs', 'leadErrorMs', 'buzzes'],
    'in-turn': ['turnSeat'],
    'all-at-once': ['answered', 'myAnswer', 'results', 'distribution', 'late', 'seatDeadlines'],
  };
  const ROUND: Record<string, string[]> = {
    'buzz-in': ['buzzWindowMs', 'falseStart'],
    'in-turn': ['order'],
    'all-at-once': ['partialCredit', 'partialPoints'],
  };
  const cases = roleViewCases();

  it.each(cases.map((c) => [c.name, c] as const))('[V3] %s', (_, c) => {
    const view = viewFor(c.role, c.state, c.facts, c.me);
    for (const [part, fields] of [[view.question, QUESTION], [view.round, ROUND]] as const) {
      if (!part) continue;
      for (const [kind, own] of Object.entries(fields)) {
        const keys = own.filter((key) => key in part);
        expect({ kind: part.kind, of: kind, keys }).toEqual({ kind: part.kind, of: kind, keys: kind === part.kind ? own : [] });
      }
    }
  });

  it('[V3] a judged seat\'s turn is one more member of the union, narrowed like the others', () => {
    expectTypeOf<JudgedTurnView>().toExtend<QuestionView>();
    expectTypeOf(viewOfKind(null as QuestionView | null, 'judged')).toEqualTypeOf<JudgedTurnView | null>();
  });

  it('[V3] the cases show a question and a round of every kind', () => {
    const kinds = (pick: (c: (typeof cases)[number]) => { kind: string } | null) => new Set(cases.map(pick).map((p) => p?.kind));
    expect(kinds((c) => viewFor(c.role, c.state, c.facts, c.me, c.judgeId).question)).toEqual(new Set([undefined, 'buzz-in', 'in-turn', 'all-at-once', 'judged']));
    expect(kinds((c) => viewFor(c.role, c.state, c.facts, c.me, c.judgeId).round)).toEqual(new Set([undefined, 'buzz-in', 'in-turn', 'all-at-once', 'judged']));
  });
});

describe('parts every page shares are built once per definition', () => {
  // The stage builds a view per page on every update and compares it with the page's last
  // (view-changes.ts): a part that is the same object is skipped without a walk.
  const pressed = play(openQuestion(), [{ type: 'buzz:press', seatId: 's2', at: T0 + 5 }]);
  const views = [viewFor('host', pressed, facts), viewFor('screen', pressed, facts), viewFor('contestant', pressed, facts, 's1'), viewFor('contestant', pressed, facts, 's2')];

  it('every page of the contest gets the same stages, round names, round, next round, panel and branding', () => {
    const [first, ...rest] = views;
    for (const view of rest) {
      for (const part of ['stages', 'roundNames', 'round', 'nextRound', 'judges', 'branding'] as const) expect(view[part]).toBe(first[part]);
    }
    expect(first.round).toMatchObject({ index: 0, name: views[0].roundNames[0], questionCount: 3 });
    expect(first.stages).toEqual([{ id: 'stage-1', name: '比知识', weight: 1, normalise: 'none' }]);
  });

  it('the parts stand from one update to the next while the definition does, and follow the logo', () => {
    const later = play(pressed, [{ type: 'answer:rule', verdict: 'right', at: T0 + 2000 }]);
    const host = viewFor('host', later, facts);
    expect(host.round).toBe(views[0].round);
    expect(host.stages).toBe(views[0].stages);
    // The ruling changed the ledger: a new list, with the change in it.
    expect(host.ledger).not.toBe(views[0].ledger);
    expect(host.ledger.at(-1)).toMatchObject({ seatId: 's2', delta: 10 });
    // The next question changes no score: the ledger's list is the one the last view carried.
    const next = viewFor('host', play(later, [{ type: 'question:next', at: T0 + 3000 }]), facts);
    expect(next.question).not.toEqual(host.question);
    expect(next.ledger).toBe(host.ledger);
    const withLogo = viewFor('screen', pressed, { ...facts, logoUrl: '/logo/x?v=2' });
    expect(withLogo.branding.logoUrl).toBe('/logo/x?v=2');
    expect(views[1].branding.logoUrl).toBeNull();
  });

  it('another definition (a new contest, or a question swapped in) gets parts of its own', () => {
    const other = definition({ questions: 5 });
    const renamed = { ...other, stages: other.stages.map((s) => ({ ...s, name: '悟思想' })) };
    const view = viewFor('screen', openQuestion(renamed), facts);
    expect(view.stages[0].name).toBe('悟思想');
    expect(view.round).toMatchObject({ stageName: '悟思想', questionCount: 5 });
    expect(views[1].stages[0].name).toBe('比知识');
  });
});
