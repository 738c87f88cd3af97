// Small builders for contest definitions and command scripts, shared by the tests.
import { expect } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { BuzzInQuestion, ContestDefinition, ContestState } from '../../shared/contest/types.js';
import { definition, T0 } from './definitions.js';

export * from './definitions.js';

/** Applies commands that must all be accepted; fails the test on the first refusal. */
export function play(state: ContestState, commands: Command[]): ContestState {
  for (const command of commands) {
    const result = apply(state, command);
    if (!result.ok) expect.fail(`${command.type} at ${command.at} refused: ${result.error}`);
    state = result.state;
  }
  return state;
}

/** The current question as a buzz-in question; fails the test if it is anything else. */
export function bq(state: ContestState): BuzzInQuestion {
  if (state.question?.kind !== 'buzz-in') return expect.fail(`not on a buzz-in question: ${state.question?.kind}`);
  return state.question;
}

/** A contest on its first question, buzzers open at T0. */
export function openQuestion(def: ContestDefinition = definition()): ContestState {
  return play(initialState(def), [
    { type: 'question:next', at: T0 - 6000 },
    { type: 'question:next', at: T0 - 5000 },
    { type: 'buzzers:open', at: T0 },
  ]);
}
