// The contest engine: (state, command) -> new state + events, or an error code.
// Pure: no I/O, no clock, no randomness. The rule IDs refer to RULES.md beside this file.
import { CommandError, type ApplyResult, type Command, type ContestEvent } from './commands.js';
import { addEntry, markUndone, questionNumber } from './ledger.js';
import type { ContestDefinition, ContestState, QuestionState, SeatId } from './types.js';
import { pressBuzzer } from './buzz.js';

type Result = ApplyResult<ContestState>;

const refuse = (error: CommandError): Result => ({ ok: false, error });
const accept = (state: ContestState, events: ContestEvent[] = []): Result => ({ ok: true, state, events });

/** The state of a contest before its first command. */
export function initialState(definition: ContestDefinition): ContestState {
  return {
    definition,
    stage: 'lobby',
    question: null,
    scores: Object.fromEntries(definition.seats.map((s) => [s.id, 0])),
    ledger: [],
    rulings: [],
  };
}

/** The next instant at which the contest changes by itself, for the room's timer. */
export function nextDeadline(state: ContestState): number | null {
  const q = state.question;
  if (!q) return null;
  if (q.phase === 'open') return q.buzzDeadline;
  if (q.phase === 'answering') return q.answerDeadline;
  return null;
}

/** Applies one command. A refusal leaves `state` untouched (B15). */
export function apply(state: ContestState, command: Command): Result {
  const settled = settle(state, command.at);
  if (command.type === 'clock:tick') {
    return settled.state === state ? refuse(CommandError.NothingDue) : accept(settled.state, settled.events);
  }
  const result = dispatch(settled.state, command);
  return result.ok ? { ...result, events: [...settled.events, ...result.events] } : result;
}

function dispatch(state: ContestState, command: Exclude<Command, { type: 'clock:tick' }>): Result {
  switch (command.type) {
    case 'question:next':
      return nextQuestion(state);
    case 'buzzers:open':
      return openBuzzers(state, command.at, 'reading');
    case 'buzzers:reopen':
      return openBuzzers(state, command.at, 'wrong');
    case 'answer:rule':
      return rule(state, command.at, command.verdict);
    case 'answer:reveal':
      return endQuestion(state);
    case 'ruling:undo':
      return undoRuling(state, command.at);
    case 'score:adjust':
      return adjustScore(state, command.at, command.seatId, command.delta, command.reason);
    case 'buzz:press':
      return pressBuzzer(state, command.at, command.seatId);
  }
}

/** B9: apply every deadline that has passed by `at`, before the command itself. */
function settle(state: ContestState, at: number): { state: ContestState; events: ContestEvent[] } {
  const q = state.question;
  if (q?.phase === 'open' && q.buzzDeadline !== null && at >= q.buzzDeadline) {
    // B8: nobody won the buzz in time.
    return { state: withQuestion(state, { ...q, phase: 'revealed', outcome: 'dead', buzzDeadline: null }), events: [{ type: 'question-dead' }] };
  }
  if (q?.phase === 'answering' && q.answerDeadline !== null && at >= q.answerDeadline && q.winner) {
    // B6: the answer countdown ran out; a timeout counts as wrong.
    const ruled = ruleWrong(state, q, q.answerDeadline, 'timeout');
    return { state: ruled, events: [{ type: 'ruled', seatId: q.winner, verdict: 'timeout' }] };
  }
  return { state, events: [] };
}

export function withQuestion(state: ContestState, question: QuestionState): ContestState {
  return { ...state, question };
}

function freshQuestion(index: number): QuestionState {
  return {
    index,
    phase: 'reading',
    buzzDeadline: null,
    winner: null,
    wonAt: null,
    answerDeadline: null,
    out: [],
    lockedUntil: {},
    outcome: null,
    buzzes: [],
  };
}

/** B12 */
function nextQuestion(state: ContestState): Result {
  if (state.stage === 'finished') return refuse(CommandError.ContestFinished);
  const q = state.question;
  if (q && (q.phase === 'open' || q.phase === 'answering')) return refuse(CommandError.QuestionInPlay);
  const index = q ? q.index + 1 : 0;
  if (index >= state.definition.questions.length) {
    return accept({ ...state, stage: 'finished', question: null });
  }
  return accept({ ...state, stage: 'question', question: freshQuestion(index) });
}

/** B1 and B7: open from `reading`, reopen for the rest from `wrong`. */
function openBuzzers(state: ContestState, at: number, from: 'reading' | 'wrong'): Result {
  const q = state.question;
  if (!q) return refuse(CommandError.NotInQuestion);
  if (q.phase !== from) return refuse(CommandError.WrongPhase);
  const seatsLeft = state.definition.seats.filter((s) => !q.out.includes(s.id));
  if (seatsLeft.length === 0) return refuse(CommandError.NoSeatLeft);
  return accept(
    withQuestion(state, {
      ...q,
      phase: 'open',
      buzzDeadline: at + state.definition.rules.buzzWindowMs,
      winner: null,
      wonAt: null,
      answerDeadline: null,
    }),
  );
}

/** B5 and B6, ruled by the host. */
function rule(state: ContestState, at: number, verdict: 'right' | 'wrong'): Result {
  const q = state.question;
  if (!q) return refuse(CommandError.NotInQuestion);
  if (q.phase !== 'answering' || !q.winner) return refuse(CommandError.WrongPhase);
  const seatId = q.winner;
  if (verdict === 'wrong') {
    return accept(ruleWrong(state, q, at, 'wrong'), [{ type: 'ruled', seatId, verdict }]);
  }
  const { state: scored, seq } = addEntry(state, {
    at,
    seatId,
    delta: state.definition.rules.rightPoints,
    reason: 'right',
    questionNumber: questionNumber(state),
  });
  const ended = withQuestion(scored, { ...q, phase: 'revealed', outcome: 'right', answerDeadline: null });
  return accept(remember(ended, seq, q), [{ type: 'ruled', seatId, verdict }]);
}

function ruleWrong(state: ContestState, q: QuestionState, at: number, reason: 'wrong' | 'timeout'): ContestState {
  const seatId = q.winner as SeatId;
  const { state: scored, seq } = addEntry(state, {
    at,
    seatId,
    delta: -state.definition.rules.wrongPoints,
    reason,
    questionNumber: questionNumber(state),
  });
  const next = withQuestion(scored, { ...q, phase: 'wrong', answerDeadline: null, out: [...q.out, seatId] });
  return remember(next, seq, q);
}

function remember(state: ContestState, entrySeq: number, ruled: QuestionState): ContestState {
  return { ...state, rulings: [...state.rulings, { entrySeq, questionIndex: ruled.index, wonAt: ruled.wonAt }] };
}

/** B8: the host ends the question and shows the answer. */
function endQuestion(state: ContestState): Result {
  const q = state.question;
  if (!q) return refuse(CommandError.NotInQuestion);
  if (q.phase !== 'reading' && q.phase !== 'wrong') return refuse(CommandError.WrongPhase);
  return accept(withQuestion(state, { ...q, phase: 'revealed', outcome: 'ended' }));
}

/** B10 */
function undoRuling(state: ContestState, at: number): Result {
  const memo = state.rulings.at(-1);
  if (!memo) return refuse(CommandError.NothingToUndo);
  const ruling = state.ledger[memo.entrySeq - 1];
  const { state: reversed } = addEntry(state, {
    at,
    seatId: ruling.seatId,
    delta: -ruling.delta,
    reason: 'undo',
    questionNumber: ruling.questionNumber,
    reverses: ruling.seq,
  });
  let next: ContestState = { ...markUndone(reversed, ruling.seq), rulings: state.rulings.slice(0, -1) };
  const q = state.question;
  if (q && q.index === memo.questionIndex && state.stage === 'question') {
    // Back to the ruled seat answering. Presses logged since stay logged (B14).
    next = withQuestion(next, {
      ...q,
      phase: 'answering',
      winner: ruling.seatId,
      wonAt: memo.wonAt,
      answerDeadline: null,
      buzzDeadline: null,
      outcome: null,
      out: q.out.filter((id) => id !== ruling.seatId),
    });
  }
  return accept(next, [{ type: 'ruling-undone', seatId: ruling.seatId }]);
}

/** B11 */
function adjustScore(state: ContestState, at: number, seatId: SeatId, delta: number, reason: string): Result {
  if (!(seatId in state.scores)) return refuse(CommandError.UnknownSeat);
  const { state: next } = addEntry(state, {
    at,
    seatId,
    delta,
    reason: 'adjust',
    note: reason,
    questionNumber: questionNumber(state),
  });
  return accept(next, [{ type: 'score-adjusted', seatId, delta, reason }]);
}
