// Contest definitions for tests and benchmarks (no test-runner imports, so benchmarks can use them).
import { DEFAULT_BUZZ_RULES } from '../../shared/contest/defaults.js';
import type { BuzzRules, ContestDefinition, Question } from '../../shared/contest/types.js';

export const T0 = 1_700_000_000_000;

export function question(n: number): Question {
  return {
    id: `q${n}`,
    type: 'open',
    category: 'founding',
    difficulty: 1,
    stem: `第${n}题题干`,
    answer: `答案${n}`,
    explanation: `解析${n}`,
  };
}

export function definition(opts: { seats?: number; questions?: number; rules?: Partial<BuzzRules> } = {}): ContestDefinition {
  const seats = opts.seats ?? 3;
  return {
    title: '测试竞赛',
    seats: Array.from({ length: seats }, (_, i) => ({ id: `s${i + 1}`, name: `${i + 1}号席` })),
    rules: { ...DEFAULT_BUZZ_RULES, ...opts.rules },
    questions: Array.from({ length: opts.questions ?? 3 }, (_, i) => question(i + 1)),
  };
}
