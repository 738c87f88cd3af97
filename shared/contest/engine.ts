// The contest engine: (state, command) -> new state + events, or an error code.
// Pure: no I/O, no clock, no randomness. Rule IDs refer to RULES.md beside this file.
import { CommandError, type Command } from './commands.js';
import { addEntry, markUndone } from './ledger.js';
import { accept, isSeat, refuse, withQuestion, type Result } from './result.js';
import { currentRound, flatRounds, replaceRound } from './rounds.js';
import { answersDeadline, answersInPlay, handleAnswers, settleAnswers, startAnswerQuestion } from './rounds/all-at-once.js';
import { buzzDeadline, buzzInPlay, handleBuzz, restoreBuzzRuling, settleBuzz, startBuzzQuestion } from './rounds/buzz-in.js';
import { handleTurn, restoreTurnRuling, settleTurn, startTurn, turnDeadline, turnInPlay } from './rounds/in-turn.js';
import { handleShow, REFUSED_WHILE_PAUSED } from './show.js';
import type { ContestDefinition, ContestState, Question, QuestionState, Round, SeatId } from './types.js';

/** The state of a contest before its first command. */
export function initialState(definition: ContestDefinition): ContestState {
  return {
    definition,
    stage: 'lobby',
    roundIndex: -1,
    question: null,
    scores: Object.fromEntries(definition.seats.map((s) => [s.id, 0])),
    ledger: [],
    rulings: [],
    swaps: [],
    standingsShown: false,
    pausedAt: null,
    seatsLocked: false,
    admitted: null,
  };
}

/** The next instant at which the contest changes by itself, for the room's timer. */
export function nextDeadline(state: ContestState): number | null {
  const q = state.question;
  // K1: a paused show changes only when the host resumes it.
  if (!q || state.pausedAt !== null) return null;
  if (q.kind === 'buzz-in') return buzzDeadline(q);
  if (q.kind === 'in-turn') return turnDeadline(q);
  return answersDeadline(q);
}

/** True while the current question must not be left (F2). */
export function inPlay(q: QuestionState | null): boolean {
  if (!q) return false;
  if (q.kind === 'buzz-in') return buzzInPlay(q);
  if (q.kind === 'in-turn') return turnInPlay(q);
  return answersInPlay(q);
}

/** Applies one command. A refusal leaves `state` untouched (B15). */
export function apply(state: ContestState, command: Command): Result {
  const settled = settle(state, command.at);
  const base = settled ? settled.state : state;
  if (command.type === 'clock:tick') return settled ?? refuse(CommandError.NothingDue);
  const result = dispatch(base, command);
  if (!result.ok || !settled?.ok) return result;
  return { ...result, events: [...settled.events, ...result.events], audience: undefined, unseenByScreen: undefined };
}

/** B9: apply every deadline that has passed by `at`, before the command itself. */
function settle(state: ContestState, at: number): Extract<Result, { ok: true }> | null {
  const q = state.question;
  const round = currentRound(state);
  if (!q || !round || state.pausedAt !== null) return null;
  let result: Result | null = null;
  if (q.kind === 'buzz-in' && round.kind === 'buzz-in') result = settleBuzz(state, round, q, at);
  else if (q.kind === 'in-turn' && round.kind === 'in-turn') result = settleTurn(state, round, q, at);
  else if (q.kind === 'all-at-once' && round.kind === 'all-at-once') result = settleAnswers(state, round, q, at);
  return result?.ok ? result : null;
}

function dispatch(state: ContestState, command: Exclude<Command, { type: 'clock:tick' }>): Result {
  if (state.pausedAt !== null && REFUSED_WHILE_PAUSED.has(command.type)) return refuse(CommandError.Paused);
  switch (command.type) {
    case 'show:pause':
    case 'show:resume':
    case 'countdown:extend':
    case 'answers:extend-seat':
      return handleShow(state, command);
    case 'question:next':
      return nextQuestion(state);
    case 'question:swap':
      return swapQuestion(state, command.question, command.at);
    case 'ruling:undo':
      return undoRuling(state, command.at);
    case 'standings:show':
      return showStandings(state, command.show);
    case 'seats:lock':
      return lockSeats(state, command.locked);
    case 'seat:admit':
      return admitSeat(state, command.seatId);
    case 'seat:join':
      // S6: a record of the host's decision; who holds a seat is kept beside the log.
      return accept(state);
    case 'score:adjust':
      // B11
      if (!isSeat(state, command.seatId)) return refuse(CommandError.UnknownSeat);
      return accept(addEntry(state, { at: command.at, seatId: command.seatId, delta: command.delta, reason: 'adjust', note: command.reason }).state, [
        { type: 'score-adjusted', seatId: command.seatId, delta: command.delta, reason: command.reason },
      ]);
  }
  const q = state.question;
  const round = currentRound(state);
  if (!q || !round) return refuse(state.stage === 'finished' ? CommandError.ContestFinished : CommandError.NotInQuestion);
  switch (command.type) {
    case 'buzzers:open':
    case 'buzzers:reopen':
    case 'buzz:award':
    case 'buzz:press':
      return q.kind === 'buzz-in' && round.kind === 'buzz-in' ? handleBuzz(state, round, q, command) : refuse(CommandError.WrongRoundKind);
    case 'turn:start':
    case 'turn:skip':
    case 'turn:repeat':
      return q.kind === 'in-turn' && round.kind === 'in-turn' ? handleTurn(state, round, q, command) : refuse(CommandError.WrongRoundKind);
    case 'answers:open':
    case 'answer:submit':
      return q.kind === 'all-at-once' && round.kind === 'all-at-once' ? handleAnswers(state, round, q, command) : refuse(CommandError.WrongRoundKind);
    case 'answer:rule':
      if (q.kind === 'buzz-in' && round.kind === 'buzz-in') return handleBuzz(state, round, q, command);
      if (q.kind === 'in-turn' && round.kind === 'in-turn') return handleTurn(state, round, q, command);
      return refuse(CommandError.WrongRoundKind);
    case 'answer:reveal':
      if (q.kind === 'buzz-in' && round.kind === 'buzz-in') return handleBuzz(state, round, q, command);
      if (q.kind === 'in-turn' && round.kind === 'in-turn') return handleTurn(state, round, q, command);
      if (q.kind === 'all-at-once' && round.kind === 'all-at-once') return handleAnswers(state, round, q, command);
      return refuse(CommandError.WrongRoundKind);
  }
}

function firstQuestion(round: Round, index: number): QuestionState {
  if (round.kind === 'buzz-in') return startBuzzQuestion(index);
  if (round.kind === 'in-turn') return startTurn(round, index);
  return startAnswerQuestion(index);
}

/** F1, F2: title card, then each question, then the next round; finished after the last. */
function nextQuestion(state: ContestState): Result {
  if (state.stage === 'finished') return refuse(CommandError.ContestFinished);
  if (inPlay(state.question)) return refuse(CommandError.QuestionInPlay);
  const round = currentRound(state);
  const nextIndex = state.question ? state.question.index + 1 : 0;
  const moved = { ...state, standingsShown: false };
  if (round && state.stage === 'round' && nextIndex < round.questions.length) {
    return accept(withQuestion(moved, firstQuestion(round, nextIndex)));
  }
  const roundIndex = state.roundIndex + 1;
  if (roundIndex >= flatRounds(state.definition).length) return accept({ ...moved, stage: 'finished', question: null });
  return accept({ ...moved, stage: 'round', roundIndex, question: null });
}

/** L1: the leaderboard goes up between questions only; L2: any next step takes it down. */
function showStandings(state: ContestState, show: boolean): Result {
  if (show && inPlay(state.question)) return refuse(CommandError.QuestionInPlay);
  return accept({ ...state, standingsShown: show });
}

/** F4: a question not yet asked is replaced by one the server drew; both are recorded. */
function swapQuestion(state: ContestState, replacement: Question, at: number): Result {
  const q = state.question;
  const round = currentRound(state);
  if (!q || !round) return refuse(CommandError.NotInQuestion);
  if (q.phase !== 'reading') return refuse(CommandError.WrongPhase);
  const used = new Set([...flatRounds(state.definition).flatMap((r) => r.round.questions.map((x) => x.id)), ...state.swaps.map((s) => s.removedId)]);
  if (used.has(replacement.id)) return refuse(CommandError.RepeatedQuestion);
  if (round.kind === 'all-at-once' && replacement.type === 'open') return refuse(CommandError.WrongRoundKind);
  const removed = round.questions[q.index];
  const questions = round.questions.map((x, i) => (i === q.index ? replacement : x));
  const definition = replaceRound(state.definition, state.roundIndex, { ...round, questions } as Round);
  const swaps = [...state.swaps, { at, round: state.roundIndex, questionIndex: q.index, removedId: removed.id, addedId: replacement.id }];
  return accept({ ...state, definition, swaps, question: firstQuestion({ ...round, questions } as Round, q.index) }, [{ type: 'question-swapped' }]);
}

/** B10, T5: reverse the newest ruling's points; on the current question, back to answering. */
function undoRuling(state: ContestState, at: number): Result {
  const memo = state.rulings.at(-1);
  if (!memo) return refuse(CommandError.NothingToUndo);
  // Not while a press waits for its decision: the undo would strand it (P3).
  if (state.question?.kind === 'buzz-in' && state.question.decideAt !== null) return refuse(CommandError.QuestionInPlay);
  const ruling = state.ledger[memo.entrySeq - 1];
  const reversed = addEntry(state, { at, seatId: ruling.seatId, delta: 0 - ruling.delta, reason: 'undo', reverses: ruling.seq, round: ruling.round, questionNumber: ruling.questionNumber }).state;
  let next: ContestState = { ...markUndone(reversed, ruling.seq), rulings: state.rulings.slice(0, -1) };
  const q = state.question;
  if (q && state.stage === 'round' && memo.round === state.roundIndex && memo.questionIndex === q.index) {
    if (q.kind === 'buzz-in') next = withQuestion(next, restoreBuzzRuling(q, ruling.seatId, memo.wonAt));
    if (q.kind === 'in-turn') next = withQuestion(next, restoreTurnRuling(q));
  }
  return accept(next, [{ type: 'ruling-undone', seatId: ruling.seatId }]);
}

/** S2: locking or unlocking the seats; either way any admission (S3) ends. */
function lockSeats(state: ContestState, locked: boolean): Result {
  return accept({ ...state, seatsLocked: locked, admitted: null });
}

/** S3: while locked, the host lets one seat take a new phone (or, with null, no seat). The seat
 * is checked where the command comes in, not here: a contest redefined in the lobby replays its
 * log against seats that may no longer include it, and an archive must still replay whole. */
function admitSeat(state: ContestState, seatId: SeatId | null): Result {
  if (!state.seatsLocked) return refuse(CommandError.SeatsNotLocked);
  return accept({ ...state, admitted: seatId });
}
