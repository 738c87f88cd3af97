// The arithmetic of a judged turn (RULES.md J3, J6): which judges count, which are dropped, the
// aggregate, the overtime deduction and the result. Pure and small, so the figures can be
// checked by hand.
import { roundHalfUp } from './rounding.js';
import type { Aggregate, JudgeId, JudgedResult, JudgedSettings, JudgeScore, OvertimeDeduction } from './judging-types.js';

export { roundHalfUp };

/** A judge's id when the contest file gives none: by place on the panel, so it stays across
 * edits that keep the order (and with it the judge's link and code). The server and the settings
 * form both name judges by it. */
export const judgeIdAt = (index: number): string => `j${index + 1}`;

/** The most scored criteria a judged round may have (内容, 表达, 效果...). */
export const MAX_CRITERIA = 10;
/** J3: a panel of this many judges or more drops the highest and the lowest by default. */
export const TRIMMED_MEAN_PANEL = 5;
/** J3: the trimmed mean needs this many counting scores; with fewer it is the plain mean. */
export const TRIMMED_MEAN_MIN_SCORES = 3;

/** J3: what a round aggregates when the contest file does not say. */
export function defaultAggregate(panelSize: number): Aggregate {
  return panelSize >= TRIMMED_MEAN_PANEL ? 'trimmed-mean' : 'mean';
}

/** J3: which judges count (on the panel, not excluded, scored), in panel order. */
export function countingJudges(panel: readonly JudgeId[], scores: Readonly<Record<JudgeId, JudgeScore>>, excluded: Readonly<Record<JudgeId, string>>): JudgeId[] {
  return panel.filter((id) => Object.hasOwn(scores, id) && !Object.hasOwn(excluded, id));
}

/** J3: the one highest and one lowest score the trimmed mean drops; equal scores go by panel
 * order (the first judge of the highest, the last of the lowest), so the reveal marks exactly two. */
export function droppedJudges(counted: readonly JudgeId[], value: (id: JudgeId) => number): JudgeId[] {
  if (counted.length < TRIMMED_MEAN_MIN_SCORES) return [];
  let highest = counted[0];
  for (const id of counted) if (value(id) > value(highest)) highest = id;
  let lowest = counted.at(-1) as JudgeId;
  for (let i = counted.length - 1; i >= 0; i--) if (counted[i] !== highest && (lowest === highest || value(counted[i]) < value(lowest))) lowest = counted[i];
  return [highest, lowest];
}

/** J3: the aggregate of the counting scores, before rounding (summed in thousandths, so a sum of
 * halves is exact). */
export function aggregateOf(aggregate: Aggregate, values: readonly number[]): number {
  if (values.length === 0) return 0;
  const thousandths = values.reduce((sum, v) => sum + Math.round(v * 1000), 0);
  return aggregate === 'sum' ? thousandths / 1000 : thousandths / 1000 / values.length;
}

/** J6: how long the seat spoke past its time (0 if it stopped in time). */
export function overtimeOf(speakDeadline: number | null, speakingUntil: number | null): number {
  if (speakDeadline === null || speakingUntil === null) return 0;
  return Math.max(0, speakingUntil - speakDeadline);
}

/** J6: `points` off for each started `perMs` past the speaking time. */
export function overtimeDeduction(overtime: OvertimeDeduction | null, overtimeMs: number): number {
  if (!overtime || overtimeMs <= 0) return 0;
  return Math.ceil(overtimeMs / overtime.perMs) * overtime.points;
}

/** J3, J4, J6: the seat's result from the panel's scores, as the reveal fixes it. */
export function judgedResult(
  settings: Pick<JudgedSettings, 'aggregate' | 'decimals' | 'overtime'>,
  panel: readonly JudgeId[],
  scores: Readonly<Record<JudgeId, JudgeScore>>,
  excluded: Readonly<Record<JudgeId, string>>,
  overtimeMs: number,
): JudgedResult {
  const counted = countingJudges(panel, scores, excluded);
  const value = (id: JudgeId) => scores[id].value;
  const dropped = settings.aggregate === 'trimmed-mean' ? droppedJudges(counted, value) : [];
  const kept = counted.filter((id) => !dropped.includes(id)).map(value);
  const aggregate = roundHalfUp(aggregateOf(settings.aggregate, kept), settings.decimals);
  const deduction = roundHalfUp(overtimeDeduction(settings.overtime, overtimeMs), settings.decimals);
  const points = roundHalfUp(aggregate - deduction, settings.decimals);
  return { counted, dropped, aggregate, overtimeMs, deduction, points };
}

/** Whether `value` lies on the grid `min + k * step` (to a millionth of a step). */
export function onStep(value: number, min: number, step: number): boolean {
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/** J2: a score within the round's scale and on its step; parts, if any, one per criterion,
 * each within its maximum and on the step, adding up to the score. */
export function validScore(settings: Pick<JudgedSettings, 'scale' | 'criteria'>, value: number, parts?: readonly number[]): boolean {
  const { min, max, step } = settings.scale;
  if (!Number.isFinite(value) || value < min || value > max || !onStep(value, min, step)) return false;
  if (parts === undefined) return true;
  if (parts.length !== settings.criteria.length || parts.length === 0) return false;
  const partsOk = parts.every((p, i) => Number.isFinite(p) && p >= 0 && p <= settings.criteria[i].max && onStep(p, 0, step));
  return partsOk && Math.abs(parts.reduce((a, b) => a + b, 0) - value) < step / 1000;
}
