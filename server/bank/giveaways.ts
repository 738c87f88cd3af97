// Q4-Q5: questions that give each other away. Explanations are shown to the whole hall after each
// question, and stems and options are read aloud, so a question whose text carries another's
// answer must never share a contest with it. Text finds most such pairs; the bank's `excludes`
// lists the ones only a reader can see (a paraphrase, two questions that together point at a third).
import { answerKey, type Question } from '../../shared/contest/question.js';
import { grams, matchText } from './match-text.js';

export type GiveawayField = 'stem' | 'options' | 'explanation';

/** `from` shows something that answers `to`: found in its text (`field`), or declared in the bank. */
export type Giveaway = { from: string; to: string; by: 'text'; field: GiveawayField } | { from: string; to: string; by: 'declared' };

/** An answer shorter than this (after matchText) is too common to mean anything on its own. */
const MIN_ANSWER_CHARS = 2;
/** Context: the share of the revealed question's own words (runs of CONTEXT_GRAM characters of
 * its stem) that the revealing text must also contain. An answer alone is not a giveaway ("1921年"
 * is in half the bank); the answer next to the question's own words is ("1921年，中共一大在上海
 * 开幕"). Phrasing the bank uses everywhere ("党的哪一次全国代表大会") is not the question's own. */
const CONTEXT_GRAM = 4;
const CONTEXT_SHARE = 0.2;
/** A run found in more questions than this share of the bank (and more than 4) is phrasing. */
const PHRASING_SHARE = 0.03;

/** The ways a question's answer can be given away, each a list of texts that must all appear: an
 * open answer or any name it gives in brackets ("国民党一大（中国国民党第一次全国代表大会）"), or
 * every key option of a choice question (a multiple-choice key is given away only whole).
 * True/false has no text to find. */
function answerForms(q: Question): string[][] {
  if (q.type === 'true-false') return [];
  if (q.type !== 'open') return [answerKey(q).map((i) => matchText(q.options[i] ?? ''))];
  const inBrackets = [...q.answer.matchAll(/[（(]([^）)]*)[）)]/g)].map((m) => m[1]);
  const outside = q.answer.replace(/[（(][^）)]*[）)]/g, '');
  return [outside, ...inBrackets].map((t) => [matchText(t)]).filter(([t]) => [...t].length >= MIN_ANSWER_CHARS);
}

interface Prepared {
  q: Question;
  fields: Record<GiveawayField, string>;
  /** Options that are not keys: shown as wrong, so one that merely equals an answer reveals nothing. */
  distractors: Set<string>;
  all: string;
  forms: string[][];
  stemGrams: Set<string>;
  allGrams: Set<string>;
}

function prepare(q: Question): Prepared {
  const options = q.type === 'single' || q.type === 'multiple' ? q.options.map(matchText) : [];
  const keys = new Set(answerKey(q));
  const fields = { stem: matchText(q.stem), options: options.join('|'), explanation: matchText(q.explanation ?? '') };
  const forms = answerForms(q);
  let stem = fields.stem;
  for (const a of forms.flat()) if (a) stem = stem.split(a).join('|');
  const stemGrams = new Set([...grams(stem, CONTEXT_GRAM)].filter((g) => !g.includes('|')));
  const all = `${fields.stem}|${fields.options}|${fields.explanation}`;
  return { q, fields, distractors: new Set(options.filter((_, i) => !keys.has(i))), all, forms, stemGrams, allGrams: grams(all, CONTEXT_GRAM) };
}

/** Drops the phrasing the whole bank shares from each stem's own words (keeping all of a stem
 * that is nothing but phrasing, so it can still be matched). */
function dropPhrasing(items: Prepared[]): void {
  const seenIn = new Map<string, number>();
  for (const p of items) for (const g of p.allGrams) seenIn.set(g, (seenIn.get(g) ?? 0) + 1);
  const limit = Math.max(4, Math.ceil(items.length * PHRASING_SHARE));
  for (const p of items) {
    const own = [...p.stemGrams].filter((g) => (seenIn.get(g) ?? 0) <= limit);
    if (own.length) p.stemGrams = new Set(own);
  }
}

/** Bigram index over every question's text, so each answer is looked for only where it can be. */
function bigramIndex(items: Prepared[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  items.forEach((p, i) => {
    for (const g of grams(p.all, 2)) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  return index;
}

/** Questions whose text holds every one of the answers: the smallest posting list, then a scan. */
function holders(answers: string[], items: Prepared[], index: Map<string, number[]>): number[] {
  let best: number[] | null = null;
  for (const a of answers) {
    for (const g of grams(a, 2)) {
      const list = index.get(g) ?? [];
      if (!best || list.length < best.length) best = list;
    }
  }
  return (best ?? []).filter((i) => answers.every((a) => items[i].all.includes(a)));
}

/** Q4: every pair where one question's stem, options or explanation gives another's answer away,
 * by text (answer plus context) and as declared in `excludes`; each pair once, in bank order. */
export function findGiveaways(questions: readonly Question[]): Giveaway[] {
  const items = questions.map(prepare);
  dropPhrasing(items);
  const index = bigramIndex(items);
  const out: Giveaway[] = [];
  const seen = new Set<string>();
  const add = (g: Giveaway) => {
    const key = `${g.from}\u0000${g.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(g);
  };
  items.forEach((to) => {
    for (const answers of to.forms) {
      if (answers.some((a) => [...a].length < MIN_ANSWER_CHARS)) continue;
      for (const i of holders(answers, items, index)) {
        const from = items[i];
        if (from.q.id === to.q.id) continue;
        if (onlyAsDistractor(answers, from) || !inContext(to, from)) continue;
        add({ from: from.q.id, to: to.q.id, by: 'text', field: fieldOf(answers, from) });
      }
    }
  });
  const ids = new Set(questions.map((q) => q.id));
  // A pair declared from both sides is one decision: listed once, from the side that named it first.
  for (const q of questions) {
    for (const other of q.excludes ?? []) {
      if (ids.has(other) && other !== q.id && !seen.has(`${other}\u0000${q.id}`)) add({ from: q.id, to: other, by: 'declared' });
    }
  }
  return out;
}

/** An answer that `from` shows only as a whole wrong option is a candidate, not a giveaway. */
function onlyAsDistractor(answers: string[], from: Prepared): boolean {
  return answers.some((a) => {
    if (from.fields.stem.includes(a) || from.fields.explanation.includes(a)) return false;
    return from.fields.options.split('|').every((o) => !o.includes(a) || (o === a && from.distractors.has(o)));
  });
}

function inContext(to: Prepared, from: Prepared): boolean {
  if (to.stemGrams.size === 0) return true;
  let shared = 0;
  for (const g of to.stemGrams) if (from.allGrams.has(g)) shared++;
  return shared / to.stemGrams.size >= CONTEXT_SHARE;
}

/** The first field that holds the whole answer; a key spread over fields counts as the explanation. */
function fieldOf(answers: string[], from: Prepared): GiveawayField {
  for (const field of ['stem', 'options', 'explanation'] as const) if (answers.every((a) => from.fields[field].includes(a))) return field;
  return 'explanation';
}

/** Q5: for each question, the questions it may never share a contest with (both directions). */
export function conflictsOf(giveaways: readonly Giveaway[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = map.get(a);
    if (set) set.add(b);
    else map.set(a, new Set([b]));
  };
  for (const g of giveaways) {
    link(g.from, g.to);
    link(g.to, g.from);
  }
  return map;
}
