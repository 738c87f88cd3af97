// A judge's score as it is typed on a phone or tablet (RULES.md J2): a keypad and -/+ buttons
// that cannot make a score out of the round's range or off its step, one field per criterion when
// the round has criteria (内容 40 / 表达 30 / 效果 30) adding up to the score. Plain TypeScript, so
// every refusal is tested without a browser.
import type { Criterion, JudgedTurnView, JudgeScore } from '../../shared/contest/judging-types.js';

/** One number the judge types: the whole score, or one criterion's part. */
export interface ScoreField {
  /** The criterion's name; null for a score without criteria. */
  name: string | null;
  min: number;
  max: number;
  step: number;
}

export type PadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '.' | 'back' | 'clear';
export const DIGITS: readonly PadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The fields a round asks for: one per criterion (each from 0 to its maximum), else the scale. */
export function scoreFields(turn: Pick<JudgedTurnView, 'scale' | 'criteria'>): ScoreField[] {
  const { scale, criteria } = turn;
  if (criteria.length === 0) return [{ name: null, min: scale.min, max: scale.max, step: scale.step }];
  return criteria.map((c: Criterion) => ({ name: c.name, min: 0, max: c.max, step: scale.step }));
}

/** Digits after the point that the step allows: 0.5 -> 1, 0.25 -> 2, 1 -> 0. */
export function stepDecimals(step: number): number {
  const text = String(step);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/** The number a field's text means, or null while it is empty. "87." is 87. */
export function fieldValue(text: string): number | null {
  if (text === '' || text === '.') return null;
  const value = Number(text.endsWith('.') ? text.slice(0, -1) : text);
  return Number.isFinite(value) ? value : null;
}

/** Whether `value` is a whole number of steps above the field's minimum (no float surprises:
 * compared in units of the step's last decimal). */
export function onStep(value: number, field: ScoreField): boolean {
  const unit = 10 ** stepDecimals(field.step);
  const offset = Math.round((value - field.min) * unit);
  const step = Math.round(field.step * unit);
  return Math.abs((value - field.min) * unit - offset) < 1e-6 && offset % step === 0;
}

/** A score the field accepts: in range and on its step. */
export function fieldValid(text: string, field: ScoreField): boolean {
  const value = fieldValue(text);
  return value !== null && value >= field.min && value <= field.max && onStep(value, field);
}

/** Whether a text being typed can still become a valid score by typing more digits. */
function canBecomeValid(text: string, field: ScoreField): boolean {
  const value = fieldValue(text);
  if (value === null) return true;
  if (value > field.max) return false;
  const point = text.indexOf('.');
  const typed = point < 0 ? 0 : text.length - point - 1;
  const decimals = stepDecimals(field.step);
  if (typed > decimals) return false;
  // Digits still to type after the point: some completion must land on the step.
  const rest = decimals - typed;
  // A whole number within range can always be finished (with a point, or as it is).
  if (point < 0) return true;
  if (rest === 0) return onStep(value, field);
  for (let tail = 0; tail < 10 ** rest; tail += 1) {
    const candidate = Number(`${text}${String(tail).padStart(rest, '0')}`);
    if (candidate <= field.max && onStep(candidate, field)) return true;
  }
  return false;
}

/** The text after a key of the pad; the same text if the key would make it impossible. */
export function typeKey(text: string, key: PadKey, field: ScoreField): string {
  if (key === 'clear') return '';
  if (key === 'back') return text.slice(0, -1);
  if (key === '.') {
    const value = fieldValue(text) ?? 0;
    if (stepDecimals(field.step) === 0 || text.includes('.') || value >= field.max) return text;
    return text === '' ? '0.' : `${text}.`;
  }
  const next = text === '0' ? key : `${text}${key}`;
  return canBecomeValid(next, field) ? next : text;
}

/** Whether a key would change the text now (keys that cannot are greyed out). */
export function keyUsable(text: string, key: PadKey, field: ScoreField): boolean {
  if (key === 'back' || key === 'clear') return text !== '';
  return typeKey(text, key, field) !== text;
}

/** A value as the field shows it: 87, 87.5 (never 87.50000001). */
export function formatField(value: number, field: ScoreField): string {
  const decimals = stepDecimals(field.step);
  return String(Number(value.toFixed(decimals)));
}

/** The text after a -/+ button: `delta` steps from the value typed, kept in range. From an empty
 * field, + starts at the minimum and − at the maximum. */
export function nudge(text: string, delta: number, field: ScoreField): string {
  const value = fieldValue(text);
  const raw = value === null ? (delta > 0 ? field.min : field.max) : value + delta;
  const clamped = Math.min(field.max, Math.max(field.min, raw));
  // Back onto the step, towards where the button pointed.
  const steps = (clamped - field.min) / field.step;
  const snapped = field.min + (delta > 0 ? Math.floor(steps + 1e-9) : Math.ceil(steps - 1e-9)) * field.step;
  return formatField(Math.min(field.max, Math.max(field.min, snapped)), field);
}

/** The score the fields make, ready to send; null until every field holds a valid number. */
export function draftScore(texts: readonly string[], fields: readonly ScoreField[]): { value: number; parts?: number[] } | null {
  if (texts.length !== fields.length || !fields.every((f, i) => fieldValid(texts[i], f))) return null;
  const values = texts.map((t) => fieldValue(t) as number);
  if (fields.length === 1 && fields[0].name === null) return { value: values[0] };
  const unit = 10 ** Math.max(...fields.map((f) => stepDecimals(f.step)));
  const value = values.reduce((sum, v) => sum + Math.round(v * unit), 0) / unit;
  return { value, parts: values };
}

/** The fields' texts for a score already sent (修改 starts from it), or empty fields. */
export function draftTexts(score: Pick<JudgeScore, 'value' | 'parts'> | null, fields: readonly ScoreField[]): string[] {
  if (!score) return fields.map(() => '');
  if (fields.length === 1 && fields[0].name === null) return [formatField(score.value, fields[0])];
  return fields.map((f, i) => (score.parts?.[i] === undefined ? '' : formatField(score.parts[i], f)));
}
