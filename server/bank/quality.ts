// Finds what makes a bank unfit for a fair contest (题库体检), beyond the row errors that stop an
// import: the same question twice, questions that give each other away, answers guessable from
// their letter, options that repeat, and a difficulty spread too easy for a final.
import { type KeyLetters, type NearDuplicate, type QualityReport } from '../../shared/bank-quality.js';
import { answerKey, letters, type Question } from '../../shared/contest/question.js';
import { findGiveaways } from './giveaways.js';
import { grams, matchText } from './match-text.js';
import type { BankDuplicate, BankIssue } from './validate.js';

export interface QualityInput {
  /** The file's questions that passed the row checks, with their rows. */
  fresh: readonly { row: number; question: Question }[];
  errors: readonly BankIssue[];
  duplicates: readonly BankDuplicate[];
  /** Ids that exist outside the file (the bank's, for an import check), for `excludes`. */
  knownIds?: ReadonlySet<string>;
  /** The file named its questions (a JSON bank): the report shows each row's id. */
  showIds?: boolean;
}

/** Stems this alike (bigram Dice) with the same answer are one question asked twice. */
const SIMILAR_STEMS = 0.85;

/** The whole report for one file. */
export function checkQuality(input: QualityInput): QualityReport {
  const questions = input.fresh.map((f) => f.question);
  const rowOf = new Map(input.fresh.map((f) => [f.question.id, f.row]));
  const tally = (key: (q: Question) => string) => questions.reduce<Record<string, number>>((acc, q) => ((acc[key(q)] = (acc[key(q)] ?? 0) + 1), acc), {});
  const hard = questions.filter((q) => q.difficulty >= 4).length;
  return {
    questions: questions.length,
    byCategory: tally((q) => q.category),
    byType: tally((q) => q.type),
    byDifficulty: tally((q) => String(q.difficulty)),
    hardShare: questions.length ? hard / questions.length : 0,
    duplicates: [...input.duplicates.flatMap((d): NearDuplicate[] => ('row' in d.sameAs ? [{ rows: [d.sameAs.row, d.row], kind: 'exact', sameAnswer: true }] : [])), ...nearDuplicates(input.fresh)].sort(
      (a, b) => a.rows[1] - b.rows[1] || a.rows[0] - b.rows[0],
    ),
    giveaways: findGiveaways(questions).map((g) => ({ fromRow: rowOf.get(g.from) ?? 0, toRow: rowOf.get(g.to) ?? 0, by: g.by, ...(g.by === 'text' && { field: g.field }) })),
    keyLetters: keyLetters(questions),
    repeatedOptions: repeatedOptions(input),
    answersOutside: input.errors.filter((e) => e.code === 'answer-out-of-range').map((e) => ({ row: e.row, letter: String(e.params.letter), last: String(e.params.last) })),
    unknownExcludes: input.fresh.flatMap(({ row, question }) => (question.excludes ?? []).filter((id) => !rowOf.has(id) && !input.knownIds?.has(id)).map((id) => ({ row, id }))),
    orderWords: input.fresh.flatMap(({ row, question: q }) => (q.type === 'single' || q.type === 'multiple') && !q.fixedOptions ? q.options.flatMap((o, i) => (ORDER_WORDS.test(matchText(o)) ? [{ row, letter: letters([i]) }] : [])) : []),
    missingSource: input.fresh.filter((f) => !f.question.source?.trim()).map((f) => f.row),
    ...(input.showIds && { ids: Object.fromEntries(input.fresh.map((f) => [String(f.row), f.question.id])) }),
  };
}

/** What a right answer is, whatever the type, so two rows can be compared. */
function answerSignature(q: Question): string {
  if (q.type === 'open') return `open:${matchText(q.answer)}`;
  if (q.type === 'true-false') return `tf:${q.answer}`;
  return `choice:${answerKey(q)
    .map((i) => matchText(q.options[i] ?? ''))
    .sort()
    .join('|')}`;
}

/** The same stem once width, case, spaces and punctuation are set aside; or nearly the same stem
 * with the same answer. Candidates come from a bigram index, so a bank of thousands stays quick. */
function nearDuplicates(fresh: QualityInput['fresh']): NearDuplicate[] {
  const items = fresh.map((f) => ({ row: f.row, stem: matchText(f.question.stem), answer: answerSignature(f.question), bigrams: grams(matchText(f.question.stem), 2) }));
  const out: NearDuplicate[] = [];
  const firstWithStem = new Map<string, number>();
  const index = new Map<string, number[]>();
  items.forEach((item, i) => {
    const same = firstWithStem.get(item.stem);
    if (same !== undefined) {
      out.push({ rows: [items[same].row, item.row], kind: 'same-stem', sameAnswer: items[same].answer === item.answer });
    } else {
      firstWithStem.set(item.stem, i);
      const shared = new Map<number, number>();
      for (const g of item.bigrams) for (const j of index.get(g) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
      for (const [j, n] of shared) {
        const other = items[j];
        if (other.answer === item.answer && (2 * n) / (other.bigrams.size + item.bigrams.size) >= SIMILAR_STEMS) {
          out.push({ rows: [other.row, item.row], kind: 'similar', sameAnswer: true });
        }
      }
    }
    for (const g of item.bigrams) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  return out;
}

/** Per type and option count, how often each letter is a key. Balanced when no letter is ahead of
 * another by more than a quarter of the fair share (and never when by just two: small groups). */
function keyLetters(questions: readonly Question[]): KeyLetters[] {
  const groups = new Map<string, KeyLetters>();
  for (const q of questions) {
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    const key = `${q.type}/${q.options.length}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { type: q.type, options: q.options.length, questions: 0, counts: q.options.map(() => 0), balanced: true }));
    group.questions++;
    for (const i of q.answer) group.counts[i]++;
  }
  return [...groups.values()]
    .map((g) => {
      const fair = g.counts.reduce((a, b) => a + b, 0) / g.options;
      return { ...g, balanced: Math.max(...g.counts) - Math.min(...g.counts) <= Math.max(2, Math.ceil(fair / 4)) };
    })
    .sort((a, b) => a.type.localeCompare(b.type) || a.options - b.options);
}

/** Options that read the same: exact repeats (a row error) and repeats once normalised. */
function repeatedOptions(input: QualityInput): { row: number; letters: string }[] {
  const exact = input.errors.filter((e) => e.code === 'duplicate-option').map((e) => ({ row: e.row, letters: `${String(e.params.other)}${String(e.params.letter)}` }));
  const normalised = input.fresh.flatMap(({ row, question: q }) => {
    if (q.type !== 'single' && q.type !== 'multiple') return [];
    const first = new Map<string, number>();
    const found: { row: number; letters: string }[] = [];
    q.options.forEach((o, i) => {
      const text = matchText(o);
      const before = first.get(text);
      if (before === undefined) first.set(text, i);
      else found.push({ row, letters: letters([before, i]) });
    });
    return found;
  });
  return [...exact, ...normalised].sort((a, b) => a.row - b.row);
}

/** "以上都是", "以上均不正确", "all of the above": options that only read right in their place. */
const ORDER_WORDS = /^(以上.{0,4}(都|均|全|皆)|(all|none|both)ofthe(above|options))/;
