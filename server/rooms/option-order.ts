// Q1-Q3: the order a choice question's options are shown in. A bank written by hand puts the key
// where its author thought of it (A and B, rarely the last), so a contest shows each question's
// options in a seeded order that keeps the key letters balanced and still unpredictable.
import seedrandom from 'seedrandom';
import { answerKey, type ChoiceQuestion, type Question } from '../../shared/contest/question.js';

/** Per type and option count ("single/4"), how many times each letter (0 = A) has been a key so
 * far. Single and multiple choice are kept apart: balanced together, the multiple-choice keys
 * could still all hold A and B. */
export type KeyCounts = ReadonlyMap<string, readonly number[]>;

/** The group a choice question's keys are counted in. */
export const keyGroup = (q: ChoiceQuestion): string => `${q.type}/${q.options.length}`;

export const NO_KEYS: KeyCounts = new Map();

const isChoice = (q: Question): q is ChoiceQuestion => q.type === 'single' || q.type === 'multiple';

/** Q1: whether a question's options keep the bank's order (true/false, fixed, open). */
export function keepsOrder(q: Question): boolean {
  return !isChoice(q) || q.fixedOptions === true;
}

/** The counts with one question's keys added: a multiple-choice key counts each letter it holds. */
export function countKeys(counts: KeyCounts, q: Question): KeyCounts {
  if (!isChoice(q)) return counts;
  const row = [...(counts.get(keyGroup(q)) ?? new Array<number>(q.options.length).fill(0))];
  for (const i of answerKey(q)) row[i]++;
  return new Map(counts).set(keyGroup(q), row);
}

/** Q3: the key letters of these questions, counted as the hall saw them. */
export function keyCountsOf(questions: readonly Question[]): KeyCounts {
  return questions.reduce(countKeys, NO_KEYS);
}

/** Q3: the places a question's keys go: one at a time, at random among the unused places whose
 * count is at most one above the least-used unused place. Over many questions no letter gets more
 * than two ahead of another, and no cycle lets a contestant guess the next. */
function keyPlaces(rng: () => number, row: readonly number[], keys: number): number[] {
  const free = row.map((_, i) => i);
  const places: number[] = [];
  for (let k = 0; k < keys; k++) {
    const least = Math.min(...free.map((i) => row[i]));
    const candidates = free.filter((i) => row[i] <= least + 1);
    const place = candidates[Math.floor(rng() * candidates.length)];
    places.push(place);
    free.splice(free.indexOf(place), 1);
  }
  return places.sort((a, b) => a - b);
}

function shuffle<T>(rng: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Q2-Q3: a question with its options in a seeded, balanced order (the answer remapped and the
 * order recorded), and the counts with its keys added. Fixed, true/false and open questions come
 * back as they are; a fixed choice question's keys still count, since the hall sees them. */
export function orderOptions(q: Question, counts: KeyCounts, seed: string): { question: Question; counts: KeyCounts } {
  if (keepsOrder(q) || !isChoice(q)) return { question: q, counts: countKeys(counts, q) };
  const rng = seedrandom(seed);
  const n = q.options.length;
  const row = counts.get(keyGroup(q)) ?? new Array<number>(n).fill(0);
  const keys = new Set(q.answer);
  const places = keyPlaces(rng, row, keys.size);
  const keyOptions = shuffle(rng, q.answer);
  const distractors = shuffle(
    rng,
    q.options.map((_, i) => i).filter((i) => !keys.has(i)),
  );
  const order = Array.from({ length: n }, (_, p) => (places.includes(p) ? keyOptions[places.indexOf(p)] : (distractors.shift() as number)));
  const bankOrder = q.optionOrder ?? q.options.map((_, i) => i);
  const question: ChoiceQuestion = {
    ...q,
    options: order.map((i) => q.options[i]),
    answer: places,
    optionOrder: order.map((i) => bankOrder[i]),
  };
  return { question, counts: countKeys(counts, question) };
}

/** Q2-Q3: every question of a list ordered in turn, each seeded by `seedOf` and continuing the
 * counts of the ones before it. The keys of questions that keep their order are counted first:
 * they cannot move, so the others make up for them wherever they stand in the list. */
export function orderAll(questions: readonly Question[], counts: KeyCounts, seedOf: (q: Question, index: number) => string): { questions: Question[]; counts: KeyCounts } {
  let running = questions.filter(keepsOrder).reduce(countKeys, counts);
  const out = questions.map((q, i) => {
    if (keepsOrder(q)) return q;
    const ordered = orderOptions(q, running, seedOf(q, i));
    running = ordered.counts;
    return ordered.question;
  });
  return { questions: out, counts: running };
}
