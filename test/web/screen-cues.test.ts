// What the big screen plays and flashes: chimes per moment, the countdown's last-seconds tick,
// and the false-start and score-correction notices (B2, B11).
import { describe, expect, it } from 'vitest';
import type { ContestView, QuestionView } from '../../shared/contest/views.js';
import { chimesFor, noticeFor, noticeStays, placeOf, tickDue } from '../../web/screen/screen-cues.js';

const q = (phase: QuestionView['phase'], number = 1) => ({ phase, number }) as QuestionView;
const view = (falseStart: { kind: 'lockout'; ms: number } | { kind: 'lose-question' } | { kind: 'deduct'; points: number } | null) =>
  ({ seats: [{ id: 's1', name: '第一代表队' }], round: falseStart ? { kind: 'buzz-in', falseStart } : null }) as never;

describe('screen cues', () => {
  it('chimes the buzz, the rulings, a false start and locked answers', () => {
    expect(chimesFor([{ type: 'buzz-won', seatId: 's1' }], q('open'), q('answering'))).toEqual(['buzz']);
    expect(chimesFor([{ type: 'ruled', seatId: 's1', verdict: 'wrong' }], q('answering'), q('wrong'))).toEqual(['wrong']);
    expect(chimesFor([{ type: 'false-start', seatId: 's1' }], q('reading'), q('reading'))).toEqual(['false-start']);
    expect(chimesFor([{ type: 'answers-locked' }], q('answering'), q('revealed'))).toEqual(['locked', 'reveal']);
  });

  it('chimes the reveal once as the answer comes up, unless a right answer already sang', () => {
    expect(chimesFor([{ type: 'question-dead' }], q('open'), q('revealed'))).toEqual(['reveal']);
    expect(chimesFor([{ type: 'ruled', seatId: 's1', verdict: 'right' }], q('answering'), q('revealed'))).toEqual(['right']);
    expect(chimesFor([], q('revealed'), q('revealed'))).toEqual([]);
    expect(chimesFor([], q('revealed', 1), q('revealed', 2))).toEqual(['reveal']);
    expect(chimesFor([], null, q('reading'))).toEqual([]);
  });

  it('ticks once a second in a countdown\'s last five seconds, never at zero', () => {
    expect([10, 6, 5, 4, 1, 0].map((s) => tickDue(s + 1, s))).toEqual([false, false, true, true, true, false]);
    expect(tickDue(5, 5)).toBe(false);
    expect(tickDue(3, null)).toBe(false);
  });

  it('[B2] names a false start and its penalty under the round\'s rule', () => {
    const press = [{ type: 'false-start', seatId: 's1' } as const];
    expect(noticeFor(press, view({ kind: 'lockout', ms: 250 }))).toMatchObject({ kind: 'false-start', name: '第一代表队', detail: { key: 'screen.penalty.lockout', params: { s: 0.25 } } });
    expect(noticeFor(press, view({ kind: 'lose-question' }))?.detail).toEqual({ key: 'screen.penalty.lose-question' });
    expect(noticeFor(press, view({ kind: 'deduct', points: 5 }))?.detail).toEqual({ key: 'screen.penalty.deduct', params: { n: 5 } });
  });

  it('[B11] names a hand correction with its change and reason; nothing else is a notice', () => {
    expect(noticeFor([{ type: 'score-adjusted', seatId: 's1', delta: -5, reason: '复核' }], view(null))).toMatchObject({
      kind: 'score-adjusted',
      detail: { key: 'screen.adjusted', params: { delta: '\u22125', reason: '复核' } },
    });
    expect(noticeFor([{ type: 'buzz-won', seatId: 's1' }], view(null))).toBeNull();
  });

  it('a notice stays on its own question, and goes when the show moves on or a buzz is won', () => {
    const at = (stage: 'round' | 'finished', number: number | null, standingsShown = false) =>
      ({ stage, round: stage === 'round' ? { index: 2 } : null, question: number === null ? null : { number }, standingsShown }) as unknown as ContestView;
    const raised = placeOf(at('round', 3));
    expect(noticeStays(raised, [], at('round', 3))).toBe(true);
    expect(noticeStays(raised, [{ type: 'buzz-won', seatId: 's1' }], at('round', 3))).toBe(false);
    expect(noticeStays(raised, [], at('round', 4))).toBe(false);
    expect(noticeStays(raised, [], at('round', null))).toBe(false);
    expect(noticeStays(raised, [], at('finished', null))).toBe(false);
    expect(noticeStays(raised, [], at('round', 3, true))).toBe(false);
  });
});
