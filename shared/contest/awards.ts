// Prizes (获奖) from the final ranking and the contest's prize tiers, and the award ceremony the
// host steps through on the big screen. Pure, like the rest of the engine: rules AW1-AW7 of RULES.md.
import { CommandError, type CommandOf } from './commands.js';
import { accept, isSeat, refuse, type Result } from './result.js';
import { standings, type Standing } from './standings.js';
import type { AwardRules, AwardsState, Prize } from './ranking-types.js';
import type { ContestState, SeatId } from './types.js';

/** Seats level (same rank) across a count boundary, under `boundaryTie: 'host'` (AW3): each
 * gets one of `tiers` (indices, highest first), or no prize when `noPrize`, as the host decides. */
export interface BoundaryTie {
  seats: SeatId[];
  tiers: number[];
  noPrize: boolean;
}

/** A seat's prize; `pending`: a boundary tie the host has not decided yet (tier null meanwhile). */
export interface SeatPrize extends Prize {
  pending: boolean;
}

/** Every seat's prize in ranking order, and the boundary ties the host decides (decided or not). */
export interface PrizeList {
  prizes: SeatPrize[];
  ties: BoundaryTie[];
}

/** The ranking in order: by rank, and within a shared rank by the contest's seat order. */
export function rankingOrder(rows: readonly Standing[]): Standing[] {
  return rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.rank - b.row.rank || a.i - b.i).map(({ row }) => row);
}

/** AW1-AW3: who gets which prize, from the standings, the rules and the host's decisions. */
export function prizesOf(rules: AwardRules, rows: readonly Standing[], decisions: Readonly<Record<SeatId, number | null>> = {}): PrizeList {
  const ordered = rankingOrder(rows);
  if (rules.by === 'threshold') {
    // AW2: the highest tier whose minimum the weighted total reaches; equal totals, equal prizes.
    const tierOf = (total: number) => rules.tiers.findIndex((t) => total >= (t.minTotal ?? Number.POSITIVE_INFINITY));
    return { prizes: ordered.map((row) => ({ seatId: row.seatId, tier: orNull(tierOf(row.weighted)), byHost: false, pending: false })), ties: [] };
  }
  // AW1: tier i takes the places after the tiers above it, by their counts added up.
  const ends: number[] = [];
  rules.tiers.reduce((sum, t) => (ends.push(sum + (t.count ?? 0)), sum + (t.count ?? 0)), 0);
  const tierAtPlace = (place: number) => orNull(ends.findIndex((end) => place <= end));
  const prizes: SeatPrize[] = [];
  const ties: BoundaryTie[] = [];
  for (let start = 0; start < ordered.length; ) {
    let end = start;
    while (end + 1 < ordered.length && ordered[end + 1].rank === ordered[start].rank) end++;
    const group = ordered.slice(start, end + 1).map((row) => row.seatId);
    const top = tierAtPlace(start + 1);
    const bottom = tierAtPlace(end + 1);
    if (top === bottom || rules.boundaryTie === 'higher' || top === null) {
      // AW3 `higher`: the whole group gets the prize of its first place; the boundaries below stay.
      for (const seatId of group) prizes.push({ seatId, tier: top, byHost: false, pending: false });
    } else {
      const last = bottom ?? rules.tiers.length - 1;
      const tie: BoundaryTie = { seats: group, tiers: range(top, last), noPrize: bottom === null };
      ties.push(tie);
      for (const seatId of group) {
        const decided = Object.hasOwn(decisions, seatId) && mayGet(tie, decisions[seatId]);
        prizes.push({ seatId, tier: decided ? decisions[seatId] : null, byHost: decided, pending: !decided });
      }
    }
    start = end + 1;
  }
  return { prizes, ties };
}

/** The contest's prizes now, or null when its file gives none. */
export function contestPrizes(state: ContestState, rows: readonly Standing[] = standings(state)): PrizeList | null {
  const rules = state.definition.awards;
  return rules ? prizesOf(rules, rows, state.awards?.decisions) : null;
}

/** The ceremony's step: -1 before it is put on the big screen (AW5). */
export function awardStep(state: ContestState): number {
  return state.awards?.step ?? -1;
}

/** AW5: whether tier `tier` (0 = highest) is on the big screen at `step`: the lowest first. */
export function tierRevealed(tiers: number, tier: number, step: number): boolean {
  return step >= 1 && tier >= tiers - Math.min(step, tiers);
}

/** AW4, AW6: the host's award commands. */
export function handleAwards(state: ContestState, command: CommandOf<'awards:decide' | 'awards:step'>): Result {
  const rules = state.definition.awards;
  if (!rules) return refuse(CommandError.NoAwards);
  if (state.stage !== 'finished') return refuse(CommandError.NotFinished);
  const list = prizesOf(rules, standings(state), state.awards?.decisions);
  const awards: AwardsState = state.awards ?? { step: -1, decisions: {} };
  if (command.type === 'awards:decide') {
    if (!isSeat(state, command.seatId)) return refuse(CommandError.UnknownSeat);
    const tie = list.ties.find((t) => t.seats.includes(command.seatId));
    if (!tie) return refuse(CommandError.AwardNotPending);
    if (!mayGet(tie, command.tier)) return refuse(CommandError.AwardTierNotAllowed);
    if (tie.tiers.some((t) => tierRevealed(rules.tiers.length, t, awards.step))) return refuse(CommandError.AwardRevealed);
    return accept({ ...state, awards: { ...awards, decisions: { ...awards.decisions, [command.seatId]: command.tier } } });
  }
  const { step } = command;
  if (!Number.isInteger(step) || Math.abs(step - awards.step) !== 1 || step < -1 || step > rules.tiers.length + 1) return refuse(CommandError.BadAwardStep);
  if (step > awards.step && list.prizes.some((p) => p.pending)) return refuse(CommandError.AwardsUndecided);
  // L2: like moving on, a step takes the leaderboard down, so the reveal is never hidden behind it.
  return accept({ ...state, standingsShown: false, awards: { ...awards, step } });
}

/** Which steps the host may take now, for the console's keys (V4). */
export function allowedAwardSteps(state: ContestState): { forward: boolean; back: boolean; decide: boolean } {
  const rules = state.definition.awards;
  if (!rules || state.stage !== 'finished') return { forward: false, back: false, decide: false };
  const list = prizesOf(rules, standings(state), state.awards?.decisions);
  const step = awardStep(state);
  return {
    forward: step <= rules.tiers.length && !list.prizes.some((p) => p.pending),
    back: step > -1,
    decide: list.ties.some((tie) => !tie.tiers.some((t) => tierRevealed(rules.tiers.length, t, step))),
  };
}

function mayGet(tie: BoundaryTie, tier: number | null | undefined): boolean {
  return tier === null ? tie.noPrize : tier !== undefined && tie.tiers.includes(tier);
}

const orNull = (index: number) => (index < 0 ? null : index);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
