// Judged rounds (评委打分: 悟思想, 述行动): each seat is called in turn, speaks against a timer, and
// the panel's scores become its result at the reveal. Rules J1-J8 of RULES.md.
import { CommandError } from '../commands.js';
import { judgedResult, overtimeOf, validScore } from '../judging.js';
import type { JudgeId, JudgedTurn } from '../judging-types.js';
import { addEntry, rememberRuling } from '../ledger.js';
import { accept, refuse, withQuestion, type Result } from '../result.js';
import type { RoundCommand, RoundHostCommand, RoundKindRules } from '../round-kind.js';
import type { ContestState, JudgedRound } from '../types.js';
import { judgedTurnView } from '../judged-view.js';

/** J1: the i-th turn calls the i-th seat of the round's order (the file's, or drawn by lot). */
export function callSeat(round: JudgedRound, index: number): JudgedTurn {
  return {
    kind: 'judged',
    index,
    seatId: round.judging.order[index],
    phase: 'called',
    prepareDeadline: null,
    speakingFrom: null,
    speakDeadline: null,
    speakingUntil: null,
    scores: {},
    excluded: {},
    result: null,
  };
}

/** The panel's judge ids, in panel order (J3 ties go by it). */
export function panelOf(state: ContestState): JudgeId[] {
  return (state.definition.judges ?? []).map((j) => j.id);
}

/** J4: judges who must score before the reveal: the panel less those excluded for this seat. */
export function countingPanel(state: ContestState, q: JudgedTurn): JudgeId[] {
  return panelOf(state).filter((id) => !Object.hasOwn(q.excluded, id));
}

/** J4: every counting judge has scored (and at least one counts). */
export function allScored(state: ContestState, q: JudgedTurn): boolean {
  const counting = countingPanel(state, q);
  return counting.length > 0 && counting.every((id) => Object.hasOwn(q.scores, id));
}

/** F2: from the start of the speech until the reveal, a seat's turn must not be left. */
const judgedInPlay = (q: JudgedTurn): boolean => q.phase !== 'called' && q.phase !== 'revealed';

/** J6: preparation ends by itself; speaking never does (overtime counts until the host stops it). */
const judgedDeadline = (q: JudgedTurn): number | null => (q.phase === 'preparing' ? q.prepareDeadline : null);

function speaking(round: JudgedRound, q: JudgedTurn, from: number): JudgedTurn {
  return { ...q, phase: 'speaking', prepareDeadline: null, speakingFrom: from, speakDeadline: from + round.judging.speakMs };
}

/** J6: the preparation time is up: the speaking timer starts at that instant. */
function settleJudged(state: ContestState, round: JudgedRound, q: JudgedTurn, at: number): Result | null {
  if (q.phase !== 'preparing' || q.prepareDeadline === null || at < q.prepareDeadline) return null;
  return accept(withQuestion(state, speaking(round, q, q.prepareDeadline)), [{ type: 'speech-started', seatId: q.seatId }]);
}

function handleJudged(state: ContestState, round: JudgedRound, q: JudgedTurn, command: RoundCommand): Result {
  switch (command.type) {
    case 'speech:start':
      return startSpeech(state, round, q, command.at);
    case 'speech:stop': {
      // J6: overtime is what the seat spoke past its time, paused time not counted (K1).
      if (q.phase !== 'speaking') return refuse(CommandError.WrongPhase);
      const until = state.pausedAt ?? command.at;
      return accept(withQuestion(state, { ...q, phase: 'scoring', speakingUntil: until }), [
        { type: 'speech-stopped', seatId: q.seatId, overtimeMs: overtimeOf(q.speakDeadline, until) },
      ]);
    }
    case 'judging:close':
      // J4
      if (q.phase === 'closed' || q.phase === 'revealed') return refuse(CommandError.ScoringClosed);
      if (q.phase !== 'scoring') return refuse(CommandError.WrongPhase);
      if (!allScored(state, q)) return refuse(CommandError.ScoresMissing);
      return accept(withQuestion(state, { ...q, phase: 'closed' }));
    case 'answer:reveal':
      return reveal(state, round, q, command.at);
    case 'judge:score':
    case 'judge:enter':
      return score(state, round, q, command.judgeId, command.seatId, command.value, command.parts, command.at, command.type === 'judge:enter');
    case 'judge:exclude':
    case 'judge:include': {
      // J5
      if (!panelOf(state).includes(command.judgeId)) return refuse(CommandError.UnknownJudge);
      if (q.phase === 'closed' || q.phase === 'revealed') return refuse(CommandError.ScoringClosed);
      const others = Object.fromEntries(Object.entries(q.excluded).filter(([id]) => id !== command.judgeId));
      const excluded = command.type === 'judge:exclude' ? { ...others, [command.judgeId]: command.reason } : others;
      return accept(withQuestion(state, { ...q, excluded }));
    }
    default:
      return refuse(CommandError.WrongRoundKind);
  }
}

/** J6: the host calls the seat up: preparation first if the round gives any, else the speech;
 * from preparation, the speech starts early. */
function startSpeech(state: ContestState, round: JudgedRound, q: JudgedTurn, at: number): Result {
  if (q.phase === 'called' && round.judging.prepareMs > 0) {
    return accept(withQuestion(state, { ...q, phase: 'preparing', prepareDeadline: at + round.judging.prepareMs }));
  }
  if (q.phase !== 'called' && q.phase !== 'preparing') return refuse(CommandError.WrongPhase);
  return accept(withQuestion(state, speaking(round, q, at)), [{ type: 'speech-started', seatId: q.seatId }]);
}

/** J2, J5: a judge's score (or the host's entry of it from paper) for the seat now called; a
 * later one replaces it until scoring closes. */
function score(state: ContestState, round: JudgedRound, q: JudgedTurn, judgeId: JudgeId, seatId: string, value: number, parts: number[] | undefined, at: number, byHost: boolean): Result {
  if (!panelOf(state).includes(judgeId)) return refuse(CommandError.UnknownJudge);
  if (seatId !== q.seatId) return refuse(CommandError.NotCurrentSeat);
  if (q.phase === 'closed' || q.phase === 'revealed') return refuse(CommandError.ScoringClosed);
  if (q.phase !== 'speaking' && q.phase !== 'scoring') return refuse(CommandError.WrongPhase);
  if (Object.hasOwn(q.excluded, judgeId)) return refuse(CommandError.JudgeExcluded);
  if (!validScore(round.judging, value, parts)) return refuse(CommandError.BadScore);
  const before = Object.hasOwn(q.scores, judgeId) ? q.scores[judgeId] : null;
  const scored = { value, ...(parts && { parts: [...parts] }), at, ...(byHost && { byHost: true }), changes: before ? before.changes + 1 : 0 };
  return accept(withQuestion(state, { ...q, scores: { ...q.scores, [judgeId]: scored } }));
}

/** J4: with every counting judge's score in, the result is fixed and enters the stage total, on
 * the record; from `scoring` the reveal closes scoring too. */
function reveal(state: ContestState, round: JudgedRound, q: JudgedTurn, at: number): Result {
  if (q.phase === 'revealed') return refuse(CommandError.ScoringClosed);
  if (q.phase !== 'scoring' && q.phase !== 'closed') return refuse(CommandError.WrongPhase);
  if (!allScored(state, q)) return refuse(CommandError.ScoresMissing);
  const result = judgedResult(round.judging, panelOf(state), q.scores, q.excluded, overtimeOf(q.speakDeadline, q.speakingUntil));
  const { state: scored, seq } = addEntry(state, { at, seatId: q.seatId, delta: result.points, reason: 'judged' });
  const revealed = rememberRuling(withQuestion(scored, { ...q, phase: 'revealed', result }), seq);
  return accept(revealed, [{ type: 'judged-revealed', seatId: q.seatId, points: result.points }]);
}

/** J8: after an undo of the reveal, scoring is open again so scores can be corrected. */
const restoreJudged = (q: JudgedTurn): JudgedTurn => ({ ...q, phase: 'scoring', result: null });

/** K3: while preparing, the preparation ends later; while speaking, the timer's start and end
 * move on together, so overtime never counts paused time. */
function shiftJudged(q: JudgedTurn, after: number, ms: number): JudgedTurn {
  if (q.phase === 'preparing' && q.prepareDeadline !== null && q.prepareDeadline > after) return { ...q, prepareDeadline: q.prepareDeadline + ms };
  if (q.phase === 'speaking' && q.speakingFrom !== null && q.speakDeadline !== null) return { ...q, speakingFrom: q.speakingFrom + ms, speakDeadline: q.speakDeadline + ms };
  return q;
}

/** K5: added time goes to the preparation or the speaking time still running (not to overtime). */
function extendJudged(q: JudgedTurn, now: number, ms: number): JudgedTurn | null {
  if (q.phase === 'preparing' && q.prepareDeadline !== null && q.prepareDeadline > now) return { ...q, prepareDeadline: q.prepareDeadline + ms };
  if (q.phase === 'speaking' && q.speakDeadline !== null && q.speakDeadline > now) return { ...q, speakDeadline: q.speakDeadline + ms };
  return null;
}

/** What the host may do now on a seat's turn (judge:enter/exclude/include take a judge). */
function allowedJudged(state: ContestState, _round: JudgedRound, q: JudgedTurn): RoundHostCommand[] {
  switch (q.phase) {
    case 'called':
      return ['speech:start', 'judge:exclude', 'judge:include'];
    case 'preparing':
      return ['speech:start', 'judge:exclude', 'judge:include'];
    case 'speaking':
      return ['speech:stop', 'judge:enter', 'judge:exclude', 'judge:include'];
    case 'scoring':
      return [...(allScored(state, q) ? (['judging:close', 'answer:reveal'] as const) : []), 'judge:enter', 'judge:exclude', 'judge:include'];
    case 'closed':
      return ['answer:reveal'];
    case 'revealed':
      return [];
  }
}

/** 评委打分 as the engine sees it. */
export const judged: RoundKindRules<'judged'> = {
  length: (round) => round.judging.order.length,
  // Each seat is called once: the top of the scale, times the panel when the scores are summed.
  mostPoints: ({ judging }, definition) => (judging.aggregate === 'sum' ? judging.scale.max * (definition.judges?.length ?? 0) : judging.scale.max),
  start: callSeat,
  // J1: a reflection round's open question is drawn per seat; nothing is swapped in.
  canAsk: () => false,
  deadline: judgedDeadline,
  inPlay: judgedInPlay,
  settle: settleJudged,
  handle: handleJudged,
  mayUndo: () => true,
  restore: restoreJudged,
  shift: shiftJudged,
  extend: extendJudged,
  allowed: allowedJudged,
  view: judgedTurnView,
  roundView: (round) => ({ kind: 'judged', judging: round.judging }),
};
