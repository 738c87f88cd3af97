// A press of a seat's buzzer: false starts (B2), the winning buzz (B3), and the press log (B14).
import { CommandError, type ApplyResult, type BuzzOutcome, type ContestEvent } from './commands.js';
import { addEntry, questionNumber } from './ledger.js';
import type { BuzzDecision, ContestState, QuestionState, SeatId } from './types.js';

type Result = ApplyResult<ContestState>;

/** Judges one press at server time `at`; every press on a live question is logged. */
export function pressBuzzer(state: ContestState, at: number, seatId: SeatId): Result {
  if (!(seatId in state.scores)) return { ok: false, error: CommandError.UnknownSeat };
  const q = state.question;
  if (!q) return { ok: false, error: CommandError.NotInQuestion };
  if (q.phase === 'revealed') return { ok: false, error: CommandError.QuestionOver };

  if (q.out.includes(seatId)) return logged(state, q, at, seatId, { decision: 'locked-out' });
  if (q.phase === 'reading' || q.phase === 'wrong') return falseStart(state, q, at, seatId);
  if (q.phase === 'answering') return logged(state, q, at, seatId, { decision: 'late' });

  // phase 'open'
  const lockedUntil = q.lockedUntil[seatId];
  if (lockedUntil !== undefined && at < lockedUntil) {
    // B2 lockout: a press inside the lockout restarts it.
    return lockout(state, q, at, seatId, 'locked-out');
  }
  const answerDeadline = at + state.definition.rules.answerTimeMs;
  const won: QuestionState = { ...q, phase: 'answering', winner: seatId, wonAt: at, answerDeadline, buzzDeadline: null };
  return withLog(state, won, at, seatId, { decision: 'won' }, [{ type: 'buzz-won', seatId }]);
}

function falseStart(state: ContestState, q: QuestionState, at: number, seatId: SeatId): Result {
  const penalty = state.definition.rules.falseStart;
  const events: ContestEvent[] = [{ type: 'false-start', seatId }];
  switch (penalty.kind) {
    case 'lockout':
      return lockout(state, q, at, seatId, 'false-start');
    case 'lose-question':
      return withLog(state, { ...q, out: [...q.out, seatId] }, at, seatId, { decision: 'false-start' }, events);
    case 'deduct': {
      // Out of the question at once, so only the first early press is ever fined.
      const { state: fined } = addEntry(state, {
        at,
        seatId,
        delta: -penalty.points,
        reason: 'false-start',
        questionNumber: questionNumber(state),
      });
      const next = { ...q, out: [...q.out, seatId] };
      return withLog(fined, next, at, seatId, { decision: 'false-start' }, events);
    }
  }
}

function lockout(state: ContestState, q: QuestionState, at: number, seatId: SeatId, decision: BuzzDecision): Result {
  const ms = state.definition.rules.falseStart.kind === 'lockout' ? state.definition.rules.falseStart.ms : 0;
  const lockedUntil = at + ms;
  const next = { ...q, lockedUntil: { ...q.lockedUntil, [seatId]: lockedUntil } };
  const events: ContestEvent[] = decision === 'false-start' ? [{ type: 'false-start', seatId }] : [];
  return withLog(state, next, at, seatId, { decision, lockedUntil }, events);
}

function logged(state: ContestState, q: QuestionState, at: number, seatId: SeatId, buzz: BuzzOutcome): Result {
  return withLog(state, q, at, seatId, buzz, []);
}

function withLog(
  state: ContestState,
  q: QuestionState,
  at: number,
  seatId: SeatId,
  buzz: BuzzOutcome,
  events: ContestEvent[],
): Result {
  const question = { ...q, buzzes: [...q.buzzes, { at, seatId, decision: buzz.decision }] };
  return { ok: true, state: { ...state, question }, events, buzz };
}
