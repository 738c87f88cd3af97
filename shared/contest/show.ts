// Running the show (控场): pause and resume every countdown, add time to the running ones, give
// one seat its own later deadline. Rules K1-K9 of RULES.md.
import { CommandError, type Command } from './commands.js';
import { accept, isSeat, refuse, withQuestion, type Result } from './result.js';
import type { AllAtOnceQuestion, ContestState, QuestionState } from './types.js';

type ShowCommand = Extract<Command, { type: 'show:pause' | 'show:resume' | 'countdown:extend' | 'answers:extend-seat' }>;

/** K2: commands that would press, answer, open or start something wait for the show to resume. */
export const REFUSED_WHILE_PAUSED: ReadonlySet<Command['type']> = new Set([
  'buzz:press',
  'answer:submit',
  'buzzers:open',
  'buzzers:reopen',
  // P5: awarding a tie starts the winner's answer countdown.
  'buzz:award',
  'turn:start',
  'answers:open',
  'question:next',
]);

/** K1, K3, K5, K8: the host's commands over the show's time. */
export function handleShow(state: ContestState, command: ShowCommand): Result {
  switch (command.type) {
    case 'show:pause':
      // K1: in the lobby there is nothing to pause, and a first command would fix the settings.
      if (state.stage === 'finished') return refuse(CommandError.ContestFinished);
      if (state.stage === 'lobby') return refuse(CommandError.WrongPhase);
      if (state.pausedAt !== null) return refuse(CommandError.Paused);
      return accept({ ...state, pausedAt: command.at }, [{ type: 'show-paused' }]);
    case 'show:resume': {
      // K3: every deadline still ahead at the pause moves on by the paused time.
      if (state.pausedAt === null) return refuse(CommandError.NotPaused);
      const pausedMs = command.at - state.pausedAt;
      const q = state.question && shiftDeadlines(state.question, state.pausedAt, pausedMs);
      return accept({ ...state, pausedAt: null, question: q }, [{ type: 'show-resumed', pausedMs }]);
    }
    case 'countdown:extend': {
      // K5
      const q = state.question;
      const now = state.pausedAt ?? command.at;
      const extended = q && extendCountdowns(q, now, command.ms);
      if (!extended) return refuse(CommandError.NoCountdown);
      return accept(withQuestion(state, extended), [{ type: 'countdown-extended', ms: command.ms }]);
    }
    case 'answers:extend-seat':
      return extendSeat(state, command.seatId, command.ms, state.pausedAt ?? command.at);
  }
}

/** Moves every deadline of the question later than `after` by `ms` (K3). */
function shiftDeadlines(q: QuestionState, after: number, ms: number): QuestionState {
  const shift = (t: number | null) => (t !== null && t > after ? t + ms : t);
  switch (q.kind) {
    case 'buzz-in':
      return {
        ...q,
        buzzDeadline: shift(q.buzzDeadline),
        decideAt: shift(q.decideAt),
        answerDeadline: shift(q.answerDeadline),
        // A lockout that had ended before the pause stays ended.
        lockedUntil: Object.fromEntries(Object.entries(q.lockedUntil).map(([seatId, until]) => [seatId, shift(until) as number])),
      };
    case 'in-turn':
      return { ...q, answerDeadline: shift(q.answerDeadline) };
    case 'all-at-once':
      return { ...q, answerDeadline: shift(q.answerDeadline), seatDeadlines: shiftSeatDeadlines(q, after, ms) };
  }
}

function shiftSeatDeadlines(q: AllAtOnceQuestion, after: number, ms: number): Record<string, number> {
  return Object.fromEntries(Object.entries(q.seatDeadlines).map(([seatId, t]) => [seatId, t > after ? t + ms : t]));
}

/** K5: the countdowns running at `now` get `ms` more; null if none is running. The decision
 * instant (P4) and false-start lockouts (B2) are not countdowns the host can lengthen. */
function extendCountdowns(q: QuestionState, now: number, ms: number): QuestionState | null {
  const running = (t: number | null): t is number => t !== null && t > now;
  switch (q.kind) {
    case 'buzz-in':
      if (q.phase === 'open' && running(q.buzzDeadline)) return { ...q, buzzDeadline: q.buzzDeadline + ms };
      if (q.phase === 'answering' && running(q.answerDeadline)) return { ...q, answerDeadline: q.answerDeadline + ms };
      return null;
    case 'in-turn':
      return q.phase === 'answering' && running(q.answerDeadline) ? { ...q, answerDeadline: q.answerDeadline + ms } : null;
    case 'all-at-once': {
      if (q.phase !== 'answering') return null;
      const seatsRunning = Object.values(q.seatDeadlines).some(running);
      if (!running(q.answerDeadline) && !seatsRunning) return null;
      // Everyone still answering gets the time; a seat whose own deadline has passed does not.
      return { ...q, answerDeadline: running(q.answerDeadline) ? q.answerDeadline + ms : q.answerDeadline, seatDeadlines: shiftSeatDeadlines(q, now, ms) };
    }
  }
}

/** K8, K9: one seat answers until its own later deadline, reopened for it if it had passed. */
function extendSeat(state: ContestState, seatId: string, ms: number, now: number): Result {
  const q = state.question;
  if (!q) return refuse(state.stage === 'finished' ? CommandError.ContestFinished : CommandError.NotInQuestion);
  if (q.kind !== 'all-at-once') return refuse(CommandError.WrongRoundKind);
  if (!isSeat(state, seatId)) return refuse(CommandError.UnknownSeat);
  if (q.phase === 'revealed') return refuse(CommandError.KeyRevealed);
  if (q.phase !== 'answering' || q.answerDeadline === null) return refuse(CommandError.WrongPhase);
  const own = q.seatDeadlines[seatId] ?? q.answerDeadline;
  const seatDeadlines = { ...q.seatDeadlines, [seatId]: Math.max(own, now) + ms };
  return accept(withQuestion(state, { ...q, seatDeadlines }), [{ type: 'countdown-extended', ms, seatId }]);
}
