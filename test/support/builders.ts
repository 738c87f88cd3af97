// Small builders for contest definitions and command scripts, shared by the tests.
import { expect } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { DEFAULT_BUZZ_RULES } from '../../shared/contest/defaults.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { BuzzRules, ContestDefinition, ContestState, Question } from '../../shared/contest/types.js';

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

/** Applies commands that must all be accepted; fails the test on the first refusal. */
export function play(state: ContestState, commands: Command[]): ContestState {
  for (const command of commands) {
    const result = apply(state, command);
    if (!result.ok) expect.fail(`${command.type} at ${command.at} refused: ${result.error}`);
    state = result.state;
  }
  return state;
}

/** A contest on its first question, buzzers open at T0. */
export function openQuestion(def: ContestDefinition = definition()): ContestState {
  return play(initialState(def), [
    { type: 'question:next', at: T0 - 5000 },
    { type: 'buzzers:open', at: T0 },
  ]);
}
