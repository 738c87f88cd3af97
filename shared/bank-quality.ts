// The bank quality report (题库体检): what `npm run bank:check` prints and the host console's bank
// panel shows after an import check. The server finds the problems (server/bank/quality.ts); this
// file is the report's shape on the wire and its words, so the terminal and the page say the same.
import { isMessageKey, type MessageKey } from './i18n/index.js';

export type QualityTranslate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type QualityFormat = 'xlsx' | 'csv' | 'json';

/** Two rows that ask the same thing: the same words (`exact`, `same-stem`) or nearly (`similar`). */
export interface NearDuplicate {
  rows: [number, number];
  kind: 'exact' | 'same-stem' | 'similar';
  /** For `same-stem`: whether the answers agree (they don't: one of the keys is wrong). */
  sameAnswer: boolean;
}

export interface QualityGiveaway {
  /** The row whose stem, options or explanation gives the other's answer away. */
  fromRow: number;
  toRow: number;
  by: 'text' | 'declared';
  field?: 'stem' | 'options' | 'explanation';
}

/** How often each letter is a key, among the single (or multiple) choice questions with `options` options. */
export interface KeyLetters {
  type: 'single' | 'multiple';
  options: number;
  questions: number;
  counts: number[];
  balanced: boolean;
}

export interface QualityReport {
  /** Rows that are questions (rows with errors are reported with the errors). */
  questions: number;
  byCategory: Record<string, number>;
  byType: Record<string, number>;
  byDifficulty: Record<string, number>;
  /** Share of the questions at difficulty 4 or 5, 0..1. */
  hardShare: number;
  duplicates: NearDuplicate[];
  giveaways: QualityGiveaway[];
  keyLetters: KeyLetters[];
  /** Options of one question that read the same once width, case, spaces and punctuation are set aside. */
  repeatedOptions: { row: number; letters: string }[];
  /** Answer letters past the last option: the row cannot be imported until it is fixed. */
  answersOutside: { row: number; letter: string; last: string }[];
  /** `excludes` naming an id that is in neither the file nor (for an import check) the bank. */
  unknownExcludes: { row: number; id: string }[];
  /** "以上都是" and the like in a question whose options are not marked fixed: a shuffle breaks it. */
  orderWords: { row: number; letter: string }[];
  missingSource: number[];
  /** Question ids by row, where the file gave them (a JSON bank): shown beside the row number. */
  ids?: Record<string, string>;
}

/** The eras in history's order, then any other category by name. */
const ERA_ORDER = ['founding', 'revolution', 'construction', 'reform', 'new-era'];

/** Below this share of hard questions the report warns: a final needs them (issue 14). */
export const HARD_SHARE_FOR_A_FINAL = 0.2;

/** One section of the report: a heading and its lines; `ok` when it holds no problem. */
export interface QualitySection {
  id: 'counts' | 'duplicates' | 'giveaways' | 'declared' | 'keys' | 'options' | 'outside' | 'excludes' | 'order' | 'sources';
  ok: boolean;
  heading: string;
  lines: string[];
}

/** Rows without a source named one by one before "and N more". */
const SOURCES_LISTED = 20;

const LETTER = (i: number) => String.fromCharCode(65 + i);

/** The report in words, section by section, in the language `t` speaks. */
export function qualitySections(t: QualityTranslate, format: QualityFormat | null, r: QualityReport): QualitySection[] {
  const at = (row: number) => {
    const place = t(format === 'json' ? 'bankCheck.at.question' : 'bankCheck.at.row', { row });
    const id = r.ids?.[String(row)];
    return id ? t('bankCheck.at.with-id', { place, id }) : place;
  };
  const list = (items: string[]) => items.join(t('bankCheck.list'));
  const counts = (record: Record<string, number>, name: (k: string) => string) =>
    list(Object.entries(record).sort(byEra).map(([k, n]) => t('bankCheck.count', { name: name(k), n })));
  const named = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  const category = (k: string) => (k ? named(`category.${k}`, k) : t('bank.category.none'));
  const type = (k: string) => named(`bank.type.${k}`, k);
  const hardPercent = Math.round(r.hardShare * 1000) / 10;
  const hardOk = r.hardShare >= HARD_SHARE_FOR_A_FINAL;
  const difficulty = ['1', '2', '3', '4', '5'].map((d) => t('bankCheck.count', { name: t('bankCheck.difficulty', { d }), n: r.byDifficulty[d] ?? 0 }));
  const found = r.giveaways.filter((g) => g.by === 'text');
  const declared = r.giveaways.filter((g) => g.by === 'declared');
  const sections: QualitySection[] = [
    {
      id: 'counts',
      ok: hardOk,
      heading: t('bankCheck.counts.heading', { n: r.questions }),
      lines: [
        t('bankCheck.counts.category', { list: counts(r.byCategory, category) }),
        t('bankCheck.counts.type', { list: counts(r.byType, type) }),
        t('bankCheck.counts.difficulty', { list: list(difficulty) }),
        t(hardOk ? 'bankCheck.counts.hard-ok' : 'bankCheck.counts.hard-low', { percent: hardPercent, want: HARD_SHARE_FOR_A_FINAL * 100 }),
      ],
    },
    section('duplicates', t, r.duplicates, (d) => t(`bankCheck.duplicates.${d.kind === 'same-stem' && !d.sameAnswer ? 'conflict' : d.kind}`, { a: at(d.rows[0]), b: at(d.rows[1]) })),
    section('giveaways', t, found, (g) => t(`bankCheck.giveaways.${g.field ?? 'explanation'}`, { a: at(g.fromRow), b: at(g.toRow) })),
    // Declared pairs are the bank author's own decision, already kept apart by the draw: listed, not faulted.
    { ...section('declared', t, declared, (g) => t('bankCheck.declared.line', { a: at(g.fromRow), b: at(g.toRow) })), ok: true },
    {
      id: 'keys',
      ok: r.keyLetters.every((k) => k.balanced),
      heading: t('bankCheck.keys.heading'),
      lines: r.keyLetters.map((k) =>
        t(k.balanced ? 'bankCheck.keys.balanced' : 'bankCheck.keys.unbalanced', {
          type: type(k.type),
          options: k.options,
          questions: k.questions,
          list: list(k.counts.map((n, i) => t('bankCheck.count', { name: LETTER(i), n }))),
        }),
      ),
    },
    section('options', t, r.repeatedOptions, (o) => t('bankCheck.options.line', { at: at(o.row), letters: o.letters })),
    section('outside', t, r.answersOutside, (o) => t('bankCheck.outside.line', { at: at(o.row), letter: o.letter, last: o.last })),
    section('excludes', t, r.unknownExcludes, (e) => t('bankCheck.excludes.line', { at: at(e.row), id: e.id })),
    section('order', t, r.orderWords, (o) => t('bankCheck.order.line', { at: at(o.row), letter: o.letter })),
    {
      id: 'sources',
      ok: r.missingSource.length === 0,
      heading: t('bankCheck.sources.heading', { n: r.missingSource.length }),
      lines: r.missingSource.length ? [t(r.missingSource.length > SOURCES_LISTED ? 'bankCheck.sources.rows-more' : 'bankCheck.sources.rows', { list: list(r.missingSource.slice(0, SOURCES_LISTED).map(at)), more: r.missingSource.length - SOURCES_LISTED })] : [],
    },
  ];
  return sections;
}

/** Eras first in history's order; types and other categories by name. */
function byEra([a]: [string, number], [b]: [string, number]): number {
  const rank = (k: string) => (ERA_ORDER.includes(k) ? ERA_ORDER.indexOf(k) : ERA_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

type ListSection = 'duplicates' | 'giveaways' | 'declared' | 'options' | 'outside' | 'excludes' | 'order';

function section<T>(id: ListSection, t: QualityTranslate, items: T[], line: (item: T) => string): QualitySection {
  // With nothing found, the hint on what to do about it would only be noise.
  const none = `bankCheck.${id}.none`;
  const heading = items.length === 0 && isMessageKey(none) ? t(none) : t(`bankCheck.${id}.heading`, { n: items.length });
  return { id, ok: items.length === 0, heading, lines: items.map(line) };
}
