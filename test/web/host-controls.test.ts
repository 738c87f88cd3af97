// The host console's controls: each button is enabled exactly when the engine would accept its
// command (RULES.md B1-B12), and the keys map to them except while the host is typing.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { ContestDefinition, ContestState } from '../../shared/contest/types.js';
import { viewFor, type RoomFacts } from '../../shared/contest/views.js';
import { CONTROLS, controlForKey, enabledControls, isTypingTarget, nextFinishes, type KeyLike } from '../../web/host/controls.js';
import { definition, play, T0 } from '../support/builders.js';

const facts: RoomFacts = { connected: new Set(), claimed: new Set(), joinUrl: '', joinCodes: {} };
const at = (ms: number) => T0 + ms;

/** Every phase a question can be in, reached by real commands. */
function states(def: ContestDefinition = definition({ questions: 2 })): [string, ContestState][] {
  const lobby = initialState(def);
  const reading = play(lobby, [{ type: 'question:next', at: at(0) }]);
  const open = play(reading, [{ type: 'buzzers:open', at: at(1) }]);
  const answering = play(open, [{ type: 'buzz:press', seatId: 's1', at: at(2) }]);
  const wrong = play(answering, [{ type: 'answer:rule', verdict: 'wrong', at: at(3) }]);
  const right = play(answering, [{ type: 'answer:rule', verdict: 'right', at: at(3) }]);
  const undone = play(right, [{ type: 'ruling:undo', at: at(4) }]);
  const ended = play(reading, [{ type: 'answer:reveal', at: at(2) }]);
  const finished = play(right, [
    { type: 'question:next', at: at(5) },
    { type: 'question:next', at: at(6) },
  ]);
  return [
    ['lobby', lobby],
    ['reading', reading],
    ['open', open],
    ['answering', answering],
    ['wrong, seats left', wrong],
    ['revealed after a right answer', right],
    ['answering again after an undo', undone],
    ['revealed by the host', ended],
    ['finished', finished],
  ];
}

function lastWrongSeat(): ContestState {
  const def = definition({ seats: 1 });
  return play(initialState(def), [
    { type: 'question:next', at: at(0) },
    { type: 'buzzers:open', at: at(1) },
    { type: 'buzz:press', seatId: 's1', at: at(2) },
    { type: 'answer:rule', verdict: 'wrong', at: at(3) },
  ]);
}

const key = (code: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  target: { tagName: 'BODY' },
  ...extra,
});

describe('enabledControls', () => {
  it.each([...states(), ['wrong, no seat left', lastWrongSeat()] as [string, ContestState]])(
    'enables exactly the commands the engine accepts: %s',
    (_, state) => {
      const enabled = enabledControls(viewFor('host', state, facts));
      for (const control of CONTROLS) {
        const accepted = apply(state, { ...control.command, at: at(10) } as Command).ok;
        expect({ control: control.id, enabled: enabled[control.id] }).toEqual({ control: control.id, enabled: accepted });
      }
    },
  );

  it('greys out everything while offline or before the first view', () => {
    const [, reading] = states()[1];
    expect(Object.values(enabledControls(viewFor('host', reading, facts), false))).not.toContain(true);
    expect(Object.values(enabledControls(null))).not.toContain(true);
  });

  it('[B12] says when "next" will end the contest', () => {
    const def = definition({ questions: 2 });
    const first = play(initialState(def), [{ type: 'question:next', at: at(0) }]);
    const last = play(first, [{ type: 'question:next', at: at(1) }]);
    expect(nextFinishes(viewFor('host', first, facts))).toBe(false);
    expect(nextFinishes(viewFor('host', last, facts))).toBe(true);
  });
});

describe('controlForKey', () => {
  it('maps the console keys by physical key', () => {
    expect(controlForKey(key('Space'))).toBe('open');
    expect(controlForKey(key('KeyJ'))).toBe('right');
    expect(controlForKey(key('KeyK'))).toBe('wrong');
    expect(controlForKey(key('KeyR'))).toBe('reopen');
    expect(controlForKey(key('KeyN'))).toBe('next');
    expect(controlForKey(key('KeyU'))).toBe('undo');
    expect(controlForKey(key('KeyE'))).toBe('reveal');
    expect(controlForKey(key('KeyX'))).toBeNull();
  });

  it('never fires while typing in a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(controlForKey(key('KeyN', { target: { tagName } }))).toBeNull();
    }
    expect(controlForKey(key('KeyN', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(controlForKey(key('KeyJ', { isComposing: true }))).toBeNull();
  });

  it('leaves browser shortcuts and held-down keys alone', () => {
    expect(controlForKey(key('KeyR', { ctrlKey: true }))).toBeNull();
    expect(controlForKey(key('KeyR', { metaKey: true }))).toBeNull();
    expect(controlForKey(key('KeyN', { altKey: true }))).toBeNull();
    expect(controlForKey(key('Space', { repeat: true }))).toBeNull();
  });

  it('recognises typing targets only', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
  });
});
