// The question bank (题库) in the server's SQLite file: one row per question, its fingerprint
// unique, so an exact duplicate can never be stored twice and an import is all or nothing.
import type { Store } from '../storage/store.js';
import { fingerprint, QUESTION_TYPES, type Question, type QuestionType } from '../../shared/contest/question.js';
import type { BankIndex } from './validate.js';

export interface BankFilter {
  categories?: readonly string[];
  difficulties?: readonly number[];
  types?: readonly QuestionType[];
}

export interface BankSummary {
  count: number;
  byCategory: Record<string, number>;
  byType: Record<QuestionType, number>;
}

export interface BankStore {
  count(): number;
  /** Every question, in the order they were added. */
  all(): Question[];
  /** Questions matching every given list; an empty or missing list matches anything. */
  byFilter(filter: BankFilter): Question[];
  /** Adds all the questions in one transaction, or none of them (and throws). */
  insertMany(questions: readonly Question[]): number;
  /** Fingerprints and ids already present, for an import to spot repeats before writing. */
  index(): BankIndex;
  summary(): BankSummary;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bank_questions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  category TEXT NOT NULL,
  difficulty INTEGER NOT NULL,
  question TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bank_questions_draw ON bank_questions (category, difficulty, type);
`;

/** Opens the bank table in the store's database, creating it if needed. An import is synced to
 * disk before it is reported done: the store's log syncs only for contest commands, and an
 * organiser told "imported" must not lose the questions to a power cut. */
export function openBank(store: Pick<Store, 'db' | 'durability'>): BankStore {
  const { db } = store;
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO bank_questions (id, fingerprint, type, category, difficulty, question) VALUES (?, ?, ?, ?, ?, ?)');
  const selectAll = db.prepare('SELECT question FROM bank_questions ORDER BY seq');
  const selectCount = db.prepare('SELECT COUNT(*) AS n FROM bank_questions');
  const selectIndex = db.prepare('SELECT id, fingerprint FROM bank_questions');
  const selectByCategory = db.prepare('SELECT category, COUNT(*) AS n FROM bank_questions GROUP BY category');
  const selectByType = db.prepare('SELECT type, COUNT(*) AS n FROM bank_questions GROUP BY type');

  const insertAll = db.transaction((questions: readonly Question[]) => {
    for (const q of questions) insert.run(q.id, fingerprint(q), q.type, q.category, q.difficulty, JSON.stringify(q));
    return questions.length;
  });

  const parse = (rows: unknown[]) => (rows as { question: string }[]).map((r) => JSON.parse(r.question) as Question);

  return {
    count: () => (selectCount.get() as { n: number }).n,
    all: () => parse(selectAll.all()),
    byFilter(filter) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const among = (column: string, values: readonly (string | number)[] | undefined) => {
        if (!values?.length) return;
        where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        params.push(...values);
      };
      among('category', filter.categories);
      among('difficulty', filter.difficulties);
      among('type', filter.types);
      const sql = `SELECT question FROM bank_questions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
      return parse(db.prepare(sql).all(...params));
    },
    insertMany(questions) {
      const added = insertAll(questions);
      store.durability.syncNow();
      return added;
    },
    index() {
      const rows = selectIndex.all() as { id: string; fingerprint: string }[];
      return { fingerprints: new Map(rows.map((r) => [r.fingerprint, r.id])), ids: new Set(rows.map((r) => r.id)) };
    },
    summary() {
      const byCategory = Object.fromEntries((selectByCategory.all() as { category: string; n: number }[]).map((r) => [r.category, r.n]));
      const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
      for (const r of selectByType.all() as { type: QuestionType; n: number }[]) byType[r.type] = r.n;
      return { count: (selectCount.get() as { n: number }).n, byCategory, byType };
    },
  };
}
