// What the stream overlay draws from a view: the lower third's order and leader, when the
// question is public, who answers, and the like total's words.
import { describe, expect, it } from 'vitest';
import type { ContestView, SeatView } from '../../shared/contest/views.js';
import type { QuestionView } from '../../shared/contest/question-views.js';
import { answering, formatLikes, overlayRows, publicQuestion, questionLive, scoreboardRows, shownRows } from '../../web/overlay/overlay-display.js';

const seat = (id: string, score: number, out = false): SeatView => ({ id, name: `${id}队`, score, out }) as SeatView;
const standing = (seatId: string, weighted: number, rank: number) => ({ seatId, total: weighted, stages: [{ raw: weighted, normalised: weighted, weighted }], weighted, rank, decidedBy: null, tied: false });
const plain = [{ id: 'k', name: '比知识', weight: 1, normalise: 'none' as const }];

function view(parts: Partial<ContestView>): ContestView {
  return { stage: 'round', seats: [], standings: [], stages: plain, decimals: 2, question: null, ...parts } as ContestView;
}

const buzz = (parts: Partial<Extract<QuestionView, { kind: 'buzz-in' }>>): QuestionView =>
  ({ kind: 'buzz-in', number: 3, total: 16, stem: '题干', phase: 'open', winner: null, buzzDeadline: 1000, answerDeadline: null, ...parts }) as QuestionView;

describe('the overlay lower third', () => {
  it('lists seats in rank order and marks the leader', () => {
    const rows = overlayRows(view({ seats: [seat('a', 10), seat('b', 30), seat('c', 20)], standings: [standing('a', 10, 3), standing('b', 30, 1), standing('c', 20, 2)] }));
    expect(rows.map((r) => [r.seatId, r.rank, r.total, r.leader])).toEqual([
      ['b', 1, '30', true],
      ['c', 2, '20', false],
      ['a', 3, '10', false],
    ]);
  });

  it('marks nobody while every seat shares first place, and both seats of a shared lead', () => {
    const level = overlayRows(view({ seats: [seat('a', 0), seat('b', 0)], standings: [standing('a', 0, 1), standing('b', 0, 1)] }));
    expect(level.some((r) => r.leader)).toBe(false);
    const shared = overlayRows(view({ seats: [seat('a', 5), seat('b', 5), seat('c', 0)], standings: [standing('a', 5, 1), standing('b', 5, 1), standing('c', 0, 3)] }));
    expect(shared.map((r) => r.leader)).toEqual([true, true, false]);
  });

  it('shows the weighted total with the contest decimals when the ranking has a breakdown (R3)', () => {
    const rows = overlayRows(view({ stages: [{ id: 'k', name: '比知识', weight: 0.15, normalise: 'max' }], seats: [seat('a', 35)], standings: [standing('a', 10.5, 1)] }));
    expect(rows[0].total).toBe('10.50');
  });

  it('fills three columns: sixteen seats in six rows', () => {
    expect(scoreboardRows(16)).toBe(6);
    expect(scoreboardRows(10)).toBe(4);
    expect(scoreboardRows(0)).toBe(1);
  });
});

describe('the overlay question and winner', () => {
  const seats = [seat('s7', 0)];
  it('shows the question once its text is public, never a judged turn or a risk stake being chosen', () => {
    expect(publicQuestion(view({ question: buzz({}) }))?.number).toBe(3);
    expect(publicQuestion(view({ question: buzz({ stem: '' }) }))).toBeNull();
    expect(publicQuestion(view({ stage: 'lobby', question: buzz({}) }))).toBeNull();
    expect(publicQuestion(view({ question: { kind: 'judged' } as QuestionView }))).toBeNull();
  });

  it('names the buzz winner only while it answers, and the seat whose turn it is', () => {
    expect(answering(view({ seats, question: buzz({ phase: 'answering', winner: 's7' }) }))).toEqual({ name: 's7队', how: 'buzz' });
    expect(answering(view({ seats, question: buzz({ phase: 'revealed', winner: 's7' }) }))).toBeNull();
    expect(answering(view({ seats, question: { kind: 'in-turn', stem: '题干', phase: 'answering', turnSeat: 's7' } as QuestionView }))).toEqual({ name: 's7队', how: 'turn' });
  });

  it('words a like total as a stream does', () => {
    expect(formatLikes(980, 'zh')).toBe('980');
    expect(formatLikes(12_000, 'zh')).toBe('1.2万');
    expect(formatLikes(30_000, 'zh')).toBe('3万');
    expect(formatLikes(12_000, 'en')).toBe('12,000');
  });
});

describe('the overlay while a question is live', () => {
  it('keeps the lower third to one row of leaders until the answer is revealed', () => {
    expect(questionLive(view({ question: buzz({ phase: 'answering' }) }))).toBe(true);
    expect(questionLive(view({ question: buzz({ phase: 'revealed' }) }))).toBe(false);
    expect(questionLive(view({ question: null }))).toBe(false);
    const rows = overlayRows(view({ seats: ['a', 'b', 'c', 'd'].map((id) => seat(id, 0)), standings: ['a', 'b', 'c', 'd'].map((id, i) => standing(id, 4 - i, i + 1)) }));
    expect(shownRows(rows, true).map((r) => r.seatId)).toEqual(['a', 'b', 'c']);
    expect(shownRows(rows, false)).toHaveLength(4);
  });

  it('lists at most seven rows of a large field between questions', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `s${i + 1}`);
    const rows = overlayRows(view({ seats: ids.map((id) => seat(id, 0)), standings: ids.map((id, i) => standing(id, 200 - i, i + 1)) }));
    expect(shownRows(rows, false).map((r) => r.rank)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });
});
