// Questions as the engine knows them, after a bank file's rows are parsed and checked.
// Choice answers are option indices (0 = A); a true/false question's two choices are
// 0 = 对 (true) and 1 = 错 (false), labelled by the pages in the viewer's language.

export type QuestionType = 'open' | 'single' | 'multiple' | 'true-false';
export const QUESTION_TYPES: QuestionType[] = ['open', 'single', 'multiple', 'true-false'];

/** At most this many options (A-H): more do not fit a phone or a projector. */
export const MAX_OPTIONS = 8;
export const MIN_OPTIONS = 2;

interface QuestionBase {
  id: string;
  category: string;
  difficulty: number;
  /** Points for this question where the round lets questions carry their own value. */
  points?: number;
  stem: string;
  explanation: string;
  source?: string;
  /** Q1: the options keep the bank's order in every contest (true/false, "以上都是", a sequence). */
  fixedOptions?: boolean;
  /** Q4: ids of questions this one must never share a contest with, where text cannot tell. */
  excludes?: string[];
}

export type OpenQuestion = QuestionBase & { type: 'open'; answer: string };
export type ChoiceQuestion = QuestionBase & {
  type: 'single' | 'multiple';
  options: string[];
  answer: number[];
  /** Q2: recorded when a contest shuffles the options: the bank's index of the option shown at
   * each place, so the order can be audited against the bank. Absent: the bank's own order. */
  optionOrder?: number[];
};
export type TrueFalseQuestion = QuestionBase & { type: 'true-false'; answer: boolean };
export type Question = OpenQuestion | ChoiceQuestion | TrueFalseQuestion;

/** How many choices a phone offers for this question (0 for an open answer). */
export function choiceCount(q: Question): number {
  if (q.type === 'open') return 0;
  return q.type === 'true-false' ? 2 : q.options.length;
}

/** The right choices as indices, for grading; empty for an open answer. */
export function answerKey(q: Question): number[] {
  if (q.type === 'open') return [];
  if (q.type === 'true-false') return [q.answer ? 0 : 1];
  return q.answer;
}

/** Option letters for indices: [0, 2] -> "AC". */
export function letters(indices: readonly number[]): string {
  return indices.map((i) => String.fromCharCode(65 + i)).join('');
}

/** Two questions are exact duplicates when everything a contestant sees and the key match. */
export function fingerprint(q: Question): string {
  const options = q.type === 'single' || q.type === 'multiple' ? q.options : [];
  const answer = q.type === 'open' ? q.answer.trim() : letters(answerKey(q));
  return JSON.stringify([q.type, q.stem.trim(), options.map((o) => o.trim()), answer]);
}
