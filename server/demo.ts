// The demo contest `npm start` runs: six seats and a buzz-in round on the bundled bank.
import { DEFAULT_BUZZ_RULES } from '../shared/contest/defaults.js';
import type { ContestDefinition } from '../shared/contest/types.js';
import type { Bank } from './bank.js';

export const DEMO_SEATS = ['第一代表队', '第二代表队', '第三代表队', '第四代表队', '第五代表队', '第六代表队'];
export const DEMO_QUESTION_COUNT = 15;

/** Picks an even spread of the bank's questions across its eras, in bank order. */
export function demoContest(bank: Bank): ContestDefinition {
  const step = Math.max(1, Math.floor(bank.questions.length / DEMO_QUESTION_COUNT));
  const questions = bank.questions.filter((_, i) => i % step === 0).slice(0, DEMO_QUESTION_COUNT);
  return {
    title: '党史知识竞赛（演示）',
    seats: DEMO_SEATS.map((name, i) => ({ id: `seat-${i + 1}`, name })),
    rules: DEFAULT_BUZZ_RULES,
    questions,
  };
}
