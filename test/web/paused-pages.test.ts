// While the host has paused the show (K1, K2) a phone sends nothing and shows its countdown as at
// the pause; the pages compute time as `view.pausedAt`, so the seconds left stand still.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { initialState } from '../../shared/contest/engine.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { answerPadState } from '../../web/contestant/answer-state.js';
import { buzzerState } from '../../web/contestant/buzzer-state.js';
import { allAtOnceRound, choice, definition, openQuestion, play, T0 } from '../support/builders.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: true };
const at = (ms: number) => T0 + ms;
const pause = (ms: number): Command => ({ type: 'show:pause', at: at(ms) });

describe('[K2] a paused phone', () => {
  it('[K2] the buzzer sends nothing and says 暂停; the winner keeps its seconds left', () => {
    const open = play(openQuestion(), [pause(1000)]);
    expect(buzzerState(viewFor('contestant', open, facts, 's1'), at(1000))).toMatchObject({ look: 'paused', sends: false, countdown: null });
    const answering = play(openQuestion(), [{ type: 'buzz:press', seatId: 's1', at: at(500) }]);
    const deadline = answering.question?.kind === 'buzz-in' ? (answering.question.answerDeadline as number) : 0;
    const paused = play(answering, [pause(deadline - 7500 - T0)]);
    const view = viewFor('contestant', paused, facts, 's1');
    // The page's clock is the pause instant, however long the pause lasts.
    expect(buzzerState(view, view.pausedAt as number)).toMatchObject({ look: 'paused', sends: false, countdown: 8 });
  });

  it('[K2] the answer pad takes no tap and shows the seconds left at the pause', () => {
    const def = definition({ rounds: [allAtOnceRound([choice(1, 'B')])] });
    const state = play(initialState(def), [
      { type: 'question:next', at: at(-2000) },
      { type: 'question:next', at: at(-1000) },
      { type: 'answers:open', at: at(0) },
      pause(5000),
    ]);
    const view = viewFor('contestant', state, facts, 's1');
    expect(answerPadState(view, view.pausedAt as number, true)).toMatchObject({ look: 'paused', live: false, countdown: 15, prompt: { key: 'answers.paused' } });
  });
});
