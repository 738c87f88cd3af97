// The contest file (server/setup/contest-file.ts) as the host's settings form edits it: every field a
// plain value the form can bind to, defaults filled in, and back to a file to send with
// contest:define. The server checks the file; the form only keeps it well-formed.
import type { QuestionType } from '../../shared/contest/question.js';
import type { RoundKind } from '../../shared/contest/types.js';
import type { DefinitionIssue } from '../../shared/protocol.js';
import { DEFAULT_THEME, THEMES, type ThemeName } from '../../shared/branding.js';
import { DEFAULT_FAIRNESS, LENIENT_MAX_CREDIT_MS, TIE_RULES, type TieRule } from '../../shared/contest/arbiter.js';
import { awardsFile, awardsFrom, type EditorAwards } from './awards-editor.js';
import { judgesFile, judgesFrom, judgingFile, judgingFrom, newJudging, type EditorJudge, type EditorJudging } from './judged-editor.js';
import { DEFAULT_DECIMALS, normaliseFile, normaliseFrom, rankingFile, rankingFrom, type EditorRanking } from './ranking-editor.js';
import type { Normalise } from '../../shared/contest/ranking-types.js';
import { newRisk, riskFile, riskFrom, type EditorRisk } from './risk-editor.js';

/** The five eras of Party history, the bank's own category ids (category.<id> names them). */
export const ERA_CATEGORIES = ['founding', 'revolution', 'construction', 'reform', 'new-era'] as const;
/** Q6: local history categories, drawn only by a round that names them. */
export const LOCAL_CATEGORIES = ['local-hunan'] as const;
export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export const EDITOR_TYPES: readonly QuestionType[] = ['single', 'multiple', 'true-false', 'open'];
export const ROUND_KINDS: readonly RoundKind[] = ['in-turn', 'all-at-once', 'buzz-in', 'risk', 'judged'];
/** The kinds a new stage starts with (a knowledge stage); judged rounds are added by hand. */
export const KNOWLEDGE_KINDS: readonly RoundKind[] = ['in-turn', 'all-at-once', 'buzz-in'];
export const FALSE_START_KINDS = ['lockout', 'lose-question', 'deduct'] as const;
export type FalseStartKind = (typeof FALSE_START_KINDS)[number];
export type SeatKind = 'individual' | 'team';
export const JUDGING_MODES = ['press-time', 'arrival'] as const;
export type JudgingMode = (typeof JUDGING_MODES)[number];
export { TIE_RULES };
/** The two settings the editor offers in one click: strict (the default) and lenient. */
export const CREDIT_PRESETS = { strict: DEFAULT_FAIRNESS.maxCreditMs, lenient: LENIENT_MAX_CREDIT_MS } as const;
/** S6's moments, in the order the form offers them; `lock` is the file format's default. */
export const APPROVAL_AFTER = ['lock', 'start'] as const;
export type ApprovalAfter = (typeof APPROVAL_AFTER)[number];

/** A number field: null while the host has it empty. */
export type NumberField = number | null | undefined;

export interface EditorSeat {
  name: string;
  kind: SeatKind;
  phones: NumberField;
  /** The seat's own title in an action round (述行动); empty: none. */
  topic: string;
}

export interface EditorDraw {
  categories: string[];
  difficulties: number[];
  types: QuestionType[];
}

/** One round with every kind's fields, so switching kinds keeps what the host typed. */
export interface EditorRound {
  kind: RoundKind;
  name: string;
  /** buzz-in and all-at-once */
  questions: NumberField;
  /** in-turn and risk */
  perSeat: NumberField;
  answerTimeSec: NumberField;
  buzzWindowSec: NumberField;
  rightPoints: NumberField;
  wrongPoints: NumberField;
  partialCredit: boolean;
  partialPoints: NumberField;
  falseStart: FalseStartKind;
  lockoutMs: NumberField;
  deductPoints: NumberField;
  /** buzz-in: how presses are judged (P2, P5). */
  fairness: EditorFairness;
  /** judged: prompt, timers, scale, criteria, aggregate (J1-J6). */
  judging: EditorJudging;
  /** risk: the stakes and whether a pass is allowed (RK2, RK4). */
  risk: EditorRisk;
  draw: EditorDraw;
}

/** A buzz-in round's judging (P2, P5) as the form edits it. */
export interface EditorFairness {
  mode: JudgingMode;
  maxCreditMs: NumberField;
  tieRule: TieRule;
  /** Kept as loaded (the form has no field for it); null: the file's default. */
  graceCapMs: NumberField;
  /** A round set up under the old rules (a margin, no credit): shown, not kept; null otherwise. */
  legacy: { marginMs: number; graceCapMs: number | null } | null;
}

export interface EditorStage {
  name: string;
  weight: NumberField;
  /** R2: how the stage's raw total is normalised before its weight applies. */
  normalise: Normalise;
  rounds: EditorRound[];
}

/** 主办, 承办, subtitle (empty: none) and theme. */
export interface EditorBranding {
  organiser: string;
  coOrganiser: string;
  subtitle: string;
  theme: ThemeName;
}

export interface EditorModel {
  title: string;
  branding: EditorBranding;
  seats: EditorSeat[];
  stages: EditorStage[];
  /** Kept as loaded: the same seed draws the same questions. */
  seed: string | null;
  /** S6: when a new phone starts to need the host's approval to join. */
  joining: ApprovalAfter;
  /** The judging panel (评委), in panel order. */
  judges: EditorJudge[];
  /** R3, R5: the ranking's decimals and tie-breaks. */
  ranking: EditorRanking;
  /** Prize tiers (奖项); null: the contest gives none. */
  awards: EditorAwards | null;
}

/** Names the form gives new things, in the host's language. */
export interface EditorNames {
  round: (kind: RoundKind) => string;
  stage: string;
  seat: (n: number) => string;
}

// The file format's defaults (server/setup/contest-file.ts), so a field left out of a file shows its value.
const KIND_DEFAULTS: Record<RoundKind, Pick<EditorRound, 'answerTimeSec' | 'rightPoints' | 'wrongPoints'>> = {
  'buzz-in': { answerTimeSec: 20, rightPoints: 10, wrongPoints: 10 },
  'in-turn': { answerTimeSec: 30, rightPoints: 10, wrongPoints: 0 },
  'all-at-once': { answerTimeSec: 20, rightPoints: 10, wrongPoints: 0 },
  // Judged rounds have no answer time nor points of their own: the judges score them.
  judged: { answerTimeSec: null, rightPoints: null, wrongPoints: null },
  // A risk turn scores its stake (RK5), not points of its own.
  risk: { answerTimeSec: 30, rightPoints: null, wrongPoints: null },
};
const NEW_ROUND_QUESTIONS: Record<RoundKind, number> = { 'buzz-in': 10, 'in-turn': 1, 'all-at-once': 5, judged: 0, risk: 1 };
const DEFAULT_LOCKOUT_MS = 250;
const DEFAULT_DEDUCT_POINTS = 10;
const DEFAULT_BUZZ_WINDOW_SEC = 10;
const DEFAULT_PARTIAL_POINTS = 5;
const MAX_TEAM_PHONES = 10;

/** A new round of `kind` with the file format's defaults. */
export function newRound(kind: RoundKind, name: string): EditorRound {
  return {
    kind,
    name,
    questions: NEW_ROUND_QUESTIONS[kind],
    perSeat: 1,
    ...KIND_DEFAULTS[kind],
    buzzWindowSec: DEFAULT_BUZZ_WINDOW_SEC,
    partialCredit: false,
    partialPoints: DEFAULT_PARTIAL_POINTS,
    falseStart: 'lockout',
    lockoutMs: DEFAULT_LOCKOUT_MS,
    deductPoints: DEFAULT_DEDUCT_POINTS,
    fairness: newFairness(),
    judging: newJudging(),
    risk: newRisk(),
    draw: { categories: [], difficulties: [], types: kind === 'in-turn' || kind === 'judged' || kind === 'risk' ? ['open'] : [] },
  };
}

function newFairness(): EditorFairness {
  return { mode: DEFAULT_FAIRNESS.mode, maxCreditMs: DEFAULT_FAIRNESS.maxCreditMs, tieRule: DEFAULT_FAIRNESS.tieRule, graceCapMs: null, legacy: null };
}

/** The file's judging, with the defaults shown. A round from before `maxCreditMs` (it names a
 * margin) shows its old values to the host and takes the new rules' defaults: the server no
 * longer accepts a margin in a contest file. */
export function fairnessFrom(v: unknown): EditorFairness {
  const f = isRecord(v) ? v : {};
  const base = newFairness();
  const mode = (JUDGING_MODES as readonly unknown[]).includes(f.mode) ? (f.mode as JudgingMode) : base.mode;
  const tieRule = (TIE_RULES as readonly unknown[]).includes(f.tieRule) ? (f.tieRule as TieRule) : base.tieRule;
  const graceCapMs = num(f.graceCapMs, null);
  const legacy = typeof f.marginMs === 'number' ? { marginMs: f.marginMs, graceCapMs: graceCapMs ?? null } : null;
  return { mode, maxCreditMs: num(f.maxCreditMs, base.maxCreditMs), tieRule, graceCapMs, legacy };
}

function fairnessFile(f: EditorFairness): Json {
  return compact({ mode: f.mode, maxCreditMs: f.maxCreditMs, graceCapMs: f.graceCapMs, tieRule: f.tieRule });
}

export function newSeat(name: string, kind: SeatKind = 'individual'): EditorSeat {
  return { name, kind, phones: kind === 'team' ? 3 : 1, topic: '' };
}

/** A stage holding one round of each kind, as most contests begin. */
export function newStage(names: EditorNames): EditorStage {
  return { name: names.stage, weight: 1, normalise: 'none', rounds: KNOWLEDGE_KINDS.map((kind) => newRound(kind, names.round(kind))) };
}

/** A seat's next free default name: 1号席, 2号席... skipping names already used. */
export function nextSeatName(seats: readonly Omit<EditorSeat, 'topic'>[], names: EditorNames): string {
  const used = new Set(seats.map((s) => s.name.trim()));
  for (let n = seats.length + 1; ; n++) if (!used.has(names.seat(n))) return names.seat(n);
}

/**
 * Switches a round's kind. A name that was just the old kind's name (in any language) follows the
 * new kind; all-at-once rounds cannot draw open questions, judged rounds draw nothing else, so
 * the other types are dropped.
 */
export function changeKind(round: EditorRound, kind: RoundKind, kindNames: readonly string[], name: string): EditorRound {
  const named = round.name.trim() === '' || kindNames.includes(round.name.trim());
  const types = round.draw.types.filter((t) => (kind === 'all-at-once' ? t !== 'open' : kind === 'judged' ? t === 'open' : true));
  return { ...round, kind, name: named ? name : round.name, draw: { ...round.draw, types } };
}

/** Changes a seat's kind; an individual has exactly one phone. */
export function changeSeatKind<S extends Omit<EditorSeat, 'topic'>>(seat: S, kind: SeatKind): S {
  return { ...seat, kind, phones: kind === 'individual' ? 1 : Math.max(2, Math.min(MAX_TEAM_PHONES, seat.phones ?? 3)) };
}

/** Moves item `index` one place up (-1) or down (+1); out of range changes nothing. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Adds `value` to a filter list or takes it out, keeping the list in `order`. */
export function toggle<T>(list: readonly T[], value: T, order: readonly T[] = []): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const rank = (v: T) => (order.includes(v) ? order.indexOf(v) : order.length);
  return next.sort((a, b) => rank(a) - rank(b));
}

/** The categories a round can filter on: the five eras, local history, then any other the file names. */
export function categoryChoices(draw: EditorDraw): string[] {
  const known: readonly string[] = [...ERA_CATEGORIES, ...LOCAL_CATEGORIES];
  return [...known, ...draw.categories.filter((c) => !known.includes(c))];
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback: NumberField): NumberField => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isKind = (v: unknown): v is RoundKind => typeof v === 'string' && (ROUND_KINDS as readonly string[]).includes(v);

function drawFrom(v: unknown): EditorDraw {
  const d = isRecord(v) ? v : {};
  return {
    categories: list(d.categories).filter((c): c is string => typeof c === 'string'),
    difficulties: list(d.difficulties).filter((n): n is number => typeof n === 'number'),
    types: list(d.types).filter((t): t is QuestionType => typeof t === 'string' && (EDITOR_TYPES as readonly string[]).includes(t)),
  };
}

function roundFrom(v: unknown, names: EditorNames): EditorRound {
  const r = isRecord(v) ? v : {};
  const kind = isKind(r.kind) ? r.kind : 'buzz-in';
  const base = newRound(kind, names.round(kind));
  const falseStart = isRecord(r.falseStart) ? r.falseStart : {};
  const penalty = (FALSE_START_KINDS as readonly unknown[]).includes(falseStart.kind) ? (falseStart.kind as FalseStartKind) : 'lockout';
  const defaults = KIND_DEFAULTS[kind];
  return {
    ...base,
    name: text(r.name, base.name),
    questions: num(r.questions, kind === 'in-turn' ? base.questions : null),
    perSeat: num(r.perSeat, 1),
    answerTimeSec: num(r.answerTimeSec, defaults.answerTimeSec ?? null),
    buzzWindowSec: num(r.buzzWindowSec, DEFAULT_BUZZ_WINDOW_SEC),
    rightPoints: num(r.rightPoints, defaults.rightPoints ?? null),
    wrongPoints: num(r.wrongPoints, defaults.wrongPoints ?? null),
    partialCredit: r.partialCredit === true,
    partialPoints: num(r.partialPoints, DEFAULT_PARTIAL_POINTS),
    falseStart: penalty,
    lockoutMs: num(falseStart.ms, DEFAULT_LOCKOUT_MS),
    deductPoints: num(falseStart.points, DEFAULT_DEDUCT_POINTS),
    fairness: fairnessFrom(r.fairness),
    judging: judgingFrom(r),
    risk: riskFrom(r),
    draw: drawFrom(r.draw),
  };
}

function brandingFrom(v: unknown): EditorBranding {
  const b = isRecord(v) ? v : {};
  const theme = (THEMES as readonly unknown[]).includes(b.theme) ? (b.theme as ThemeName) : DEFAULT_THEME;
  return { organiser: text(b.organiser), coOrganiser: text(b.coOrganiser), subtitle: text(b.subtitle), theme };
}

/** The file's branding, or nothing when the host set none (a file without it loads the same). */
function brandingFile(b: EditorBranding): Json {
  const names = Object.fromEntries(Object.entries({ organiser: b.organiser, coOrganiser: b.coOrganiser, subtitle: b.subtitle }).filter(([, v]) => v.trim() !== ''));
  if (Object.keys(names).length === 0 && b.theme === DEFAULT_THEME) return {};
  return { branding: { ...names, theme: b.theme } };
}

/**
 * The form's model of a contest file, with the format's defaults shown. A contest made without a
 * file (source null) starts from its title and seats and one stage of each round kind.
 */
export function fromSource(source: unknown, fallback: { title: string; seats: Omit<EditorSeat, 'topic'>[] }, names: EditorNames): EditorModel {
  if (!isRecord(source))
    return { title: fallback.title, branding: brandingFrom(null), seats: fallback.seats.map((s) => ({ ...s, topic: '' })), stages: [newStage(names)], seed: null, joining: 'lock', judges: [], ranking: { decimals: DEFAULT_DECIMALS, tieBreaks: [] }, awards: null };
  return {
    title: text(source.title),
    branding: brandingFrom(source.branding),
    seats: list(source.seats).map((v) => {
      const s = isRecord(v) ? v : {};
      const kind: SeatKind = s.kind === 'team' ? 'team' : 'individual';
      return { name: text(s.name), kind, phones: kind === 'team' ? num(s.phones, 1) : 1, topic: text(s.topic) };
    }),
    stages: list(source.stages).map((v) => {
      const s = isRecord(v) ? v : {};
      return { name: text(s.name), weight: num(s.weight, 1), normalise: normaliseFrom(s.normalise), rounds: list(s.rounds).map((r) => roundFrom(r, names)) };
    }),
    seed: typeof source.seed === 'string' ? source.seed : null,
    joining: joiningFrom(source.joining),
    judges: judgesFrom(source.judges),
    ranking: rankingFrom(source.ranking),
    awards: awardsFrom(source.awards),
  };
}

function joiningFrom(v: unknown): ApprovalAfter {
  const after = isRecord(v) ? v.approvalAfter : undefined;
  return (APPROVAL_AFTER as readonly unknown[]).includes(after) ? (after as ApprovalAfter) : 'lock';
}

/** Drops fields the host left empty: the server then fills a default or names the missing field. */
function compact(fields: Record<string, unknown>): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v))));
}

function roundFile(round: EditorRound): Json {
  const common = { kind: round.kind, name: round.name, answerTimeSec: round.answerTimeSec, rightPoints: round.rightPoints, wrongPoints: round.wrongPoints };
  const draw = { ...round.draw, types: round.kind === 'all-at-once' ? round.draw.types.filter((t) => t !== 'open') : round.draw.types };
  switch (round.kind) {
    case 'buzz-in': {
      const falseStart =
        round.falseStart === 'lockout'
          ? compact({ kind: 'lockout', ms: round.lockoutMs })
          : round.falseStart === 'deduct'
            ? compact({ kind: 'deduct', points: round.deductPoints })
            : { kind: 'lose-question' };
      return { ...compact({ ...common, questions: round.questions, buzzWindowSec: round.buzzWindowSec }), falseStart, fairness: fairnessFile(round.fairness), ...(round.risk.buzz && { risk: true }), draw };
    }
    case 'in-turn':
      return { ...compact({ ...common, perSeat: round.perSeat }), draw };
    case 'all-at-once':
      return { ...compact({ ...common, questions: round.questions, partialPoints: round.partialPoints }), partialCredit: round.partialCredit, draw };
    case 'judged':
      return { kind: round.kind, name: round.name, ...judgingFile(round.judging, compact), draw };
    case 'risk':
      return { ...compact({ kind: round.kind, name: round.name, perSeat: round.perSeat, answerTimeSec: round.answerTimeSec }), ...riskFile(round.risk), draw };
  }
}

/** The contest file to send with contest:define. */
export function toFile(model: EditorModel): Json {
  return {
    format: 'qiangda-contest',
    version: 1,
    title: model.title,
    seats: model.seats.map((s) => ({
      ...(s.kind === 'team' ? compact({ name: s.name, kind: 'team', phones: s.phones }) : { name: s.name, kind: 'individual' }),
      ...(s.topic.trim() ? { topic: s.topic } : {}),
    })),
    stages: model.stages.map((s) => ({ ...compact({ name: s.name, weight: s.weight }), ...normaliseFile(s.normalise), rounds: s.rounds.map(roundFile) })),
    ...(model.seed ? { seed: model.seed } : {}),
    ...brandingFile(model.branding),
    // The default is left out, as a file without it loads the same.
    ...(model.joining === 'lock' ? {} : { joining: { approvalAfter: model.joining } }),
    ...judgesFile(model.judges),
    ...rankingFile(model.ranking),
    ...awardsFile(model.awards),
  };
}

/** Whether the form differs from what was loaded. */
export function sameFile(a: EditorModel, b: EditorModel): boolean {
  return JSON.stringify(toFile(a)) === JSON.stringify(toFile(b));
}

/** Seats whose name another seat also has (names are compared as the server does, trimmed). */
export function duplicateSeats(seats: readonly Omit<EditorSeat, 'topic'>[]): Set<number> {
  const seen = new Map<string, number[]>();
  seats.forEach((s, i) => seen.set(s.name.trim(), [...(seen.get(s.name.trim()) ?? []), i]));
  return new Set([...seen.values()].filter((at) => at.length > 1).flat());
}

/** The problems the server found at exactly this field ("stages.0.rounds.1.answerTimeSec"). */
export function issuesAt(issues: readonly DefinitionIssue[], path: string): DefinitionIssue[] {
  return issues.filter((i) => i.path === path);
}

/** Whether any problem lies at or under this part of the file. */
export function hasIssueUnder(issues: readonly DefinitionIssue[], path: string): boolean {
  return issues.some((i) => i.path === path || i.path.startsWith(`${path}.`));
}
