// Totals for the scoreboard and the final ranking: per stage, and weighted by each stage's weight.
import { addPoints } from './ledger.js';
import { flatRounds } from './rounds.js';
import type { StageScore, TieBreak } from './ranking-types.js';
import type { ContestState, SeatId } from './types.js';

export interface Standing {
  seatId: SeatId;
  /** Sum of every score change. */
  total: number;
  /** Per stage, in stage order: raw points, normalised, weighted. */
  stages: StageScore[];
  /** Σ of the stages' weighted scores: what the final ranking orders by (R1). */
  weighted: number;
  /** 1-based; seats still level after every tie-break share a rank. */
  rank: number;
  /** The tie-break that set this seat apart from the seats level with it on the total, or null. */
  decidedBy: TieBreak | null;
  /** Level with another seat after every tie-break: shown as a tie. */
  tied: boolean;
}

export function standings(state: ContestState): Standing[] {
  const { definition } = state;
  const stageOfRound = flatRounds(definition).map((r) => r.stageIndex);
  const perStage = new Map<SeatId, number[]>(definition.seats.map((s) => [s.id, definition.stages.map(() => 0)]));
  for (const entry of state.ledger) {
    const stage = entry.round === null ? null : stageOfRound[entry.round];
    const row = perStage.get(entry.seatId);
    // A change made outside any round (in the lobby) counts toward the first stage.
    if (row) row[stage ?? 0] = addPoints(row[stage ?? 0], entry.delta);
  }
  const rows = definition.seats.map((seat) => {
    const stages = perStage.get(seat.id) ?? [];
    const weighted = round2(stages.reduce((sum, points, i) => sum + points * (definition.stages[i]?.weight ?? 1), 0));
    const scores = stages.map((raw, i) => ({ raw, normalised: raw, weighted: round2(raw * (definition.stages[i]?.weight ?? 1)) }));
    return { seatId: seat.id, total: state.scores[seat.id] ?? 0, stages: scores, weighted, rank: 0, decidedBy: null, tied: false };
  });
  // Rank = 1 + how many seats are strictly ahead, read off the sorted order (not by counting per
  // seat, which grows with the square of the seats: every view carries the standings).
  const sorted = [...rows].sort((a, b) => b.weighted - a.weighted);
  sorted.forEach((row, i) => (row.rank = i > 0 && sorted[i - 1].weighted === row.weighted ? sorted[i - 1].rank : i + 1));
  return rows;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
