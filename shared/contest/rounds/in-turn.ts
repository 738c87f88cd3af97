// Required answer in turn (轮流必答): rules T1-T7 of RULES.md.
import { CommandError } from '../commands.js';
import { addEntry, markUndone, rememberRuling } from '../ledger.js';
import { accept, refuse, withQuestion, type Result } from '../result.js';
import type { RoundCommand, RoundKindRules } from '../round-kind.js';
import type { ContestState, InTurnQuestion, InTurnRound, TurnOutcome } from '../types.js';
import { inTurnView } from './in-turn-view.js';

/** T1: turn k belongs to the k-th seat of the order, going round `perSeat` times. */
export function startTurn(round: InTurnRound, index: number): InTurnQuestion {
  return { kind: 'in-turn', index, seatId: round.order[index % round.order.length], phase: 'reading', answerDeadline: null, outcome: null };
}

/** F2, T6: a turn in play until it is ruled or skipped, so moving on can never drop a seat's turn unrecorded. */
export const turnInPlay = (q: InTurnQuestion): boolean => q.phase !== 'revealed';
export const turnDeadline = (q: InTurnQuestion): number | null => (q.phase === 'answering' ? q.answerDeadline : null);

/** T4: the countdown ran out. */
export function settleTurn(state: ContestState, round: InTurnRound, q: InTurnQuestion, at: number): Result | null {
  if (q.phase !== 'answering' || q.answerDeadline === null || at < q.answerDeadline) return null;
  return accept(ruleTurn(state, round, q, q.answerDeadline, 'timeout'), [{ type: 'ruled', seatId: q.seatId, verdict: 'timeout' }]);
}

export function handleTurn(state: ContestState, round: InTurnRound, q: InTurnQuestion, command: RoundCommand): Result {
  switch (command.type) {
    case 'turn:start':
      // T2
      if (q.phase !== 'reading') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'answering', answerDeadline: command.at + round.answerTimeMs }));
    case 'answer:rule':
      // T3: the host may rule as soon as the seat answers, countdown or not.
      if (q.phase === 'revealed') return refuse(CommandError.WrongPhase);
      return accept(ruleTurn(state, round, q, command.at, command.verdict), [{ type: 'ruled', seatId: q.seatId, verdict: command.verdict }]);
    case 'turn:skip':
    case 'answer:reveal':
      // T6: the turn ends unscored; the log keeps the skip.
      if (q.phase === 'revealed') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'revealed', outcome: 'skipped', answerDeadline: null }), [
        { type: 'turn-skipped', seatId: q.seatId },
      ]);
    case 'turn:repeat':
      return repeatTurn(state, q, command.at);
    default:
      return refuse(CommandError.WrongRoundKind);
  }
}

/** T5: after an undo the seat is answering again, with no countdown. */
export function restoreTurnRuling(q: InTurnQuestion): InTurnQuestion {
  return { ...q, phase: 'answering', answerDeadline: null, outcome: null };
}

function ruleTurn(state: ContestState, round: InTurnRound, q: InTurnQuestion, at: number, outcome: Exclude<TurnOutcome, 'skipped'>): ContestState {
  const right = outcome === 'right';
  const delta = right ? (round.questions[q.index]?.points ?? round.rightPoints) : 0 - round.wrongPoints;
  const { state: scored, seq } = addEntry(state, { at, seatId: q.seatId, delta, reason: outcome });
  const ruled = withQuestion(scored, { ...q, phase: 'revealed', outcome, answerDeadline: null });
  return rememberRuling(ruled, seq);
}

/** T7: the same seat takes this turn again; points already given for it are reversed. */
function repeatTurn(state: ContestState, q: InTurnQuestion, at: number): Result {
  let next = state;
  const memo = state.rulings.at(-1);
  if (q.outcome && q.outcome !== 'skipped' && memo && memo.round === state.roundIndex && memo.questionIndex === q.index) {
    const ruling = state.ledger[memo.entrySeq - 1];
    next = addEntry(next, { at, seatId: ruling.seatId, delta: 0 - ruling.delta, reason: 'undo', reverses: ruling.seq }).state;
    next = { ...markUndone(next, ruling.seq), rulings: state.rulings.slice(0, -1) };
  }
  return accept(withQuestion(next, { ...q, phase: 'reading', outcome: null, answerDeadline: null }));
}

/** The seat whose turns carry the most points can earn them all (T1 deals turns round the order). */
function mostTurnPoints(round: InTurnRound): number {
  const bySeat = new Map<string, number>();
  round.questions.forEach((question, index) => {
    const seatId = round.order[index % round.order.length];
    bySeat.set(seatId, (bySeat.get(seatId) ?? 0) + (question.points ?? round.rightPoints));
  });
  return Math.max(0, ...bySeat.values());
}

/** 轮流必答 as the engine sees it. */
export const inTurn: RoundKindRules<'in-turn'> = {
  length: (round) => round.questions.length,
  mostPoints: mostTurnPoints,
  start: startTurn,
  canAsk: () => true,
  deadline: turnDeadline,
  inPlay: turnInPlay,
  settle: settleTurn,
  handle: handleTurn,
  mayUndo: () => true,
  restore: restoreTurnRuling,
  shift: (q, after, ms) => ({ ...q, answerDeadline: q.answerDeadline !== null && q.answerDeadline > after ? q.answerDeadline + ms : q.answerDeadline }),
  extend: (q, now, ms) => (q.phase === 'answering' && q.answerDeadline !== null && q.answerDeadline > now ? { ...q, answerDeadline: q.answerDeadline + ms } : null),
  // T2, T3, T6; T7 takes a repeat at any point.
  allowed: (_state, _round, q) => (q.phase === 'revealed' ? ['turn:repeat'] : [...(q.phase === 'reading' ? (['turn:start'] as const) : []), 'answer:rule', 'turn:skip', 'answer:reveal', 'turn:repeat']),
  view: inTurnView,
  roundView: (round) => ({ kind: 'in-turn', rightPoints: round.rightPoints, wrongPoints: round.wrongPoints, answerTimeMs: round.answerTimeMs, order: round.order }),
};
