// The judged rounds (评委打分), the judging panel (评委) and the seats' titles (述行动) as the host's
// settings form edits them: read from a contest file with its defaults shown, written back so
// the server reads the same file (server/setup/contest-file.ts is the truth).
import type { Aggregate, JudgedPrompt } from '../../shared/contest/judging-types.js';
import { judgeIdAt } from '../../shared/contest/judging.js';

export const JUDGED_PROMPTS: readonly JudgedPrompt[] = ['question', 'title'];
export const JUDGED_ORDERS = ['file', 'lot'] as const;
export type JudgedOrder = (typeof JUDGED_ORDERS)[number];
/** `auto`: left out of the file, so the panel's size decides (J3). */
export const AGGREGATES = ['auto', 'trimmed-mean', 'mean', 'sum'] as const;
export type EditorAggregate = Aggregate | 'auto';
export const WARN_UNITS = ['sec', 'min'] as const;
export type WarnUnit = (typeof WARN_UNITS)[number];

type NumberField = number | null | undefined;

export interface EditorCriterion {
  name: string;
  max: NumberField;
}

/** A judged round's settings (J1-J6), in the file's units (seconds); the form shows minutes. */
export interface EditorJudging {
  prompt: JudgedPrompt;
  orderBy: JudgedOrder;
  prepareSec: NumberField;
  speakSec: NumberField;
  warnAtSec: NumberField;
  /** How the form shows the warning; not in the file. */
  warnUnit: WarnUnit;
  overtime: boolean;
  overtimePerSec: NumberField;
  overtimePoints: NumberField;
  scaleMin: NumberField;
  scaleMax: NumberField;
  scaleStep: NumberField;
  criteria: EditorCriterion[];
  aggregate: EditorAggregate;
  decimals: NumberField;
}

/** A judge on the panel; `id` is the one the server knows them by (given or by place), kept
 * through edits so their link and code survive. */
export interface EditorJudge {
  id: string;
  name: string;
  title: string;
  unit: string;
}

export { judgeIdAt };

// The file format's defaults.
const DEFAULTS = { prompt: 'title', orderBy: 'file', prepareSec: 0, speakSec: 300, warnAtSec: 60, scaleMin: 0, scaleMax: 100, scaleStep: 0.5, decimals: 2 } as const;
const NEW_OVERTIME = { perSec: 30, points: 1 };

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown, fallback: NumberField): NumberField => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, options: readonly T[], fallback: T): T => ((options as readonly unknown[]).includes(v) ? (v as T) : fallback);

/** A new judged round's settings: the format's defaults. */
export function newJudging(): EditorJudging {
  return {
    prompt: DEFAULTS.prompt,
    orderBy: DEFAULTS.orderBy,
    prepareSec: DEFAULTS.prepareSec,
    speakSec: DEFAULTS.speakSec,
    warnAtSec: DEFAULTS.warnAtSec,
    warnUnit: 'min',
    overtime: false,
    overtimePerSec: NEW_OVERTIME.perSec,
    overtimePoints: NEW_OVERTIME.points,
    scaleMin: DEFAULTS.scaleMin,
    scaleMax: DEFAULTS.scaleMax,
    scaleStep: DEFAULTS.scaleStep,
    criteria: [],
    aggregate: 'auto',
    decimals: DEFAULTS.decimals,
  };
}

/** A round's judged fields as the file gives them (they sit on the round itself). */
export function judgingFrom(round: Json): EditorJudging {
  const base = newJudging();
  const overtime = isRecord(round.overtime) ? round.overtime : null;
  const scale = isRecord(round.scale) ? round.scale : {};
  const warnAtSec = num(round.warnAtSec, base.warnAtSec);
  return {
    prompt: oneOf(round.prompt, JUDGED_PROMPTS, base.prompt),
    orderBy: oneOf(round.orderBy, JUDGED_ORDERS, base.orderBy),
    prepareSec: num(round.prepareSec, base.prepareSec),
    speakSec: num(round.speakSec, base.speakSec),
    warnAtSec,
    warnUnit: typeof warnAtSec === 'number' && warnAtSec > 0 && warnAtSec % 60 === 0 ? 'min' : 'sec',
    overtime: overtime !== null,
    overtimePerSec: num(overtime?.perSec, base.overtimePerSec),
    overtimePoints: num(overtime?.points, base.overtimePoints),
    scaleMin: num(scale.min, base.scaleMin),
    scaleMax: num(scale.max, base.scaleMax),
    scaleStep: num(scale.step, base.scaleStep),
    criteria: (Array.isArray(round.criteria) ? round.criteria : []).map((c) => (isRecord(c) ? { name: text(c.name), max: num(c.max, null) } : { name: '', max: null })),
    aggregate: oneOf(round.aggregate, AGGREGATES, 'auto'),
    decimals: num(round.decimals, base.decimals),
  };
}

/** The judged fields to put on the round in the file; empty numbers left out (the server fills
 * the default or names the field). */
export function judgingFile(j: EditorJudging, compact: (fields: Json) => Json): Json {
  return {
    ...compact({ prompt: j.prompt, orderBy: j.orderBy, prepareSec: j.prepareSec, speakSec: j.speakSec, warnAtSec: j.warnAtSec }),
    overtime: j.overtime ? compact({ perSec: j.overtimePerSec, points: j.overtimePoints }) : null,
    scale: compact({ min: j.scaleMin, max: j.scaleMax, step: j.scaleStep }),
    criteria: j.criteria.map((c) => compact({ name: c.name, max: c.max })),
    ...(j.aggregate === 'auto' ? {} : { aggregate: j.aggregate }),
    ...compact({ decimals: j.decimals }),
  };
}

/** The criteria's maxima added up, to set beside the highest score (they must match). */
export function criteriaTotal(criteria: readonly EditorCriterion[]): number {
  return Math.round(criteria.reduce((sum, c) => sum + (typeof c.max === 'number' && Number.isFinite(c.max) ? c.max : 0), 0) * 1000) / 1000;
}

/** Whether the criteria (if any) add up to the highest score, as the server requires. */
export function criteriaMatch(j: EditorJudging): boolean {
  return j.criteria.length === 0 || criteriaTotal(j.criteria) === j.scaleMax;
}

/** Seconds shown in `unit`, and back (to the millisecond, so a loaded value is never disturbed). */
export function inUnit(sec: NumberField, unit: WarnUnit): NumberField {
  if (typeof sec !== 'number') return sec;
  return unit === 'min' ? Math.round((sec / 60) * 1000) / 1000 : sec;
}
export function fromUnit(value: NumberField, unit: WarnUnit): NumberField {
  if (typeof value !== 'number' || Number.isNaN(value)) return null;
  return unit === 'min' ? Math.round(value * 60 * 1000) / 1000 : value;
}

/** The panel as the file gives it, each judge with the id the server gives them. */
export function judgesFrom(v: unknown): EditorJudge[] {
  return (Array.isArray(v) ? v : []).map((j, i) => {
    const r = isRecord(j) ? j : {};
    return { id: typeof r.id === 'string' ? r.id : judgeIdAt(i), name: text(r.name), title: text(r.title), unit: text(r.unit) };
  });
}

/** The panel for the file: an id only where place alone would give another, empty fields out. */
export function judgesFile(judges: readonly EditorJudge[]): Json {
  if (judges.length === 0) return {};
  return {
    judges: judges.map((j, i) => ({
      ...(j.id === judgeIdAt(i) ? {} : { id: j.id }),
      name: j.name,
      ...(j.title.trim() ? { title: j.title } : {}),
      ...(j.unit.trim() ? { unit: j.unit } : {}),
    })),
  };
}

/** A new judge, with an id no judge of the panel had when it was loaded nor has now: a new
 * judge never inherits a removed judge's link and code. */
export function newJudge(name: string, used: readonly EditorJudge[]): EditorJudge {
  const ids = new Set(used.map((j) => j.id));
  let n = 1;
  while (ids.has(judgeIdAt(n - 1))) n++;
  return { id: judgeIdAt(n - 1), name, title: '', unit: '' };
}
