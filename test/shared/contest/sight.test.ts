// The sight table (V1, V2): views built from it are the ones recorded before it existed, and no
// role but the host receives staff data.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SIGHT, type Role, type Sight } from '../../../shared/contest/sight.js';
import { viewFor, type ContestView } from '../../../shared/contest/views.js';
import { roleViewCases } from '../../support/role-view-cases.js';
import { answersOf, askedOf, buzzOf, judgedOf } from '../../support/question-of.js';

const recorded = JSON.parse(readFileSync(new URL('../../fixtures/role-views.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const cases = roleViewCases();
const viewOf = (c: (typeof cases)[number]): ContestView => viewFor(c.role, c.state, c.facts, c.me, c.judgeId);
const OptionalKeys = <T>() => ({}) as { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

describe('[V1] one table says what each role sees', () => {
  it('[V1] every role has an entry and every field is required', () => {
    expectTypeOf(SIGHT).toEqualTypeOf<Readonly<Record<Role, Sight>>>();
    expectTypeOf(OptionalKeys<Sight>()).toEqualTypeOf<never>();
    expect(Object.keys(SIGHT).sort()).toEqual(['audience', 'contestant', 'host', 'judge', 'overlay', 'screen']);
  });

  it('[V1] the recorded views cover every case, and only those', () => {
    expect(Object.keys(recorded)).toEqual(cases.map((c) => c.name));
  });

  it.each(cases.map((c) => [c.name, c] as const))('[V1] %s is the view recorded before the table', (name, c) => {
    expect(JSON.parse(JSON.stringify(viewOf(c)))).toEqual(recorded[name]);
  });
});

describe('[V2] no role but the host sees staff data', () => {
  const others = cases.filter((c) => c.role !== 'host');

  it.each(others.map((c) => [c.name, c] as const))('[V2] %s', (_, c) => {
    const view = viewOf(c);
    const q = askedOf(view);
    if (q && q.phase !== 'revealed') expect([q.answer, q.answerKey, q.explanation, q.source]).toEqual([null, null, null, null]);
    expect(buzzOf(view)?.buzzes ?? []).toEqual([]);
    expect(answersOf(view)?.late ?? []).toEqual([]);
    expect(answersOf(view)?.seatDeadlines ?? {}).toEqual({});
    expect(view.seats.every((s) => !('phoneList' in s))).toBe(true);
    expect(view).toMatchObject({ canUndo: false, lastRuling: null, admitted: null, joinRequests: [], storage: null, answerGaps: {}, claimAlarm: null });
    const own = c.role === 'contestant' ? c.me : null;
    const pending = q?.kind === 'buzz-in' && c.state.question?.kind === 'buzz-in' && c.state.question.buzzes.some((b) => b.seatId === own && b.decision === 'pending');
    expect(buzzOf(view)?.deciding ?? false).toBe(pending);
    // J7: paper entries and reasons are the host's; the screen may count who has scored (ids, and
    // who does not count without why); a value before the reveal only on its own judge's page.
    const turn = judgedOf(view);
    expect(turn?.byHost ?? []).toEqual([]);
    expect(Object.values(turn?.excluded ?? {}).filter((reason) => reason !== '')).toEqual([]);
    if (c.role !== 'screen') expect([turn?.scored ?? [], turn?.excluded ?? {}]).toEqual([[], {}]);
    const ownScore = c.state.question?.kind === 'judged' && c.judgeId && c.role === 'judge' ? (c.state.question.scores[c.judgeId] ?? null) : null;
    expect(turn?.myScore ?? null).toEqual(ownScore);
    if (turn && turn.phase !== 'revealed') expect(turn.revealed).toBeNull();
  });

  it.each(others.filter((c) => c.role === 'contestant').map((c) => [c.name, c] as const))('[V2][A5] %s: its own seat only', (_, c) => {
    const view = viewOf(c);
    const foreign = (seatId: string) => seatId !== c.me;
    expect(Object.keys(answersOf(view)?.results ?? {}).filter(foreign)).toEqual([]);
    expect(view.ledger.map((e) => e.seatId).filter(foreign)).toEqual([]);
    expect(answersOf(view)?.answered ?? []).toEqual([]);
    expect(view.standings).toEqual([]);
    expect(view.seats.every((s) => s.joinCode === null && s.claimed === 0 && s.connected === 0)).toBe(true);
    expect(view.joinUrl).toBe('');
  });

  it('[V2] the cases reach the staff data: the host gets each piece somewhere', () => {
    const host = cases.filter((c) => c.role === 'host').map(viewOf);
    expect(host.some((v) => v.question?.phase !== 'revealed' && askedOf(v)?.answer)).toBe(true);
    expect(host.some((v) => buzzOf(v)?.buzzes.length)).toBe(true);
    expect(host.some((v) => buzzOf(v)?.deciding)).toBe(true);
    expect(host.some((v) => answersOf(v)?.late.length)).toBe(true);
    expect(host.some((v) => Object.keys(answersOf(v)?.seatDeadlines ?? {}).length)).toBe(true);
    expect(host.some((v) => v.lastRuling && v.canUndo)).toBe(true);
    expect(host.some((v) => v.admitted)).toBe(true);
    expect(host.every((v) => v.joinRequests.length && v.storage && v.claimAlarm && Object.keys(v.answerGaps).length)).toBe(true);
    expect(host.every((v) => v.seats.every((s) => s.phoneList))).toBe(true);
    expect(host.some((v) => { const t = judgedOf(v); return t?.scored.length && t.byHost.length && Object.keys(t.excluded).length; })).toBe(true);
    expect(cases.some((c) => c.role === 'judge' && judgedOf(viewOf(c))?.myScore)).toBe(true);
    const phones = cases.filter((c) => c.role === 'contestant' && c.me).map(viewOf);
    expect(phones.some((v) => Object.keys(answersOf(v)?.results ?? {}).length)).toBe(true);
    expect(phones.some((v) => buzzOf(v)?.deciding)).toBe(true);
  });
});
