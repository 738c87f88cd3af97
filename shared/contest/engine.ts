// The contest engine: (state, command) -> new state + events, or an error code.
// Pure: no I/O, no clock, no randomness. Rule IDs refer to RULES.md beside this file.
import { CommandError, type Command } from './commands.js';
import { addEntry, markUndone } from './ledger.js';
import { accept, isSeat, refuse, withQuestion, type Result } from './result.js';
import { currentRound, flatRounds, replaceRound } from './rounds.js';
import { questionRules, rulesOf, sameKind } from './kinds.js';
import type { RoundHostCommand } from './round-kind.js';
import { handleShow, REFUSED_WHILE_PAUSED } from './show.js';
import { handleAwards } from './awards.js';
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
    falseStarts: {},
    awards: null,
  };
}

/** The next instant at which the contest changes by itself, for the room's timer. */
export function nextDeadline(state: ContestState): number | null {
  const round = currentRound(state);
  const pair = round && state.question && sameKind(round, state.question);
  // K1: a paused show changes only when the host resumes it.
  if (!pair || state.pausedAt !== null) return null;
  return pair.rules.deadline(pair.q);
}

/** True while the current question must not be left (F2). */
export function inPlay(q: QuestionState | null): boolean {
  if (!q) return false;
  return questionRules(q).inPlay(q);
}

/** How many questions (or turns) a round has (F1). */
export function roundLength(round: Round): number {
  return rulesOf(round).length(round);
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
  const round = currentRound(state);
  const pair = round && state.question && sameKind(round, state.question);
  if (!pair || state.pausedAt !== null) return null;
  const result = pair.rules.settle(state, pair.round, pair.q, at);
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
    case 'awards:decide':
    case 'awards:step':
      return handleAwards(state, command);
    case 'score:adjust':
      // B11
      if (!isSeat(state, command.seatId)) return refuse(CommandError.UnknownSeat);
      return accept(addEntry(state, { at: command.at, seatId: command.seatId, delta: command.delta, reason: 'adjust', note: command.reason }).state, [
        { type: 'score-adjusted', seatId: command.seatId, delta: command.delta, reason: command.reason },
      ]);
  }
  // Everything else is about the question in play, and its round's kind decides.
  const round = currentRound(state);
  const pair = round && state.question && sameKind(round, state.question);
  if (!pair) return refuse(state.stage === 'finished' ? CommandError.ContestFinished : state.question ? CommandError.WrongRoundKind : CommandError.NotInQuestion);
  return pair.rules.handle(state, pair.round, pair.q, command);
}

/** The host commands about the question in play that the engine would accept now (K2: none that
 * open or start while paused), for the host console. */
export function allowedRoundCommands(state: ContestState): RoundHostCommand[] {
  const round = currentRound(state);
  const pair = round && state.question && sameKind(round, state.question);
  if (!pair || state.stage !== 'round') return [];
  const allowed = pair.rules.allowed(state, pair.round, pair.q);
  return state.pausedAt === null ? allowed : allowed.filter((type) => !REFUSED_WHILE_PAUSED.has(type));
}

function firstQuestion(round: Round, index: number): QuestionState {
  return rulesOf(round).start(round, index);
}

/** F1, F2: title card, then each question, then the next round; finished after the last. */
function nextQuestion(state: ContestState): Result {
  if (state.stage === 'finished') return refuse(CommandError.ContestFinished);
  if (inPlay(state.question)) return refuse(CommandError.QuestionInPlay);
  const round = currentRound(state);
  const nextIndex = state.question ? state.question.index + 1 : 0;
  const moved = { ...state, standingsShown: false };
  if (round && state.stage === 'round' && nextIndex < roundLength(round)) {
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
  if (!rulesOf(round).canAsk(round, replacement)) return refuse(CommandError.WrongRoundKind);
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
  const round = currentRound(state);
  const current = round && state.question && sameKind(round, state.question);
  if (current && !current.rules.mayUndo(current.q)) return refuse(CommandError.QuestionInPlay);
  const ruling = state.ledger[memo.entrySeq - 1];
  const reversed = addEntry(state, { at, seatId: ruling.seatId, delta: 0 - ruling.delta, reason: 'undo', reverses: ruling.seq, round: ruling.round, questionNumber: ruling.questionNumber }).state;
  let next: ContestState = { ...markUndone(reversed, ruling.seq), rulings: state.rulings.slice(0, -1) };
  if (current && state.stage === 'round' && memo.round === state.roundIndex && memo.questionIndex === current.q.index) {
    next = withQuestion(next, current.rules.restore(current.q, { seatId: ruling.seatId, wonAt: memo.wonAt }));
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
