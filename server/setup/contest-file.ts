// The contest definition file organisers write (or the host console edits): stages -> rounds ->
// which questions to draw, scoring, timers, false-start penalty, weights. Validated on load;
// every problem names its field, in Chinese and in English.
import { z } from 'zod';
import { DEFAULT_FAIRNESS, DEFAULT_GRACE_CAP_MS, DEFAULT_MAX_CREDIT_MS, TIE_RULES, type Fairness } from '../../shared/contest/arbiter.js';
import { QUESTION_TYPES } from '../../shared/contest/question.js';
import { DEFAULT_THEME, THEMES } from '../../shared/branding.js';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import { judgeIdAt, MAX_CRITERIA, onStep } from '../../shared/contest/judging.js';
import { MAX_STAKE, type DefinitionIssue } from '../../shared/protocol.js';
import { checkRanking, normaliseField, RANKING_MESSAGES, rankingField } from './ranking-file.js';
import { AWARDS_MESSAGES, awardsFileSchema } from './awards-file.js';

const name = z.string().trim().min(1).max(40);

/** The most judges a panel may have, and the longest seat title (述行动) a file may give. */
export const MAX_JUDGES = 30;
export const MAX_TOPIC_LENGTH = 80;
/** The most stakes a risk round may offer: each is a big button on a phone. */
export const MAX_STAKES = 6;

export { judgeIdAt };
const seconds = (fallback: number) => z.number().positive().max(3600).default(fallback);
const points = (fallback: number) => z.number().int().min(0).max(1000).default(fallback);
const count = z.number().int().min(1).max(500);

const draw = z
  .object({
    categories: z.array(z.string().trim().min(1).max(32)).max(20).default([]),
    difficulties: z.array(z.number().int().min(1).max(5)).max(5).default([]),
    types: z.array(z.enum(QUESTION_TYPES)).max(4).default([]),
  })
  .strict()
  .default({ categories: [], difficulties: [], types: [] });

const falseStart = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('lockout'), ms: z.number().int().min(0).max(10_000).default(250) }).strict(),
    z.object({ kind: z.literal('lose-question') }).strict(),
    z.object({ kind: z.literal('deduct'), points: z.number().int().min(1).max(1000).default(10) }).strict(),
  ])
  .default({ kind: 'lockout', ms: 250 });

const fairness = z
  .object({
    mode: z.enum(['press-time', 'arrival']).default('press-time'),
    maxCreditMs: z.number().int().min(0).max(1000).default(DEFAULT_MAX_CREDIT_MS),
    graceCapMs: z.number().int().min(0).max(1000).default(DEFAULT_GRACE_CAP_MS),
    tieRule: z.enum(TIE_RULES).default('arrival'),
    // Files written for rules v1 name a margin; the credit replaced it, so it is read and dropped.
    marginMs: z.number().int().min(0).max(50).optional(),
  })
  .strict()
  .transform((f): Fairness => ({ mode: f.mode, maxCreditMs: f.maxCreditMs, graceCapMs: f.graceCapMs, tieRule: f.tieRule }))
  // The wait must cover the credit: a press earning it may arrive that much after the best stamp.
  .refine((f) => f.maxCreditMs <= f.graceCapMs, { message: 'credit-over-wait', path: ['maxCreditMs'] })
  .default(DEFAULT_FAIRNESS);

const buzzIn = z
  .object({
    kind: z.literal('buzz-in'),
    name: name.default('抢答题'),
    questions: count,
    buzzWindowSec: seconds(10),
    answerTimeSec: seconds(20),
    rightPoints: points(10),
    wrongPoints: points(10),
    falseStart,
    fairness,
    /** RK9: the buzz winner risks the question's stake (风险抢答). */
    risk: z.boolean().default(false),
    draw,
  })
  .strict();

const inTurn = z
  .object({
    kind: z.literal('in-turn'),
    name: name.default('轮流必答'),
    perSeat: z.number().int().min(1).max(20).default(1),
    answerTimeSec: seconds(30),
    rightPoints: points(10),
    wrongPoints: points(0),
    draw,
  })
  .strict();

const allAtOnce = z
  .object({
    kind: z.literal('all-at-once'),
    name: name.default('同步作答'),
    questions: count,
    answerTimeSec: seconds(20),
    rightPoints: points(10),
    wrongPoints: points(0),
    partialCredit: z.boolean().default(false),
    partialPoints: points(5),
    draw: draw.refine((d) => !d.types.includes('open'), { message: 'open', path: ['types'] }),
  })
  .strict();

/** RK1-RK4: risk questions (风险题), in turn like in-turn rounds; each seat stakes one of
 * `stakes` before its question is shown. */
const risk = z
  .object({
    kind: z.literal('risk'),
    name: name.default('风险题'),
    perSeat: z.number().int().min(1).max(20).default(1),
    stakes: z
      .array(z.number().int().min(1).max(MAX_STAKE))
      .min(1)
      .max(MAX_STAKES)
      .refine((list) => new Set(list).size === list.length, { message: 'risk-stakes' })
      .default([10, 20, 30]),
    allowPass: z.boolean().default(true),
    answerTimeSec: seconds(30),
    draw,
  })
  .strict();

/** J1-J6: a judged round (评委打分). Reflection (`prompt: 'question'`) draws one open question per
 * seat; action (`'title'`) has each seat speak on its own title. `aggregate` left out: trimmed
 * mean with 5 or more judges on the panel, else the mean (J3). */
const judged = z
  .object({
    kind: z.literal('judged'),
    name: name.default('评委打分'),
    prompt: z.enum(['question', 'title']).default('title'),
    orderBy: z.enum(['file', 'lot']).default('file'),
    prepareSec: z.number().min(0).max(3600).default(0),
    speakSec: seconds(300),
    warnAtSec: z.number().min(0).max(3600).default(60),
    overtime: z
      .object({ perSec: z.number().positive().max(3600), points: z.number().positive().max(100) })
      .strict()
      .nullable()
      .default(null),
    scale: z
      .object({ min: z.number().min(0).max(1000).default(0), max: z.number().positive().max(1000).default(100), step: z.number().positive().max(100).default(0.5) })
      .strict()
      .refine((sc) => sc.min < sc.max && onStep(sc.max, sc.min, sc.step), { message: 'judged-scale' })
      .default({ min: 0, max: 100, step: 0.5 }),
    criteria: z
      .array(z.object({ name: z.string().trim().min(1).max(20), max: z.number().positive().max(1000) }).strict())
      .max(MAX_CRITERIA)
      .default([]),
    aggregate: z.enum(['trimmed-mean', 'mean', 'sum']).optional(),
    decimals: z.number().int().min(0).max(4).default(2),
    draw: draw.refine((d) => d.types.every((t) => t === 'open'), { message: 'judged-open', path: ['types'] }),
  })
  .strict()
  .refine((r) => r.warnAtSec < r.speakSec, { message: 'judged-warn', path: ['warnAtSec'] })
  .refine((r) => r.criteria.length === 0 || r.criteria.reduce((sum, c) => sum + c.max, 0) === r.scale.max, { message: 'judged-criteria', path: ['criteria'] });

const seat = z
  .object({
    name,
    kind: z.enum(['individual', 'team']).default('individual'),
    phones: z.number().int().min(1).max(10).default(1),
    /** The seat's own title in an action round (述行动). */
    topic: z.string().trim().max(MAX_TOPIC_LENGTH).optional(),
  })
  .strict()
  .refine((s) => s.kind === 'team' || s.phones === 1, { message: 'individual-phones', path: ['phones'] });

/** A judge's id as the file may give it; absent, the judge is `j1`, `j2`... by place. */
const JUDGE_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** The judging panel (评委): names unique, ids (given or by place) unique. */
const judges = z
  .array(
    z
      .object({
        id: z.string().regex(JUDGE_ID).optional(),
        name,
        title: z.string().trim().max(40).optional(),
        unit: z.string().trim().max(60).optional(),
      })
      .strict(),
  )
  .max(MAX_JUDGES)
  .refine((list) => new Set(list.map((j) => j.name)).size === list.length, { message: 'duplicate-judge' })
  .refine((list) => new Set(list.map((j, i) => j.id ?? judgeIdAt(i))).size === list.length, { message: 'duplicate-judge-id' });

/** 主办, 承办, a subtitle under the title, and the colour theme; all optional. */
const branding = z
  .object({
    organiser: z.string().trim().max(60).optional(),
    coOrganiser: z.string().trim().max(60).optional(),
    subtitle: z.string().trim().max(80).optional(),
    theme: z.enum(THEMES).default(DEFAULT_THEME),
  })
  .strict();

/** S6: when a new phone needs the host to join: once seats are locked (default), or also once
 * the show has started. */
const joining = z.object({ approvalAfter: z.enum(['lock', 'start']).default('lock') }).strict();

export const contestFileSchema = z
  .object({
    format: z.literal('qiangda-contest'),
    version: z.literal(1),
    title: z.string().trim().min(1).max(80),
    seats: z
      .array(seat)
      .min(1)
      .max(500)
      .refine((seats) => new Set(seats.map((s) => s.name)).size === seats.length, { message: 'duplicate-seat' }),
    stages: z
      .array(
        z
          .object({
            name,
            weight: z.number().min(0).max(100).default(1),
            normalise: normaliseField,
            rounds: z.array(z.discriminatedUnion('kind', [buzzIn, inTurn, allAtOnce, judged, risk])).min(1).max(20),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    seed: z.string().trim().min(1).max(64).optional(),
    branding: branding.optional(),
    joining: joining.optional(),
    judges: judges.optional(),
    ranking: rankingField,
    awards: awardsFileSchema.optional(),
  })
  .strict()
  .superRefine(checkRanking);

export type ContestFile = z.output<typeof contestFileSchema>;
export type ContestFileInput = z.input<typeof contestFileSchema>;

/** Our own refinements carry a message key instead of zod's text. */
const OWN_MESSAGES: Record<string, MessageKey> = {
  open: 'definition.error.open-in-all-at-once',
  'individual-phones': 'definition.error.individual-phones',
  'duplicate-seat': 'definition.error.duplicate-seat',
  required: 'definition.error.required',
  'credit-over-wait': 'definition.error.credit-over-wait',
  'duplicate-judge': 'judges.definition.duplicate-judge',
  'duplicate-judge-id': 'judges.definition.duplicate-judge-id',
  'judged-scale': 'definition.error.judged-scale',
  'judged-open': 'definition.error.judged-open',
  'judged-warn': 'definition.error.judged-warn',
  'judged-criteria': 'definition.error.judged-criteria',
  'risk-stakes': 'definition.error.risk-stakes',
  ...RANKING_MESSAGES,
  ...AWARDS_MESSAGES,
};

/** zod says "expected string >=1 characters" where an organiser needs "required". */
function ownMessage(issue: z.core.$ZodIssue): string | null {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return 'required';
  return null;
}

/** Checks a contest file; returns it with defaults filled in, or every problem found. */
export function parseContestFile(input: unknown): { ok: true; file: ContestFile } | { ok: false; issues: DefinitionIssue[] } {
  const zh = contestFileSchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (zh.success) return { ok: true, file: zh.data };
  const en = contestFileSchema.safeParse(input, { error: z.locales.en().localeError });
  return {
    ok: false,
    issues: zh.error.issues.map((issue, i) => {
      const english = en.success ? issue : (en.error.issues[i] ?? issue);
      return {
        path: issue.path.join('.'),
        zh: describe('zh', issue.path, ownMessage(issue) ?? issue.message),
        en: describe('en', issue.path, ownMessage(issue) ?? english.message),
      };
    }),
  };
}

/** "环节1 › 第2轮 › 作答时间（秒）：…" — the field in words the organiser knows. */
export function describe(locale: Locale, path: PropertyKey[], message: string): string {
  const own = OWN_MESSAGES[message];
  const text = own ? translate(locale, own) : message;
  return `${fieldLabel(locale, path)}${translate(locale, 'definition.separator')}${text}`;
}

export function fieldLabel(locale: Locale, path: PropertyKey[]): string {
  const parts: string[] = [];
  // A judge's `title` is not the contest's: a list's own label for a field comes first.
  let list = '';
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const next = path[i + 1];
    if ((key === 'stages' || key === 'rounds' || key === 'seats' || key === 'judges' || key === 'tieBreaks' || key === 'tiers') && typeof next === 'number') {
      parts.push(translate(locale, `definition.field.${key}.item` as MessageKey, { n: next + 1 }));
      list = key;
      i++;
      continue;
    }
    const own = `definition.field.${list}.${key}`;
    const label = `definition.field.${key}`;
    parts.push(isMessageKey(own) ? translate(locale, own) : isMessageKey(label) ? translate(locale, label) : key);
  }
  return parts.length ? parts.join(' › ') : translate(locale, 'definition.field.file');
}
