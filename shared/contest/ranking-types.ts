// The final ranking as organisers must defend it (申诉): each stage's raw points normalised and
// weighted (R-rules in RULES.md), a configured list of tie-breaks, and prize tiers revealed on
// the big screen. Plain serialisable values, like types.ts (which imports this file).
type SeatId = string;

/** How a stage's raw total becomes comparable with the others before its weight applies:
 * `none` as it is; `max` to 100 by the most points a seat could earn in the stage; `best` to
 * 100 by the best seat's total in the stage. */
export type Normalise = 'none' | 'max' | 'best';

/** One step of the configured tie-break list, applied in order to seats level on the total. */
export type TieBreak =
  /** Higher weighted points in the named stage (by the stage's id in the contest file). */
  | { by: 'stage'; stageId: string }
  /** More right answers in buzz-in rounds. */
  | { by: 'buzz-right' }
  /** Fewer wrong answers after winning a buzz. */
  | { by: 'wrong-buzzes' }
  /** Fewer false starts (提前抢答). */
  | { by: 'false-starts' };

/** The contest file's `ranking`: absent means no normalisation, two decimals, no tie-breaks. */
export interface RankingRules {
  /** Decimals of the normalised, weighted and total scores, rounded half up; the total is the
   * sum of the rounded weighted scores, so a printed breakdown adds up. */
  decimals: number;
  tieBreaks: TieBreak[];
}

/** A seat's result in one stage: the points it earned, normalised, then weighted. */
export interface StageScore {
  raw: number;
  normalised: number;
  weighted: number;
}

/** Seats that were level on the total, and what each tie-break found, in order: the record the
 * export and the print page carry. `settled: false` means they are still level after every step,
 * and they are shown as a tie (never broken silently by seat order). */
export interface TieRecord {
  seats: SeatId[];
  steps: { rule: TieBreak; values: Record<SeatId, number> }[];
  settled: boolean;
}

/** One prize tier (一等奖...), highest first in the contest file. `count`: how many seats it
 * takes down the ranking; `minTotal`: the weighted total a seat needs (by threshold). */
export interface PrizeTier {
  name: string;
  count?: number;
  minTotal?: number;
}

/** The contest file's `awards`. */
export interface AwardRules {
  by: 'count' | 'threshold';
  tiers: PrizeTier[];
  /** Seats level across a count boundary: `higher` all get the higher prize; `host` the host
   * decides on the console, and the decision is recorded in the log. */
  boundaryTie: 'higher' | 'host';
}

/** A seat's prize: the tier's index in `AwardRules.tiers`, or null for none. */
export interface Prize {
  seatId: SeatId;
  tier: number | null;
  /** The host decided it (a boundary tie with `boundaryTie: 'host'`). */
  byHost: boolean;
}

/** Where the award ceremony on the big screen is: `step` 0 is the title card, step k (1..n)
 * has revealed the k lowest tiers (lowest prize first), n + 1 is the podium. */
export interface AwardsState {
  step: number;
  /** The host's decisions on boundary ties, by seat: a tier index or null (no prize). */
  decisions: Record<SeatId, number | null>;
}

/** The award ceremony as the host and the screen see it (absent before the contest is finished). */
export interface AwardsView {
  /** As `AwardsState.step`: 0 title card, k = the k lowest tiers revealed, tiers + 1 = podium. */
  step: number;
  /** Highest first, as the contest file lists them, each with its seats in ranking order. */
  tiers: { name: string; seats: SeatId[] }[];
  /** Seats level across a tier boundary waiting for the host's decision (`boundaryTie: 'host'`),
   * with the tiers they may get; the ceremony cannot start while any is waiting. */
  pending: { seats: SeatId[]; tiers: number[] }[];
}
