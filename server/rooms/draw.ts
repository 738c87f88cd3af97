// Drawing questions for a contest from the bank. Seeded, so the same file, bank and seed give
// the same draw (the seed is kept in the definition for the audit), and no question is used
// twice in one contest.
import seedrandom from 'seedrandom';
import type { Branding } from '../../shared/branding.js';
import type { Question } from '../../shared/contest/question.js';
import type { ContestDefinition, DrawSpec, Round, Seat } from '../../shared/contest/types.js';
import { translate } from '../../shared/i18n/index.js';
import type { DefinitionIssue } from '../../shared/protocol.js';
import { fieldLabel, judgeIdAt, type ContestFile } from '../setup/contest-file.js';
import { rankingOf } from '../setup/ranking-file.js';
import { awardRulesOf } from '../setup/awards-file.js';
import type { Judge } from '../../shared/contest/judging-types.js';
import { CURRENT_RULES_VERSION } from '../../shared/contest/replay.js';
import { defaultAggregate } from '../../shared/contest/judging.js';
import { bankConflicts, fitsWith, type Conflicts } from './conflicts.js';
import { NO_KEYS, orderAll, orderOptions, type KeyCounts } from './option-order.js';

type FileRound = ContestFile['stages'][number]['rounds'][number];

/** Choice types only: an all-at-once question is answered on the phone. */
const ALL_AT_ONCE_TYPES: DrawSpec['types'] = ['single', 'multiple', 'true-false'];

/** Q6: a local category (地方党史) is a choice of the organiser's, never drawn unasked. */
export const isLocalCategory = (category: string): boolean => category.startsWith('local-');

export function matches(spec: DrawSpec, q: Question): boolean {
  return (
    (spec.categories.length === 0 ? !isLocalCategory(q.category) : spec.categories.includes(q.category)) &&
    (spec.difficulties.length === 0 || spec.difficulties.includes(q.difficulty)) &&
    (spec.types.length === 0 || spec.types.includes(q.type))
  );
}

/** Fisher-Yates with a seeded generator: the same seed always gives the same order. */
function shuffled<T>(items: readonly T[], seed: string): T[] {
  const rng = seedrandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Seats keep their id (and so their join code and phones) across edits when the name stays;
 * a new seat gets a `seat-N` no earlier seat had, so it never inherits another's phones. */
function seatsOf(file: ContestFile, previous: readonly Seat[]): Seat[] {
  const byName = new Map(previous.map((s) => [s.name, s.id]));
  const used = new Set(previous.map((s) => s.id));
  let n = 0;
  const nextId = () => {
    do n++;
    while (used.has(`seat-${n}`));
    used.add(`seat-${n}`);
    return `seat-${n}`;
  };
  return file.seats.map((s) => ({ id: byName.get(s.name) ?? nextId(), name: s.name, kind: s.kind, phones: s.kind === 'team' ? s.phones : 1, ...(s.topic && { topic: s.topic }) }));
}

/** The panel as the definition keeps it: ids as given or by place, empty titles and units left out. */
function judgesOf(file: ContestFile): Judge[] {
  return (file.judges ?? []).map((j, i) => ({ id: j.id ?? judgeIdAt(i), name: j.name, ...(j.title && { title: j.title }), ...(j.unit && { unit: j.unit }) }));
}

function specOf(round: FileRound): DrawSpec {
  if (round.kind === 'judged') return { ...round.draw, types: ['open'] };
  if (round.kind !== 'all-at-once') return round.draw;
  return { ...round.draw, types: round.draw.types.length ? round.draw.types : ALL_AT_ONCE_TYPES };
}

/** How many questions a round draws: one per seat in turn, one open question per seat called in a
 * reflection round (J1), none in an action round. */
function questionsNeeded(round: FileRound, seats: number): number {
  if (round.kind === 'in-turn' || round.kind === 'risk') return round.perSeat * seats;
  if (round.kind === 'judged') return round.prompt === 'question' ? seats : 0;
  return round.questions;
}

/** J1: the order seats are called in: the file's, or drawn by lot (抽签) with the contest's seed,
 * so the same file and seed always draw the same order, and the definition records it. */
export function callingOrder(seats: readonly Seat[], orderBy: 'file' | 'lot', seed: string): string[] {
  const ids = seats.map((s) => s.id);
  return orderBy === 'lot' ? shuffled(ids, seed) : ids;
}

/** The panel's size, for the default aggregate (J3). */
function panelSize(file: ContestFile): number {
  const panel: unknown = (file as { judges?: unknown }).judges;
  return Array.isArray(panel) ? panel.length : 0;
}

/** Turns a checked contest file into a definition, drawing each round's questions in order. */
export function drawContest(
  file: ContestFile,
  bank: readonly Question[],
  seed: string,
  previousSeats: readonly Seat[] = [],
): { ok: true; definition: ContestDefinition } | { ok: false; issues: DefinitionIssue[] } {
  const seats = seatsOf(file, previousSeats);
  const used = new Set<string>();
  const conflicts = bankConflicts(bank);
  const issues: DefinitionIssue[] = [];
  const drawn = file.stages.map((stage, s) => ({
    id: `stage-${s + 1}`,
    name: stage.name,
    weight: stage.weight,
    ...(stage.normalise && { normalise: stage.normalise }),
    rounds: stage.rounds.map((round, r): Round => {
      const draw = specOf(round);
      const need = questionsNeeded(round, seats.length);
      const pool = shuffled(bank.filter((q) => matches(draw, q) && !used.has(q.id)), `${seed}/${s}/${r}`);
      const questions = pickFitting(pool, need, used, conflicts);
      if (questions.length < need) {
        const path = ['stages', s, 'rounds', r];
        const say = (locale: 'zh' | 'en') =>
          `${fieldLabel(locale, path)}${translate(locale, 'definition.separator')}${translate(locale, 'definition.error.not-enough-questions', { need, have: questions.length })}`;
        issues.push({ path: path.join('.'), zh: say('zh'), en: say('en') });
      }
      const order = round.kind === 'judged' ? callingOrder(seats, round.orderBy, `${seed}/order/${s}/${r}`) : [];
      return roundOf(round, `round-${s + 1}-${r + 1}`, draw, questions, seats, order, panelSize(file));
    }),
  }));
  if (issues.length) return { ok: false, issues };
  const stages = withOptionOrder(drawn, seed);
  return { ok: true, definition: { title: file.title, rulesVersion: CURRENT_RULES_VERSION, seats, stages, seed, ...(file.branding && { branding: brandingOf(file.branding) }), ...(file.joining && { joining: file.joining }), ...(file.judges?.length && { judges: judgesOf(file) }), ...rankingPart(file), ...(file.awards && { awards: awardRulesOf(file.awards) }) } };
}

/** Q5: the first `need` questions of a shuffled pool that conflict with nothing already in the
 * contest (`used`, which they join). */
function pickFitting(pool: readonly Question[], need: number, used: Set<string>, conflicts: Conflicts): Question[] {
  const picked: Question[] = [];
  for (const q of pool) {
    if (picked.length === need) break;
    if (!fitsWith(conflicts, q.id, used)) continue;
    picked.push(q);
    used.add(q.id);
  }
  return picked;
}

/** Q2-Q3: every drawn question's options put in order over the whole contest (fixed keys counted
 * first, then the others in contest order, across rounds), each seeded by the contest's seed and its id. */
function withOptionOrder<S extends { rounds: Round[] }>(stages: S[], seed: string): S[] {
  const all = stages.flatMap((stage) => stage.rounds.flatMap((round) => round.questions));
  const ordered = orderAll(all, NO_KEYS, (q) => `${seed}/options/${q.id}`).questions;
  let next = 0;
  return stages.map((stage) => ({ ...stage, rounds: stage.rounds.map((round) => ({ ...round, questions: round.questions.map(() => ordered[next++]) })) }));
}

/** R8: the file's ranking rules, stage tie-breaks by stage id; nothing when the file has none. */
function rankingPart(file: ContestFile): Pick<ContestDefinition, 'ranking'> {
  const ranking = rankingOf(file);
  return ranking ? { ranking } : {};
}

/** Names left empty are left out, so a page never shows an empty 主办 line. */
function brandingOf(file: NonNullable<ContestFile['branding']>): Branding {
  const { organiser, coOrganiser, subtitle, theme } = file;
  return { ...(organiser && { organiser }), ...(coOrganiser && { coOrganiser }), ...(subtitle && { subtitle }), theme };
}

function roundOf(round: FileRound, id: string, draw: DrawSpec, questions: Question[], seats: Seat[], order: string[], panel: number): Round {
  const base = { id, name: round.name, draw, questions };
  const ms = (sec: number) => Math.round(sec * 1000);
  switch (round.kind) {
    case 'buzz-in':
      return {
        ...base,
        kind: 'buzz-in',
        rules: {
          buzzWindowMs: ms(round.buzzWindowSec),
          answerTimeMs: ms(round.answerTimeSec),
          rightPoints: round.rightPoints,
          wrongPoints: round.wrongPoints,
          falseStart: round.falseStart,
          fairness: round.fairness,
          ...(round.risk && { risk: true }),
        },
      };
    case 'in-turn':
      return {
        ...base,
        kind: 'in-turn',
        order: seats.map((s) => s.id),
        perSeat: round.perSeat,
        answerTimeMs: ms(round.answerTimeSec),
        rightPoints: round.rightPoints,
        wrongPoints: round.wrongPoints,
      };
    case 'risk':
      return {
        ...base,
        kind: 'risk',
        risk: { stakes: round.stakes, allowPass: round.allowPass, order: seats.map((s) => s.id), perSeat: round.perSeat, answerTimeMs: ms(round.answerTimeSec) },
      };
    case 'all-at-once':
      return {
        ...base,
        kind: 'all-at-once',
        answerTimeMs: ms(round.answerTimeSec),
        rightPoints: round.rightPoints,
        wrongPoints: round.wrongPoints,
        partialCredit: round.partialCredit,
        partialPoints: round.partialPoints,
      };
    case 'judged':
      return {
        ...base,
        kind: 'judged',
        judging: {
          prompt: round.prompt,
          orderBy: round.orderBy,
          order,
          prepareMs: ms(round.prepareSec),
          speakMs: ms(round.speakSec),
          warnAtMs: ms(round.warnAtSec),
          overtime: round.overtime && { perMs: ms(round.overtime.perSec), points: round.overtime.points },
          scale: round.scale,
          criteria: round.criteria,
          aggregate: round.aggregate ?? defaultAggregate(panel),
          decimals: round.decimals,
        },
      };
  }
}

/** What a swap must respect besides the round's draw. */
export interface SwapContext {
  /** Every question the contest holds or held (swapped-out ones included: they may have been on screen). */
  usedIds: ReadonlySet<string>;
  /** Q3: the key counts of the contest's choice questions as they stand, without the one swapped out. */
  counts: KeyCounts;
  swapNumber: number;
}

/** F4, Q3, Q5: an unused question for the current round's draw that conflicts with nothing the
 * contest holds or held, picked by the seed and the swap count, its options in order. */
export function drawReplacement(definition: ContestDefinition, roundDraw: DrawSpec, bank: readonly Question[], swap: SwapContext): Question | null {
  const conflicts = bankConflicts(bank);
  const pool = bank.filter((q) => matches(roundDraw, q) && !swap.usedIds.has(q.id) && fitsWith(conflicts, q.id, swap.usedIds));
  const question = shuffled(pool, `${definition.seed}/swap/${swap.swapNumber}`)[0];
  return question ? orderOptions(question, swap.counts, `${definition.seed}/swap/${swap.swapNumber}/options`).question : null;
}
