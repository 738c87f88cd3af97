// What the host and the screen see of the prizes and the ceremony (AW7): the host everything, the
// screen only the tiers already revealed, so no one opening the screen's page learns a prize early.
import { awardStep, contestPrizes, rankingOrder, tierRevealed, type BoundaryTie } from './awards.js';
import type { AwardsView } from './ranking-types.js';
import type { Standing } from './standings.js';
import type { ContestState, SeatId } from './types.js';
import type { AwardsSight } from './sight.js';

/** The ceremony as pages get it: the contract's view, plus the host's boundary ties with their
 * decisions (empty for the screen), and who the host decided for. */
export interface AwardsViewOf extends AwardsView {
  /** As the contract's, with each tier's places (by count) or minimum total (by threshold). */
  tiers: { name: string; seats: SeatId[]; count?: number; minTotal?: number }[];
  /** Every boundary tie the host decides (AW3), decided or not. */
  ties: BoundaryTie[];
  /** The host's decisions in force, by seat (null: no prize). */
  decided: Record<SeatId, number | null>;
}


/** The ceremony's view for `sight`, or null before the contest is finished or without prizes. */
export function awardsView(state: ContestState, rows: readonly Standing[], sight: AwardsSight): AwardsViewOf | null {
  const rules = state.definition.awards;
  const list = sight !== 'none' && state.stage === 'finished' ? contestPrizes(state, rows) : null;
  if (!rules || !list) return null;
  const step = awardStep(state);
  const order = new Map(rankingOrder(rows).map((row, i) => [row.seatId, i]));
  const shows = (tier: number) => sight === 'all' || tierRevealed(rules.tiers.length, tier, step);
  const tiers = rules.tiers.map((tier, i) => ({
    name: tier.name,
    ...(tier.count !== undefined && { count: tier.count }),
    ...(tier.minTotal !== undefined && { minTotal: tier.minTotal }),
    seats: shows(i)
      ? list.prizes
          .filter((p) => p.tier === i)
          .map((p) => p.seatId)
          .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      : [],
  }));
  const ties = sight === 'all' ? list.ties : [];
  const pending = ties.filter((tie) => list.prizes.some((p) => p.pending && tie.seats.includes(p.seatId))).map(({ seats, tiers: may }) => ({ seats, tiers: may }));
  const decided = sight === 'all' ? Object.fromEntries(list.prizes.filter((p) => p.byHost).map((p) => [p.seatId, p.tier])) : {};
  return { step, tiers, pending, ties, decided };
}

/** AW7: a phone's own prize, by name, once the big screen has revealed its tier; null before, and
 * for a seat without one. */
export function ownPrize(state: ContestState, rows: readonly Standing[], seatId: SeatId): string | null {
  const rules = state.definition.awards;
  const prize = rules && state.stage === 'finished' ? contestPrizes(state, rows)?.prizes.find((p) => p.seatId === seatId) : null;
  if (!rules || !prize || prize.tier === null || !tierRevealed(rules.tiers.length, prize.tier, awardStep(state))) return null;
  return rules.tiers[prize.tier].name;
}
