// Risk questions (风险题): rules RK1-RK8 of RULES.md. A turn is an in-turn turn with a stake
// picked before its question is shown.
import { CommandError } from '../commands.js';
import { addEntry, rememberRuling } from '../ledger.js';
import { accept, refuse, withQuestion, type Result } from '../result.js';
import type { RoundCommand, RoundHostCommand, RoundKindRules } from '../round-kind.js';
import type { RiskOutcome, RiskTurn } from '../risk-types.js';
import type { ContestState, RiskRound } from '../types.js';
import { riskView } from './risk-view.js';

type StakeCommand = Extract<RoundCommand, { type: 'stake:choose' }>;
type Verdict = Extract<RiskOutcome, 'right' | 'wrong' | 'timeout'>;

/** RK1: turn k belongs to the k-th seat of the order, and starts with the stake still to pick. */
export function startRiskTurn(round: RiskRound, index: number): RiskTurn {
  const { order } = round.risk;
  return { kind: 'risk', index, seatId: order[index % order.length], phase: 'choosing', stake: null, chosenBy: null, answerDeadline: null, outcome: null };
}

/** RK5: the countdown ran out; the stake is lost. */
function settleRisk(state: ContestState, _round: RiskRound, q: RiskTurn, at: number): Result | null {
  if (q.phase !== 'answering' || q.answerDeadline === null || at < q.answerDeadline) return null;
  return accept(ruleRisk(state, q, q.answerDeadline, 'timeout'), [{ type: 'ruled', seatId: q.seatId, verdict: 'timeout' }]);
}

function handleRisk(state: ContestState, round: RiskRound, q: RiskTurn, command: RoundCommand): Result {
  switch (command.type) {
    case 'stake:choose':
      return chooseStake(state, round, q, command);
    case 'turn:start':
      // RK3: the countdown starts once the stake is set.
      if (q.phase !== 'reading') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'answering', answerDeadline: command.at + round.risk.answerTimeMs }));
    case 'answer:rule':
      // RK5: there is nothing to rule before the stake is set.
      if (q.phase !== 'reading' && q.phase !== 'answering') return refuse(CommandError.WrongPhase);
      return accept(ruleRisk(state, q, command.at, command.verdict), [{ type: 'ruled', seatId: q.seatId, verdict: command.verdict }]);
    case 'turn:skip':
    case 'answer:reveal':
      // RK6: the turn ends unscored, stake or not; the log keeps the skip.
      if (q.phase === 'revealed') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'revealed', outcome: 'skipped', answerDeadline: null }), [{ type: 'turn-skipped', seatId: q.seatId }]);
    default:
      return refuse(CommandError.WrongRoundKind);
  }
}

/** RK2-RK4: the seat's phone picks while choosing; the host picks for it then, or corrects the
 * pick while the question is read, before its countdown starts. */
function chooseStake(state: ContestState, round: RiskRound, q: RiskTurn, command: StakeCommand): Result {
  const bySeat = 'seatId' in command;
  if (bySeat && command.seatId !== q.seatId) return refuse(CommandError.NotYourTurn);
  if (q.phase !== 'choosing' && (bySeat || q.phase !== 'reading')) return refuse(CommandError.WrongPhase);
  const chosenBy = bySeat ? 'seat' : 'host';
  if (command.stake === null) {
    if (!round.risk.allowPass) return refuse(CommandError.PassNotAllowed);
    return accept(passTurn(state, q, command.at, chosenBy), [{ type: 'stake-chosen', seatId: q.seatId, stake: null }]);
  }
  if (!round.risk.stakes.includes(command.stake)) return refuse(CommandError.BadStake);
  return accept(withQuestion(state, { ...q, phase: 'reading', stake: command.stake, chosenBy }), [{ type: 'stake-chosen', seatId: q.seatId, stake: command.stake }]);
}

/** RK4: a pass ends the turn at 0, on the record as a ruling (so undo can take it back). */
function passTurn(state: ContestState, q: RiskTurn, at: number, chosenBy: 'seat' | 'host'): ContestState {
  const { state: recorded, seq } = addEntry(state, { at, seatId: q.seatId, delta: 0, reason: 'passed' });
  const passed = withQuestion(recorded, { ...q, phase: 'revealed', stake: null, chosenBy, outcome: 'passed', answerDeadline: null });
  return rememberRuling(passed, seq);
}

/** RK5: right earns the stake, wrong or timeout loses it; the entry carries the stake (RK7). */
function ruleRisk(state: ContestState, q: RiskTurn, at: number, outcome: Verdict): ContestState {
  const stake = q.stake ?? 0;
  const delta = outcome === 'right' ? stake : 0 - stake;
  const { state: scored, seq } = addEntry(state, { at, seatId: q.seatId, delta, reason: outcome, stake });
  return rememberRuling(withQuestion(scored, { ...q, phase: 'revealed', outcome, answerDeadline: null }), seq);
}

/** RK6: an undone ruling puts the seat back to answering with its stake and no countdown; an
 * undone pass puts it back to choosing. */
function restoreRisk(q: RiskTurn): RiskTurn {
  if (q.outcome === 'passed') return { ...q, phase: 'choosing', stake: null, chosenBy: null, outcome: null, answerDeadline: null };
  return { ...q, phase: 'answering', outcome: null, answerDeadline: null };
}

/** RK8: the seat with the most turns can win the highest stake on each. */
function mostRiskPoints(round: RiskRound): number {
  const { order, stakes } = round.risk;
  if (order.length === 0 || stakes.length === 0) return 0;
  const turns = Math.ceil(round.questions.length / order.length);
  return turns * Math.max(0, ...stakes);
}

function allowedRisk(q: RiskTurn): RoundHostCommand[] {
  switch (q.phase) {
    case 'choosing':
      return ['stake:choose', 'turn:skip', 'answer:reveal'];
    case 'reading':
      return ['stake:choose', 'turn:start', 'answer:rule', 'turn:skip', 'answer:reveal'];
    case 'answering':
      return ['answer:rule', 'turn:skip', 'answer:reveal'];
    case 'revealed':
      return [];
  }
}

/** 风险题 as the engine sees it. */
export const risk: RoundKindRules<'risk'> = {
  length: (round) => round.questions.length,
  mostPoints: mostRiskPoints,
  start: startRiskTurn,
  canAsk: () => true,
  deadline: (q) => (q.phase === 'answering' ? q.answerDeadline : null),
  inPlay: (q) => q.phase !== 'revealed',
  settle: settleRisk,
  handle: handleRisk,
  mayUndo: () => true,
  restore: restoreRisk,
  shift: (q, after, ms) => ({ ...q, answerDeadline: q.answerDeadline !== null && q.answerDeadline > after ? q.answerDeadline + ms : q.answerDeadline }),
  extend: (q, now, ms) => (q.phase === 'answering' && q.answerDeadline !== null && q.answerDeadline > now ? { ...q, answerDeadline: q.answerDeadline + ms } : null),
  allowed: (_state, _round, q) => allowedRisk(q),
  view: riskView,
  roundView: (round) => ({ kind: 'risk', stakes: round.risk.stakes, allowPass: round.risk.allowPass, answerTimeMs: round.risk.answerTimeMs, order: round.risk.order }),
};
