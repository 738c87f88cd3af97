// R2-R4: a stage's raw points brought to a common scale before its weight applies, so a stage
// scored in quiz points and one scored out of 100 count as their weights say.
import { rulesOf } from './kinds.js';
import { roundHalfUp } from './rounding.js';
import type { Normalise, StageScore } from './ranking-types.js';
import type { ContestDefinition, Stage } from './types.js';

/** R2: the most points one seat can earn in a stage: what `max` divides by. */
export function stageMostPoints(stage: Stage, definition: ContestDefinition): number {
  return stage.rounds.reduce((sum, round) => sum + rulesOf(round).mostPoints(round, definition), 0);
}

/** R2: what a stage's raw totals are scaled to 100 by, or null when they stay as they are
 * (`none`, or a divisor of 0 or less, which cannot scale: nobody scored, or nothing to score). */
export function stageDivisor(stage: Stage, definition: ContestDefinition, rawTotals: readonly number[]): number | null {
  const how: Normalise = stage.normalise ?? 'none';
  const divisor = how === 'max' ? stageMostPoints(stage, definition) : how === 'best' ? Math.max(...rawTotals) : null;
  return divisor !== null && divisor > 0 ? divisor : null;
}

/** R2-R3: one seat's raw stage points, normalised and weighted, each rounded to `decimals`. The
 * weighted score is worked from the rounded normalised one, so the printed figures check by hand. */
export function stageScore(raw: number, divisor: number | null, weight: number, decimals: number): StageScore {
  const normalised = roundHalfUp(divisor === null ? raw : (raw * 100) / divisor, decimals);
  return { raw, normalised, weighted: roundHalfUp(normalised * weight, decimals) };
}
