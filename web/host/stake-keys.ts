// The host's stake picks in a risk round (代选, RK2, RK4): one button and one digit key per stake
// (1 for the first, 2 for the second...), 0 to pass; usable when the engine would take a pick now.
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestView } from '../../shared/contest/views.js';
import { stakeForKey } from '../lib/risk-display.js';
import { isTypingTarget, type KeyLike } from './controls.js';

export interface StakePick {
  /** The stake, or null for a pass. */
  stake: number | null;
  /** The key cap: 1, 2, 3... or 0. */
  key: string;
  command: HostCommand;
}

/** Every pick the round offers, in the order of its stakes, the pass last when it is allowed. */
export function stakePicks(view: Pick<ContestView, 'round'> | null): StakePick[] {
  const round = view?.round;
  if (round?.kind !== 'risk') return [];
  const picks: StakePick[] = round.stakes.map((stake, i) => ({ stake, key: String(i + 1), command: { type: 'stake:choose', stake } }));
  return round.allowPass ? [...picks, { stake: null, key: '0', command: { type: 'stake:choose', stake: null } }] : picks;
}

/** Whether the host may pick now: the engine says so (choosing, or reading before the countdown). */
export function mayPickStake(view: Pick<ContestView, 'allowed' | 'closed'> | null, online = true): boolean {
  return !!view && online && !view.closed && (view.allowed ?? []).includes('stake:choose');
}

/** The pick a key press means in a risk round, or null (another key, typing, a modifier, a held key). */
export function stakeCommandForKey(event: KeyLike, view: Pick<ContestView, 'round'> | null): HostCommand | null {
  const round = view?.round;
  if (round?.kind !== 'risk') return null;
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing || isTypingTarget(event.target)) return null;
  const stake = stakeForKey(event.code, round.stakes, round.allowPass);
  return stake === undefined ? null : { type: 'stake:choose', stake };
}
