// Running the show (控场): pause and resume every countdown, add time to the running ones, give
// one seat its own later deadline. Rules K1-K9 of RULES.md.
import { CommandError, type Command } from './commands.js';
import { accept, isSeat, refuse, withQuestion, type Result } from './result.js';
import { questionRules } from './kinds.js';
import type { ContestState, QuestionState } from './types.js';

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
  // J6: calling a seat up starts its preparation or speaking timer.
  'speech:start',
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
  return questionRules(q).shift(q, after, ms);
}

/** K5: the countdowns running at `now` get `ms` more; null if none is running. */
function extendCountdowns(q: QuestionState, now: number, ms: number): QuestionState | null {
  return questionRules(q).extend(q, now, ms);
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
