// The full-screen leaderboard the host calls between questions (RULES.md L).
import { describe, expect, it } from 'vitest';
import { CommandError, type Command } from '../../../shared/contest/commands.js';
import { apply, initialState } from '../../../shared/contest/engine.js';
import type { ContestState } from '../../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../../shared/contest/views.js';
import { allAtOnceRound, choice, definition, inTurnRound, openQuestion, play, T0 } from '../../support/builders.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: 'http://x/j', joinCodes: {}, started: true };
const show = (on: boolean, at = T0): Command => ({ type: 'standings:show', show: on, at });

describe('[L1][L2] the leaderboard', () => {
  it('[L1] goes up on the lobby, a title card and a question not in play, and every role sees it', () => {
    let state = play(initialState(definition()), [show(true)]);
    expect(state.standingsShown).toBe(true);
    state = play(state, [show(false), { type: 'question:next', at: T0 }, show(true, T0 + 1)]);
    expect(state.standingsShown).toBe(true);
    for (const role of ['host', 'screen', 'contestant'] as const) expect(viewFor(role, state, facts, 's1').standingsShown).toBe(true);
    state = play(state, [{ type: 'question:next', at: T0 + 2 }, show(true, T0 + 3)]);
    expect(state.question?.phase).toBe('reading');
    expect(state.standingsShown).toBe(true);
  });

  it('[L1] is refused while a question is in play, changing nothing; taking it down is always allowed', () => {
    const open = openQuestion();
    expect(apply(open, show(true, T0 + 1))).toEqual({ ok: false, error: CommandError.QuestionInPlay });
    const down = apply(open, show(false, T0 + 1));
    expect(down.ok && down.state.standingsShown).toBe(false);

    const together = play(initialState(definition({ rounds: [allAtOnceRound([choice(1, 'A')])] })), [
      { type: 'question:next', at: T0 },
      { type: 'question:next', at: T0 },
      { type: 'answers:open', at: T0 },
    ]);
    expect(apply(together, show(true, T0 + 1))).toEqual({ ok: false, error: CommandError.QuestionInPlay });

    const turn = play(initialState(definition({ rounds: [inTurnRound(['s1', 's2'])] })), [
      { type: 'question:next', at: T0 },
      { type: 'question:next', at: T0 },
      { type: 'turn:start', at: T0 },
    ]);
    expect(apply(turn, show(true, T0 + 1))).toEqual({ ok: false, error: CommandError.QuestionInPlay });
  });

  it('[L2] the next step takes it down: next question, next round, the final ranking', () => {
    let state: ContestState = play(initialState(definition({ questions: 1 })), [show(true)]);
    const steps = ['title card', 'question', 'finished'];
    for (const step of steps) {
      state = play(state, [{ type: 'question:next', at: T0 }]);
      expect(state.standingsShown, step).toBe(false);
      if (state.question) state = play(state, [{ type: 'answer:reveal', at: T0 }]);
      state = play(state, [show(true)]);
    }
    expect(state.stage).toBe('finished');
    expect(state.standingsShown).toBe(true);
  });
});
