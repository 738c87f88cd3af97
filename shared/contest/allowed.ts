// Which host commands the engine would accept now, so the host console greys out the others
// instead of re-encoding the rules: the show's own commands here, each round kind's from its
// `allowed` hook (KINDS).
// Arguments are the console's own: the leaderboard toggles, an award goes to a tied seat, added
// time is any positive amount, a seat is one the contest has.
import type { HostCommand, SwapCommand } from './commands.js';
import { allowedRoundCommands, inPlay } from './engine.js';
import { questionRules } from './kinds.js';
import { REFUSED_WHILE_PAUSED } from './show.js';
import type { ContestState } from './types.js';
import { allowedAwardSteps } from './awards.js';

/** A command the host console can send: the host's commands, and the swap it asks the server for. */
export type HostAction = HostCommand['type'] | SwapCommand['type'];

/** Every command the engine would accept from the host in `state`, as the room holds it: every
 * deadline due by now has been applied (the room ticks at each, D1), so each one left is ahead. */
export function allowedCommands(state: ContestState): HostAction[] {
  const allowed: HostAction[] = [...showAllowed(state), ...allowedRoundCommands(state)];
  // K2: nothing opens, starts or moves on while paused.
  return state.pausedAt === null ? allowed : allowed.filter((type) => !REFUSED_WHILE_PAUSED.has(type));
}

/** The show's commands, whatever the round (F1, F2, F4, B10, B11, K1-K9, L1, S2, S3). */
function showAllowed(state: ContestState): HostAction[] {
  const q = state.question;
  const allowed: HostAction[] = ['score:adjust', 'seats:lock'];
  if (state.seatsLocked) allowed.push('seat:admit');
  // L1: the leaderboard comes down at any time, and goes up between questions.
  if (state.standingsShown || !inPlay(q)) allowed.push('standings:show');
  if (state.rulings.length > 0 && (!q || questionRules(q).mayUndo(q))) allowed.push('ruling:undo');
  if (state.pausedAt !== null) allowed.push('show:resume');
  if (state.stage === 'finished') return [...allowed, ...awardsAllowed(state)];
  if (state.stage === 'round' && state.pausedAt === null) allowed.push('show:pause');
  if (!inPlay(q)) allowed.push('question:next');
  if (!q) return allowed;
  if (q.phase === 'reading') allowed.push('question:swap');
  // K5: any amount of time, to a countdown still ahead (as of before all of them: see above).
  if (questionRules(q).extend(q, state.pausedAt ?? Number.NEGATIVE_INFINITY, 1) !== null) allowed.push('countdown:extend');
  // K8, K9: a seat's own time only while answers are open, before the key is out.
  if (q.kind === 'all-at-once' && q.phase === 'answering' && q.answerDeadline !== null) allowed.push('answers:extend-seat');
  return allowed;
}

/** AW4, AW6: deciding a boundary tie, stepping the ceremony. */
function awardsAllowed(state: ContestState): HostAction[] {
  const { forward, back, decide } = allowedAwardSteps(state);
  return [...(forward || back ? ['awards:step' as const] : []), ...(decide ? ['awards:decide' as const] : [])];
}
