// R5-R7: seats level on the weighted total are set apart by the contest's configured tie-breaks,
// in order; seats still level after the last share their rank (never set apart by seat order).
import { flatRounds } from './rounds.js';
import type { TieBreak, TieRecord } from './ranking-types.js';
import type { ContestState, SeatId } from './types.js';

/** What every tie-break reads of a seat; `stages` is its weighted score per stage id. */
export interface TieFacts {
  stages: ReadonlyMap<string, number>;
  buzzRight: number;
  wrongBuzzes: number;
  falseStarts: number;
}

/** R6: each seat's buzz-in tallies: rulings an undo reversed are not counted (B10). */
export function buzzTallies(state: ContestState): Map<SeatId, { buzzRight: number; wrongBuzzes: number }> {
  const kinds = flatRounds(state.definition).map((place) => place.round.kind);
  const tallies = new Map(state.definition.seats.map((s) => [s.id, { buzzRight: 0, wrongBuzzes: 0 }]));
  for (const entry of state.ledger) {
    const tally = tallies.get(entry.seatId);
    if (!tally || entry.undone || entry.round === null || kinds[entry.round] !== 'buzz-in') continue;
    if (entry.reason === 'right') tally.buzzRight++;
    else if (entry.reason === 'wrong' || entry.reason === 'timeout') tally.wrongBuzzes++;
  }
  return tallies;
}

/** R6: a seat's value under one tie-break, signed so that higher is always better. */
function better(rule: TieBreak, facts: TieFacts): number {
  switch (rule.by) {
    case 'stage':
      return facts.stages.get(rule.stageId) ?? 0;
    case 'buzz-right':
      return facts.buzzRight;
    case 'wrong-buzzes':
      return 0 - facts.wrongBuzzes;
    case 'false-starts':
      return 0 - facts.falseStarts;
  }
}

/** R6's figure as the record prints it: the count itself (fewer wins), not its signed form. */
function shown(rule: TieBreak, facts: TieFacts): number {
  return rule.by === 'wrong-buzzes' ? facts.wrongBuzzes : rule.by === 'false-starts' ? facts.falseStarts : better(rule, facts);
}

/** How one group of seats level on the total came out: their order (groups still level share a
 * place), what set each seat apart, and the record of every step taken. */
export interface Resolved {
  /** Best first; seats in one inner list are still level after every step (R7). */
  places: SeatId[][];
  decidedBy: Map<SeatId, TieBreak>;
  record: TieRecord;
}

/** R5-R7: applies the tie-breaks in order to seats level on the total. A step compares only the
 * seats still level with each other; a seat alone in its place is decided by that step. */
export function resolveTie(seats: readonly SeatId[], tieBreaks: readonly TieBreak[], facts: (seatId: SeatId) => TieFacts): Resolved {
  let places: SeatId[][] = [[...seats]];
  const decidedBy = new Map<SeatId, TieBreak>();
  const steps: TieRecord['steps'] = [];
  for (const rule of tieBreaks) {
    const level = places.filter((place) => place.length > 1);
    if (!level.length) break;
    const values = Object.fromEntries(level.flat().map((id) => [id, shown(rule, facts(id))]));
    steps.push({ rule, values });
    places = places.flatMap((place) => {
      if (place.length === 1) return [place];
      const split = splitBy(place, (id) => better(rule, facts(id)));
      if (split.length > 1) for (const part of split) if (part.length === 1) decidedBy.set(part[0], rule);
      return split;
    });
  }
  return { places, decidedBy, record: { seats: [...seats], steps, settled: places.every((place) => place.length === 1) } };
}

/** Seats grouped by equal value, higher first; each group keeps the seats' order as given. */
function splitBy(seats: readonly SeatId[], value: (id: SeatId) => number): SeatId[][] {
  const byValue = new Map<number, SeatId[]>();
  for (const id of seats) {
    const v = value(id);
    byValue.set(v, [...(byValue.get(v) ?? []), id]);
  }
  return [...byValue.entries()].sort(([a], [b]) => b - a).map(([, ids]) => ids);
}
