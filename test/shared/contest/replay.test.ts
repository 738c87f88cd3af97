// One replay (RULES.md D3, D4): the log rebuilt through one function that reports refusals.
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { apply, initialState } from '../../../shared/contest/engine.js';
import { CURRENT_RULES_VERSION, replay, rulesVersionOf, type ReplayStep } from '../../../shared/contest/replay.js';
import { definition, T0 } from '../../support/builders.js';

const at = (ms: number) => T0 + ms;

describe('[D3] one replay', () => {
  it('[D3] reports each refused command with its place, type and code, and goes on from the state before it', () => {
    const def = definition();
    const log: Command[] = [
      { type: 'question:next', at: at(0) },
      { type: 'answer:rule', verdict: 'right', at: at(1) }, // nobody is answering
      { type: 'question:next', at: at(2) },
      { type: 'ruling:undo', at: at(3) }, // nothing to undo
    ];
    const { state, refused } = replay(def, log);
    expect(refused).toEqual([
      { index: 1, type: 'answer:rule', error: expect.any(String) },
      { index: 3, type: 'ruling:undo', error: expect.any(String) },
    ]);
    expect(Object.values(CommandError)).toContain(refused[0].error);
    // The same as applying only the accepted ones.
    const accepted = [log[0], log[2]].reduce((s, c) => {
      const r = apply(s, c);
      if (!r.ok) throw new Error(r.error);
      return r.state;
    }, initialState(def));
    expect(state).toEqual(accepted);
  });

  it('[D3] the hook sees every accepted command, in order, with the state it left', () => {
    const def = definition();
    const log: Command[] = [
      { type: 'question:next', at: at(0) },
      { type: 'ruling:undo', at: at(1) },
      { type: 'question:next', at: at(2) },
      { type: 'buzzers:open', at: at(3) },
    ];
    const steps: ReplayStep[] = [];
    const { state } = replay(def, log, (step) => steps.push(step));
    expect(steps.map((s) => [s.index, s.command.type])).toEqual([
      [0, 'question:next'],
      [2, 'question:next'],
      [3, 'buzzers:open'],
    ]);
    expect(steps.map((s) => s.result.state.stage)).toEqual(['round', 'round', 'round']);
    expect(steps[0].result.state.question).toBeNull();
    expect(steps.at(-1)?.result.state).toBe(state);
  });

  it('[D3] an empty log is the contest as defined', () => {
    const def = definition();
    expect(replay(def, [])).toEqual({ state: initialState(def), refused: [] });
  });

  it('[D4] a definition without a rules version was played under 1; the current rules are 2', () => {
    expect(CURRENT_RULES_VERSION).toBe(2);
    expect(rulesVersionOf(definition())).toBe(1);
    expect(rulesVersionOf({ ...definition(), rulesVersion: 2 })).toBe(2);
  });
});
