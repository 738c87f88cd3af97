// Required answer all at once (同步作答): rules A1-A6 of RULES.md.
import { CommandError } from '../commands.js';
import { MAX_ANSWERS_PER_QUESTION, phoneShare } from '../defaults.js';
import { addEntry } from '../ledger.js';
import { answerKey, choiceCount, type Question } from '../question.js';
import { accept, isSeat, refuse, seatPhones, withQuestion, type Result } from '../result.js';
import type { RoundCommand, RoundKindRules } from '../round-kind.js';
import type { AllAtOnceQuestion, AllAtOnceRound, ContestState, SeatResult } from '../types.js';
import { allAtOnceView } from './all-at-once-view.js';
import { seatDeadline } from './seat-deadline.js';

export function startAnswerQuestion(index: number): AllAtOnceQuestion {
  return { kind: 'all-at-once', index, phase: 'reading', answerDeadline: null, seatDeadlines: {}, answers: {}, late: [], results: null };
}

export const answersInPlay = (q: AllAtOnceQuestion): boolean => q.phase === 'answering';

/** A4, K8: answers lock when the last deadline passes, a seat's own later one included. */
export function answersDeadline(q: AllAtOnceQuestion): number | null {
  if (q.phase !== 'answering' || q.answerDeadline === null) return null;
  return Math.max(q.answerDeadline, ...Object.values(q.seatDeadlines));
}

/** A4: at the deadline the answers lock and are graded. */
export function settleAnswers(state: ContestState, round: AllAtOnceRound, q: AllAtOnceQuestion, at: number): Result | null {
  const deadline = answersDeadline(q);
  if (deadline === null || at < deadline) return null;
  return accept(lockAndGrade(state, round, q, deadline), [{ type: 'answers-locked' }]);
}

export function handleAnswers(state: ContestState, round: AllAtOnceRound, q: AllAtOnceQuestion, command: RoundCommand): Result {
  switch (command.type) {
    case 'answers:open':
      // A1
      if (q.phase !== 'reading') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'answering', answerDeadline: command.at + round.answerTimeMs }));
    case 'answer:reveal':
      // A4: the host may lock early, once everyone has answered.
      if (q.phase !== 'answering') return refuse(CommandError.WrongPhase);
      return accept(lockAndGrade(state, round, q, command.at), [{ type: 'answers-locked' }]);
    case 'answer:submit':
      return submit(state, round, q, command.seatId, command.choice, command.at, command.phone);
    default:
      return refuse(CommandError.WrongRoundKind);
  }
}

/** A2, A3: an answer in time replaces the seat's earlier one; a late one is kept, not counted. */
function submit(state: ContestState, round: AllAtOnceRound, q: AllAtOnceQuestion, seatId: string, choice: number[], at: number, phone?: string): Result {
  if (!isSeat(state, seatId)) return refuse(CommandError.UnknownSeat);
  if (q.phase === 'reading') return refuse(CommandError.AnswersClosed);
  // A7: a flood of answers is refused, not logged.
  const given = (q.answers[seatId]?.count ?? 0) + q.late.filter((l) => l.seatId === seatId).length;
  if (given >= MAX_ANSWERS_PER_QUESTION) return refuse(CommandError.TooManyAnswers);
  // A8: and so is one phone giving more than its share of its seat's answers.
  const byPhone = q.answers[seatId]?.byPhone ?? {};
  if (phone !== undefined) {
    const mine = (byPhone[phone] ?? 0) + q.late.filter((l) => l.seatId === seatId && l.phone === phone).length;
    if (mine >= phoneShare(MAX_ANSWERS_PER_QUESTION, seatPhones(state, seatId))) return refuse(CommandError.TooManyAnswers);
  }
  // A3, K8: past the seat's own deadline (while another seat's runs on) is late as well.
  const deadline = seatDeadline(q, seatId);
  if (q.phase === 'revealed' || (deadline !== null && at >= deadline)) {
    const late = withQuestion(state, { ...q, late: [...q.late, { seatId, at, ...(phone !== undefined && { phone }) }] });
    return { ok: true, state: late, events: [], answer: 'late', audience: [seatId] };
  }
  const normalised = normaliseChoice(round.questions[q.index], choice);
  if (!normalised) return refuse(CommandError.BadChoice);
  const next = withQuestion(state, { ...q, answers: { ...q.answers, [seatId]: { choice: normalised, at, count: given + 1, ...(phone !== undefined && { byPhone: { ...byPhone, [phone]: (byPhone[phone] ?? 0) + 1 } }) } } });
  return { ok: true, state: next, events: [], answer: 'recorded', audience: [seatId] };
}

/** A2: sorted distinct option indices the question has; one for single and true/false. */
export function normaliseChoice(question: Question | undefined, choice: number[]): number[] | null {
  if (!question || question.type === 'open') return null;
  const count = choiceCount(question);
  const distinct = [...new Set(choice)].sort((a, b) => a - b);
  if (distinct.length === 0 || distinct.some((i) => !Number.isInteger(i) || i < 0 || i >= count)) return null;
  if (question.type !== 'multiple' && distinct.length !== 1) return null;
  return distinct;
}

/** A4: grade every seat; no answer counts like a wrong one. */
export function gradeChoice(round: AllAtOnceRound, question: Question, choice: number[] | null): SeatResult {
  const key = answerKey(question);
  const right = question.points ?? round.rightPoints;
  if (!choice) return { choice: null, grade: 'none', points: 0 - round.wrongPoints };
  const exact = choice.length === key.length && choice.every((c) => key.includes(c));
  if (exact) return { choice, grade: 'right', points: right };
  const partial = question.type === 'multiple' && round.partialCredit && choice.every((c) => key.includes(c));
  if (partial) return { choice, grade: 'partial', points: round.partialPoints };
  return { choice, grade: 'wrong', points: 0 - round.wrongPoints };
}

function lockAndGrade(state: ContestState, round: AllAtOnceRound, q: AllAtOnceQuestion, at: number): ContestState {
  const question = round.questions[q.index];
  const results: Record<string, SeatResult> = {};
  let next = state;
  for (const seat of state.definition.seats) {
    const result = gradeChoice(round, question, q.answers[seat.id]?.choice ?? null);
    results[seat.id] = result;
    if (result.points !== 0) {
      const reason = result.grade === 'right' ? 'right' : result.grade === 'partial' ? 'partial' : 'wrong';
      next = addEntry(next, { at, seatId: seat.id, delta: result.points, reason }).state;
    }
  }
  return withQuestion(next, { ...q, phase: 'revealed', answerDeadline: null, results });
}

const later = (t: number | null, after: number, ms: number) => (t !== null && t > after ? t + ms : t);

function shiftSeatDeadlines(q: AllAtOnceQuestion, after: number, ms: number): Record<string, number> {
  return Object.fromEntries(Object.entries(q.seatDeadlines).map(([seatId, t]) => [seatId, t > after ? t + ms : t]));
}

/** K5: everyone still answering gets the time; a seat whose own deadline has passed does not. */
function extendAnswers(q: AllAtOnceQuestion, now: number, ms: number): AllAtOnceQuestion | null {
  if (q.phase !== 'answering') return null;
  const running = (t: number | null): t is number => t !== null && t > now;
  if (!running(q.answerDeadline) && !Object.values(q.seatDeadlines).some(running)) return null;
  return { ...q, answerDeadline: running(q.answerDeadline) ? q.answerDeadline + ms : q.answerDeadline, seatDeadlines: shiftSeatDeadlines(q, now, ms) };
}

/** 同步作答 as the engine sees it. */
export const allAtOnce: RoundKindRules<'all-at-once'> = {
  length: (round) => round.questions.length,
  // Every seat can answer every question right.
  mostPoints: (round) => round.questions.reduce((sum, q) => sum + (q.points ?? round.rightPoints), 0),
  start: (_round, index) => startAnswerQuestion(index),
  // A1: every seat answers on its phone, so only choice questions.
  canAsk: (_round, question) => question.type !== 'open',
  deadline: answersDeadline,
  inPlay: answersInPlay,
  settle: settleAnswers,
  handle: handleAnswers,
  mayUndo: () => true,
  // Graded answers are reversed by the ledger alone: the question stays revealed.
  restore: (q) => q,
  shift: (q, after, ms) => ({ ...q, answerDeadline: later(q.answerDeadline, after, ms), seatDeadlines: shiftSeatDeadlines(q, after, ms) }),
  extend: extendAnswers,
  allowed: (_state, _round, q) => (q.phase === 'reading' ? ['answers:open'] : q.phase === 'answering' ? ['answer:reveal'] : []),
  view: allAtOnceView,
  roundView: (round) => ({
    kind: 'all-at-once',
    rightPoints: round.rightPoints,
    wrongPoints: round.wrongPoints,
    answerTimeMs: round.answerTimeMs,
    partialCredit: round.partialCredit,
    partialPoints: round.partialPoints,
  }),
};
