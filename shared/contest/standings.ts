// The ranking (R1-R7): per stage raw points, normalised and weighted; the total; the configured
// tie-breaks for seats level on it; ranks shared by seats still level after them (1, 1, 3).
import { addPoints } from './ledger.js';
import { stageDivisor, stageScore } from './normalise.js';
import { roundHalfUp } from './rounding.js';
import { flatRounds } from './rounds.js';
import { buzzTallies, resolveTie, type TieFacts } from './tie-breaks.js';
import type { RankingRules, StageScore, TieBreak, TieRecord } from './ranking-types.js';
import type { ContestDefinition, ContestState, SeatId } from './types.js';

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

/** The contest's ranking rules, defaults filled in (R3: two decimals; no tie-breaks). */
export function rankingRulesOf(definition: ContestDefinition): RankingRules {
  return { decimals: definition.ranking?.decimals ?? 2, tieBreaks: definition.ranking?.tieBreaks ?? [] };
}

/** The ranking of every seat (in seat order, each with its rank), for every page that shows it. */
export function standings(state: ContestState): Standing[] {
  return ranking(state).standings;
}

/** R7: every group of seats that was level on the total, with each tie-break step's figures: the
 * record the export, the print page and the host console show. */
export function tieRecords(state: ContestState): TieRecord[] {
  return ranking(state).ties;
}

/** The last ranking worked out from each ledger, with what else it was worked out from. A
 * busy contest's views are rebuilt on every press, and a press changes none of these: the
 * state is immutable, so the same objects mean the same ranking. */
const rankings = new WeakMap<ContestState['ledger'], { from: readonly unknown[]; ranked: Ranking }>();

type Ranking = { standings: Standing[]; ties: TieRecord[] };

/** The standings and the tie records, worked out once for a page that needs both. */
export function ranking(state: ContestState): Ranking {
  const from = [state.definition, state.scores, state.falseStarts];
  const known = rankings.get(state.ledger);
  if (known && known.from.every((part, i) => part === from[i])) return known.ranked;
  const ranked = rankingOf(state);
  rankings.set(state.ledger, { from, ranked });
  return ranked;
}

function rankingOf(state: ContestState): Ranking {
  const { definition } = state;
  const { decimals, tieBreaks } = rankingRulesOf(definition);
  const raw = rawStageTotals(state);
  const divisors = definition.stages.map((stage, i) => stageDivisor(stage, definition, definition.seats.map((seat) => raw.get(seat.id)?.[i] ?? 0)));
  const rows: Standing[] = definition.seats.map((seat) => {
    const stages = definition.stages.map((stage, i) => stageScore(raw.get(seat.id)?.[i] ?? 0, divisors[i], stage.weight, decimals));
    // R3: the total is the sum of the rounded weighted scores, so the printed breakdown adds up.
    const weighted = roundHalfUp(stages.reduce((sum, s) => addPoints(sum, s.weighted), 0), decimals);
    return { seatId: seat.id, total: state.scores[seat.id] ?? 0, stages, weighted, rank: 0, decidedBy: null, tied: false };
  });
  const ties = placeSeats(state, rows, tieBreaks);
  return { standings: rows, ties };
}

/** R1: each seat's raw points per stage; a change made outside any round (in the lobby) counts
 * toward the first stage. */
function rawStageTotals(state: ContestState): Map<SeatId, number[]> {
  const { definition } = state;
  const stageOfRound = flatRounds(definition).map((r) => r.stageIndex);
  const perStage = new Map<SeatId, number[]>(definition.seats.map((s) => [s.id, definition.stages.map(() => 0)]));
  for (const entry of state.ledger) {
    const stage = (entry.round === null ? null : stageOfRound[entry.round]) ?? 0;
    const row = perStage.get(entry.seatId);
    if (row) row[stage] = addPoints(row[stage], entry.delta);
  }
  return perStage;
}

/** R5-R7: sets each row's rank, decidedBy and tied; returns the record of every level group.
 * Ranks are read off the sorted order (not by counting per seat, which grows with the square of
 * the seats: every view carries the standings). */
function placeSeats(state: ContestState, rows: Standing[], tieBreaks: readonly TieBreak[]): TieRecord[] {
  const byId = new Map(rows.map((row) => [row.seatId, row]));
  const sorted = [...rows].sort((a, b) => b.weighted - a.weighted);
  const factsOf = tieFacts(state, byId);
  const ties: TieRecord[] = [];
  let position = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end].weighted === sorted[start].weighted) end++;
    const level = sorted.slice(start, end).map((row) => row.seatId);
    const places = level.length === 1 ? [level] : settle(level, tieBreaks, factsOf, byId, ties);
    for (const place of places) {
      for (const id of place) {
        const row = byId.get(id) as Standing;
        row.rank = position + 1;
        row.tied = place.length > 1;
      }
      position += place.length;
    }
    start = end;
  }
  return ties;
}

function settle(level: SeatId[], tieBreaks: readonly TieBreak[], factsOf: (id: SeatId) => TieFacts, byId: Map<SeatId, Standing>, ties: TieRecord[]): SeatId[][] {
  const resolved = resolveTie(level, tieBreaks, factsOf);
  for (const [id, rule] of resolved.decidedBy) (byId.get(id) as Standing).decidedBy = rule;
  ties.push(resolved.record);
  return resolved.places;
}

/** What the tie-breaks read of each seat, worked out only if some seats are level. */
function tieFacts(state: ContestState, byId: Map<SeatId, Standing>): (seatId: SeatId) => TieFacts {
  let tallies: ReturnType<typeof buzzTallies> | null = null;
  const stageIds = state.definition.stages.map((stage) => stage.id);
  return (seatId) => {
    tallies ??= buzzTallies(state);
    const row = byId.get(seatId);
    return {
      stages: new Map(stageIds.map((id, i) => [id, row?.stages[i]?.weighted ?? 0])),
      buzzRight: tallies.get(seatId)?.buzzRight ?? 0,
      wrongBuzzes: tallies.get(seatId)?.wrongBuzzes ?? 0,
      falseStarts: state.falseStarts[seatId] ?? 0,
    };
  };
}
