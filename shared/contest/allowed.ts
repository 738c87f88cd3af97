// Which host commands the engine would accept now, so the host console greys out the others
// instead of re-encoding the rules: the show's own commands here, each round kind's from its module.
// Arguments are the console's own: the leaderboard toggles, an award goes to a tied seat, added
// time is any positive amount, a seat is one the contest has.
import type { HostCommand, SwapCommand } from './commands.js';
import { inPlay } from './engine.js';
import { currentRound } from './rounds.js';
import { REFUSED_WHILE_PAUSED } from './show.js';
import type { ContestState, QuestionState, Round } from './types.js';

/** A command the host console can send: the host's commands, and the swap it asks the server for. */
export type HostAction = HostCommand['type'] | SwapCommand['type'];

/** Every command the engine would accept from the host in `state`, as of the instant it was last
 * changed (deadlines due by then have been applied). */
export function allowedCommands(state: ContestState): HostAction[] {
  const allowed = new Set<HostAction>([...showAllowed(state), ...roundAllowed(state)]);
  // K2: nothing opens, starts or moves on while paused.
  if (state.pausedAt !== null) for (const type of REFUSED_WHILE_PAUSED) allowed.delete(type as HostAction);
  return [...allowed];
}

/** The show's commands, whatever the round (F1, F2, F4, B10, B11, K1-K9, L1, S2, S3). */
function showAllowed(state: ContestState): HostAction[] {
  const q = state.question;
  const allowed: HostAction[] = ['score:adjust', 'seats:lock'];
  if (state.seatsLocked) allowed.push('seat:admit');
  // L1: the leaderboard comes down at any time, and goes up between questions.
  if (state.standingsShown || !inPlay(q)) allowed.push('standings:show');
  // B10: not while a press waits for its decision (P3).
  if (state.rulings.length > 0 && !(q?.kind === 'buzz-in' && q.decideAt !== null)) allowed.push('ruling:undo');
  if (state.pausedAt !== null) allowed.push('show:resume');
  if (state.stage === 'finished') return allowed;
  if (state.stage === 'round' && state.pausedAt === null) allowed.push('show:pause');
  if (!inPlay(q)) allowed.push('question:next');
  if (q?.phase === 'reading') allowed.push('question:swap');
  if (q && countdownRunning(q)) allowed.push('countdown:extend');
  if (q?.kind === 'all-at-once' && q.phase === 'answering') allowed.push('answers:extend-seat');
  return allowed;
}

/** K5: a countdown the host can add time to. Deadlines already due were applied, so a deadline
 * still in the state is still running. */
function countdownRunning(q: QuestionState): boolean {
  switch (q.kind) {
    case 'buzz-in':
      return (q.phase === 'open' && q.buzzDeadline !== null) || (q.phase === 'answering' && q.answerDeadline !== null);
    case 'in-turn':
    case 'all-at-once':
      return q.phase === 'answering' && q.answerDeadline !== null;
  }
}

/** The round kind's own commands for the question in play. */
function roundAllowed(state: ContestState): HostAction[] {
  const q = state.question;
  const round = currentRound(state);
  if (!q || !round) return [];
  return kindAllowed(state, round, q);
}

function kindAllowed(state: ContestState, round: Round, q: QuestionState): HostAction[] {
  if (q.kind === 'buzz-in' && round.kind === 'buzz-in') {
    const allowed: HostAction[] = [];
    const seatsLeft = state.definition.seats.some((s) => !q.out.includes(s.id));
    const tieRule = 'tieRule' in round.rules.fairness ? round.rules.fairness.tieRule : 'arrival';
    if (seatsLeft && (q.phase === 'reading' || (q.phase === 'tied' && tieRule === 'rebuzz'))) allowed.push('buzzers:open');
    if (seatsLeft && q.phase === 'wrong') allowed.push('buzzers:reopen');
    if (q.phase === 'tied' && tieRule === 'host' && q.tied.length > 0) allowed.push('buzz:award');
    if (q.phase === 'answering' && q.winner) allowed.push('answer:rule');
    if (q.phase === 'reading' || q.phase === 'wrong' || q.phase === 'tied') allowed.push('answer:reveal');
    return allowed;
  }
  if (q.kind === 'in-turn' && round.kind === 'in-turn') {
    const allowed: HostAction[] = ['turn:repeat'];
    if (q.phase === 'reading') allowed.push('turn:start');
    if (q.phase !== 'revealed') allowed.push('answer:rule', 'turn:skip', 'answer:reveal');
    return allowed;
  }
  if (q.kind === 'all-at-once' && round.kind === 'all-at-once') {
    if (q.phase === 'reading') return ['answers:open'];
    if (q.phase === 'answering') return ['answer:reveal'];
  }
  return [];
}
