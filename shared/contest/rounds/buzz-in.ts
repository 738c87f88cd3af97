// Buzz-in round (抢答题): rules B1-B14 of RULES.md.
import { CommandError, type BuzzOutcome, type Command, type ContestEvent } from '../commands.js';
import { addEntry, rememberRuling } from '../ledger.js';
import { accept, refuse, withQuestion, type Result } from '../result.js';
import type { BuzzDecision, BuzzInQuestion, BuzzInRound, ContestState, SeatId } from '../types.js';

type BuzzCommand = Extract<Command, { type: 'buzzers:open' | 'buzzers:reopen' | 'answer:rule' | 'answer:reveal' | 'buzz:press' }>;

export function startBuzzQuestion(index: number): BuzzInQuestion {
  return {
    kind: 'buzz-in',
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

export const buzzInPlay = (q: BuzzInQuestion): boolean => q.phase === 'open' || q.phase === 'answering';

export function buzzDeadline(q: BuzzInQuestion): number | null {
  if (q.phase === 'open') return q.buzzDeadline;
  if (q.phase === 'answering') return q.answerDeadline;
  return null;
}

/** B9: deadlines that have passed by `at`. */
export function settleBuzz(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number): Result | null {
  if (q.phase === 'open' && q.buzzDeadline !== null && at >= q.buzzDeadline) {
    // B8: nobody won the buzz in time.
    const dead = withQuestion(state, { ...q, phase: 'revealed', outcome: 'dead', buzzDeadline: null });
    return accept(dead, [{ type: 'question-dead' }]);
  }
  if (q.phase === 'answering' && q.answerDeadline !== null && at >= q.answerDeadline && q.winner) {
    // B6: the answer countdown ran out; a timeout counts as wrong.
    return accept(ruleWrong(state, round, q, q.answerDeadline, 'timeout'), [{ type: 'ruled', seatId: q.winner, verdict: 'timeout' }]);
  }
  return null;
}

export function handleBuzz(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, command: BuzzCommand): Result {
  switch (command.type) {
    case 'buzzers:open':
      return openBuzzers(state, round, q, command.at, 'reading');
    case 'buzzers:reopen':
      return openBuzzers(state, round, q, command.at, 'wrong');
    case 'answer:rule':
      return rule(state, round, q, command.at, command.verdict);
    case 'answer:reveal':
      // B8: the host ends the question and shows the answer.
      if (q.phase !== 'reading' && q.phase !== 'wrong') return refuse(CommandError.WrongPhase);
      return accept(withQuestion(state, { ...q, phase: 'revealed', outcome: 'ended' }));
    case 'buzz:press':
      return pressBuzzer(state, round, q, command.at, command.seatId);
  }
}

/** B10: back to the ruled seat answering, with no countdown. Presses logged since stay (B14). */
export function restoreBuzzRuling(q: BuzzInQuestion, seatId: SeatId, wonAt: number | null): BuzzInQuestion {
  return {
    ...q,
    phase: 'answering',
    winner: seatId,
    wonAt,
    answerDeadline: null,
    buzzDeadline: null,
    outcome: null,
    out: q.out.filter((id) => id !== seatId),
  };
}

/** B1 and B7: open from `reading`, reopen for the rest from `wrong`. */
function openBuzzers(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, from: 'reading' | 'wrong'): Result {
  if (q.phase !== from) return refuse(CommandError.WrongPhase);
  if (state.definition.seats.every((s) => q.out.includes(s.id))) return refuse(CommandError.NoSeatLeft);
  return accept(
    withQuestion(state, { ...q, phase: 'open', buzzDeadline: at + round.rules.buzzWindowMs, winner: null, wonAt: null, answerDeadline: null }),
  );
}

/** B5 and B6, ruled by the host. */
function rule(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, verdict: 'right' | 'wrong'): Result {
  if (q.phase !== 'answering' || !q.winner) return refuse(CommandError.WrongPhase);
  const seatId = q.winner;
  if (verdict === 'wrong') return accept(ruleWrong(state, round, q, at, 'wrong'), [{ type: 'ruled', seatId, verdict }]);
  const points = questionPoints(round, q.index);
  const { state: scored, seq } = addEntry(state, { at, seatId, delta: points, reason: 'right' });
  const ended = withQuestion(scored, { ...q, phase: 'revealed', outcome: 'right', answerDeadline: null });
  return accept(rememberRuling(ended, seq, q.wonAt), [{ type: 'ruled', seatId, verdict }]);
}

/** F5: a question's own points, where it carries them, replace the round's right points. */
function questionPoints(round: BuzzInRound, index: number): number {
  return round.questions[index]?.points ?? round.rules.rightPoints;
}

function ruleWrong(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, reason: 'wrong' | 'timeout'): ContestState {
  const seatId = q.winner as SeatId;
  const { state: scored, seq } = addEntry(state, { at, seatId, delta: 0 - round.rules.wrongPoints, reason });
  const next = withQuestion(scored, { ...q, phase: 'wrong', answerDeadline: null, out: [...q.out, seatId] });
  return rememberRuling(next, seq, q.wonAt);
}

/** B2, B3, B14: judges one press at server time `at`; every press on a live question is logged. */
function pressBuzzer(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, seatId: SeatId): Result {
  if (!(seatId in state.scores)) return refuse(CommandError.UnknownSeat);
  if (q.phase === 'revealed') return refuse(CommandError.QuestionOver);
  if (q.out.includes(seatId)) return logged(state, q, at, seatId, { decision: 'locked-out' });
  if (q.phase === 'reading' || q.phase === 'wrong') return falseStart(state, round, q, at, seatId);
  if (q.phase === 'answering') return logged(state, q, at, seatId, { decision: 'late' });

  const lockedUntil = q.lockedUntil[seatId];
  if (lockedUntil !== undefined && at < lockedUntil) {
    // B2 lockout: a press inside the lockout restarts it.
    return lockout(state, round, q, at, seatId, 'locked-out');
  }
  const won: BuzzInQuestion = {
    ...q,
    phase: 'answering',
    winner: seatId,
    wonAt: at,
    answerDeadline: at + round.rules.answerTimeMs,
    buzzDeadline: null,
  };
  return withLog(state, won, at, seatId, { decision: 'won' }, [{ type: 'buzz-won', seatId }]);
}

function falseStart(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, seatId: SeatId): Result {
  const penalty = round.rules.falseStart;
  const events: ContestEvent[] = [{ type: 'false-start', seatId }];
  switch (penalty.kind) {
    case 'lockout':
      return lockout(state, round, q, at, seatId, 'false-start');
    case 'lose-question':
      return withLog(state, { ...q, out: [...q.out, seatId] }, at, seatId, { decision: 'false-start' }, events);
    case 'deduct': {
      // Out of the question at once, so only the first early press is ever fined.
      const { state: fined } = addEntry(state, { at, seatId, delta: 0 - penalty.points, reason: 'false-start' });
      return withLog(fined, { ...q, out: [...q.out, seatId] }, at, seatId, { decision: 'false-start' }, events);
    }
  }
}

function lockout(state: ContestState, round: BuzzInRound, q: BuzzInQuestion, at: number, seatId: SeatId, decision: BuzzDecision): Result {
  const ms = round.rules.falseStart.kind === 'lockout' ? round.rules.falseStart.ms : 0;
  const lockedUntil = at + ms;
  const next = { ...q, lockedUntil: { ...q.lockedUntil, [seatId]: lockedUntil } };
  const events: ContestEvent[] = decision === 'false-start' ? [{ type: 'false-start', seatId }] : [];
  return withLog(state, next, at, seatId, { decision, lockedUntil }, events);
}

function logged(state: ContestState, q: BuzzInQuestion, at: number, seatId: SeatId, buzz: BuzzOutcome): Result {
  return withLog(state, q, at, seatId, buzz, []);
}

function withLog(state: ContestState, q: BuzzInQuestion, at: number, seatId: SeatId, buzz: BuzzOutcome, events: ContestEvent[]): Result {
  const question = { ...q, buzzes: [...q.buzzes, { at, seatId, decision: buzz.decision }] };
  return { ok: true, state: { ...state, question }, events, buzz };
}
