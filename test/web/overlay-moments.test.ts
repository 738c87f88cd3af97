// The overlay's judged turn and award ceremony, decided from the view: when a turn shows, its
// status in the hall's words (a count, never a value, before the reveal), when the ceremony takes
// the lower third's place, and which prize and winners it names at each step.
import { describe, expect, it } from 'vitest';
import type { ContestView, SeatView } from '../../shared/contest/views.js';
import type { JudgedTurnView } from '../../shared/contest/judging-types.js';
import type { QuestionView } from '../../shared/contest/question-views.js';
import { awardMoment, ceremonyOf, judgedStatus, judgedTurn, prizeColumns } from '../../web/overlay/moments.js';
import { questionLive } from '../../web/overlay/overlay-display.js';

const judges = ['j1', 'j2', 'j3'].map((id) => ({ id, name: `${id}评委` }));
const turn = (parts: Partial<JudgedTurnView>): JudgedTurnView => ({ kind: 'judged', number: 1, total: 2, seatId: 's1', phase: 'speaking', scored: [], excluded: {}, revealed: null, ...parts }) as JudgedTurnView;
const seat = (id: string): SeatView => ({ id, name: `${id}队` }) as SeatView;
const standing = (seatId: string, weighted: number) => ({ seatId, weighted });
const awards = (step: number, tiers: { name: string; seats: string[] }[]) => ({ step, tiers, pending: [], ties: [], decided: {} });

function view(parts: Partial<ContestView>): ContestView {
  return { stage: 'round', seats: [seat('s1'), seat('s2'), seat('s3')], standings: [standing('s1', 90.5), standing('s2', 80), standing('s3', 70.25)], decimals: 2, question: null, awards: null, ...parts } as ContestView;
}

describe('[J7] a judged turn on the overlay', () => {
  it('shows while the round is on, and keeps the lower third to one row through the reveal', () => {
    expect(judgedTurn(view({ question: turn({}) }))?.seatId).toBe('s1');
    expect(judgedTurn(view({ stage: 'finished', question: turn({}) }))).toBeNull();
    expect(judgedTurn(view({ question: { kind: 'buzz-in' } as QuestionView }))).toBeNull();
    expect(questionLive(view({ question: turn({ phase: 'called' }) }))).toBe(true);
    expect(questionLive(view({ question: turn({ phase: 'revealed' }) }))).toBe(true);
  });

  it('words the phase, the panel as a count while it scores, and the result once revealed', () => {
    expect(judgedStatus(turn({ phase: 'speaking' }), judges)).toEqual({ key: 'judging.phase.speaking' });
    expect(judgedStatus(turn({ phase: 'scoring', scored: ['j1'] }), judges)).toEqual({ key: 'judging.scoringCount', params: { n: 1, total: 3 } });
    // A judge who does not count (回避) is not waited for.
    expect(judgedStatus(turn({ phase: 'scoring', scored: ['j1', 'j2'], excluded: { j3: '' } }), judges)).toEqual({ key: 'judging.allScored' });
    expect(judgedStatus(turn({ phase: 'closed', scored: ['j1', 'j2', 'j3'] }), judges)).toEqual({ key: 'judging.allScored' });
    expect(judgedStatus(turn({ phase: 'revealed' }), judges)).toEqual({ key: 'judging.final' });
  });
});

describe('[AW5] [AW7] the award ceremony on the overlay', () => {
  const tiers = (revealed: number) => [
    { name: '一等奖', seats: revealed >= 3 ? ['s1'] : [] },
    { name: '二等奖', seats: revealed >= 2 ? ['s2'] : [] },
    { name: '三等奖', seats: revealed >= 1 ? ['s3'] : [] },
  ];

  it('takes the lower third only once the host has begun it', () => {
    expect(ceremonyOf(view({ stage: 'finished', awards: null }))).toBeNull();
    expect(ceremonyOf(view({ stage: 'finished', awards: awards(-1, tiers(0)) }))).toBeNull();
    expect(ceremonyOf(view({ stage: 'finished', awards: awards(0, tiers(0)) }))?.step).toBe(0);
  });

  it('names the title, then the prize just revealed with its winners and totals, then every prize', () => {
    const v = view({ stage: 'finished' });
    expect(awardMoment(v, awards(0, tiers(0)))).toEqual({ kind: 'title' });
    expect(awardMoment(v, awards(1, tiers(1)))).toEqual({ kind: 'tier', tier: { name: '三等奖', winners: [{ seatId: 's3', name: 's3队', total: '70.25' }] } });
    expect(awardMoment(v, awards(3, tiers(3)))).toEqual({ kind: 'tier', tier: { name: '一等奖', winners: [{ seatId: 's1', name: 's1队', total: '90.50' }] } });
    const podium = awardMoment(v, awards(4, tiers(3)));
    expect(podium.kind === 'podium' && podium.tiers.map((t) => [t.name, t.winners.map((w) => w.seatId)])).toEqual([
      ['一等奖', ['s1']],
      ['二等奖', ['s2']],
      ['三等奖', ['s3']],
    ]);
  });

  it('lays winners out in one column for one, two up to eight, three beyond', () => {
    expect([1, 2, 8, 9, 22].map(prizeColumns)).toEqual([1, 2, 2, 3, 3]);
  });
});
