// What the phone's buzzer shows in each moment of a question, from a real contestant view.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_TIME_MS, DEFAULT_FALSE_START_LOCKOUT_MS } from '../../shared/contest/defaults.js';
import { initialState } from '../../shared/contest/engine.js';
import type { Command } from '../../shared/contest/commands.js';
import type { ContestState } from '../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { buzzerState, pressFeedback } from '../../web/contestant/buzzer-state.js';
import { definition, play, T0 } from '../support/builders.js';

const facts: RoomFacts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false };
const def = definition({ questions: 1, rules: { falseStart: { kind: 'lockout', ms: DEFAULT_FALSE_START_LOCKOUT_MS } } });
const forSeat = (state: ContestState, seatId = 's1', now = T0 + 100) => buzzerState(viewFor('contestant', state, facts, seatId), now);
const after = (commands: Command[]) => play(initialState(def), commands);

const title: Command = { type: 'question:next', at: T0 - 6000 };
const reading: Command = { type: 'question:next', at: T0 - 5000 };
const open: Command = { type: 'buzzers:open', at: T0 };

describe('buzzerState', () => {
  it('[F1] waits before the first question, title card included, and sends nothing', () => {
    expect(forSeat(initialState(def))).toMatchObject({ look: 'waiting', sends: false });
    expect(forSeat(after([title]))).toMatchObject({ look: 'waiting', sends: false });
  });

  it('[B2] is grey while the host reads, but a press is still sent (and judged a false start)', () => {
    expect(forSeat(after([title, reading]))).toMatchObject({ look: 'closed', sends: true, label: { key: 'buzzer.closed' } });
  });

  it('[B1] is live once the buzzers open', () => {
    expect(forSeat(after([title, reading, open]))).toMatchObject({ look: 'open', sends: true });
  });

  it('[B3][B4] shows the winner its answer countdown, and the others who won', () => {
    const won = after([title, reading, open, { type: 'buzz:press', seatId: 's1', at: T0 + 50 }]);
    expect(forSeat(won, 's1', T0 + 50)).toEqual({
      look: 'won',
      label: { key: 'buzzer.won' },
      countdown: DEFAULT_ANSWER_TIME_MS / 1000,
      sends: true,
    });
    expect(forSeat(won, 's2')).toMatchObject({ look: 'taken', label: { key: 'buzzer.taken', params: { name: '1号席' } } });
  });

  it('[P4] locks every buzzer while the first press is being decided, still sending (a later press is logged late)', () => {
    const view = viewFor('contestant', after([title, reading, open]), facts, 's2');
    const deciding = { ...view, question: view.question && { ...view.question, deciding: true } };
    expect(buzzerState(deciding, T0 + 100)).toMatchObject({ look: 'held', label: { key: 'buzzer.held' }, sends: true });
    // The phone whose press is pending (or still on its way) is told its press is being judged.
    expect(buzzerState(deciding, T0 + 100, true, 'pending')).toMatchObject({ look: 'deciding', label: { key: 'buzzer.deciding' }, sends: true });
    expect(buzzerState(deciding, T0 + 100, true, 'sent')).toMatchObject({ look: 'deciding' });
    expect(buzzerState(deciding, T0 + 100, true, 'late')).toMatchObject({ look: 'held' });
  });

  it('[P5] tells a phone that pressed in time but later than the winner it was beaten', () => {
    const won = after([title, reading, open, { type: 'buzz:press', seatId: 's1', at: T0 + 50 }]);
    const view = viewFor('contestant', won, facts, 's2');
    expect(view.question?.phase).toBe('answering');
    expect(buzzerState(view, T0 + 400, true, 'pending')).toMatchObject({ look: 'beaten', label: { key: 'buzzer.beaten', params: { name: '1号席' } } });
    expect(buzzerState(view, T0 + 400, true, 'beaten')).toMatchObject({ look: 'beaten' });
    expect(buzzerState(view, T0 + 400, true, null)).toMatchObject({ look: 'taken' });
    expect(pressFeedback({ decision: 'beaten' })).toBe('press.beaten');
  });

  it('[B2] shows a false-start lockout until it ends', () => {
    const early = after([title, reading, { type: 'buzz:press', seatId: 's1', at: T0 - 100 }, open]);
    const lockedUntil = T0 - 100 + DEFAULT_FALSE_START_LOCKOUT_MS;
    expect(forSeat(early, 's1', lockedUntil - 1)).toMatchObject({ look: 'locked', label: { key: 'buzzer.locked' } });
    expect(forSeat(early, 's1', lockedUntil)).toMatchObject({ look: 'open' });
  });

  it('[B6] puts a seat ruled wrong out of the question; the others wait for a rebound', () => {
    const wrong = after([
      title,
      reading,
      open,
      { type: 'buzz:press', seatId: 's1', at: T0 + 50 },
      { type: 'answer:rule', verdict: 'wrong', at: T0 + 60 },
    ]);
    expect(forSeat(wrong, 's1')).toMatchObject({ look: 'out', label: { key: 'buzzer.out' } });
    expect(forSeat(wrong, 's2')).toMatchObject({ look: 'closed' });
  });

  it('[B8] stops sending once the question is revealed, and when the contest is over', () => {
    const revealed = after([title, reading, { type: 'answer:reveal', at: T0 }]);
    expect(forSeat(revealed)).toMatchObject({ look: 'over', sends: false });
    const finished = after([title, reading, { type: 'answer:reveal', at: T0 }, { type: 'question:next', at: T0 + 1 }]);
    expect(forSeat(finished)).toMatchObject({ look: 'finished', sends: false });
  });

  it('sends nothing while offline: a buffered press would be judged when it finally arrives', () => {
    expect(buzzerState(viewFor('contestant', after([title, reading, open]), facts, 's1'), T0 + 100, false)).toMatchObject({
      look: 'offline',
      sends: false,
    });
  });

  it('names the press decision for the flash after a press', () => {
    expect(pressFeedback({ decision: 'false-start', lockedUntil: T0 })).toBe('press.false-start');
    expect(pressFeedback({ decision: 'won' })).toBe('press.won');
  });
});
