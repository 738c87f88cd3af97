// Small builders for contest definitions and command scripts, shared by the tests.
import { expect } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { ContestDefinition, ContestState } from '../../shared/contest/types.js';
import { definition, T0 } from './definitions.js';

export { definition, question, T0 } from './definitions.js';

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
