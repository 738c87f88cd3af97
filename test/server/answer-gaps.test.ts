// The room's count of answering time each seat lost offline (K8), with time as a value.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../shared/contest/engine.js';
import { AnswerGaps } from '../../server/rooms/answer-gaps.js';
import { allAtOnceRound, choice, definition, play, T0 } from '../support/builders.js';

const at = (ms: number) => T0 + ms;

describe('[K8] answer gaps', () => {
  const def = definition({ rounds: [allAtOnceRound([choice(1, 'B'), choice(2, 'A')])] });
  const reading = play(initialState(def), [{ type: 'question:next', at: at(0) }, { type: 'question:next', at: at(1) }]);
  const open = play(reading, [{ type: 'answers:open', at: at(2) }]);

  it('[K8] counts each offline stretch while answers are open, and starts afresh with the next answers', () => {
    const gaps = new AnswerGaps();
    const connected = new Map([['s1', 1], ['s2', 1]]);
    gaps.follow(reading, connected, at(1));
    gaps.seatChanged('s1', 0, at(1));
    expect(gaps.report()).toEqual({});
    gaps.follow(open, connected, at(2));
    // s3 has no phone when answers open: offline from then.
    expect(gaps.report()).toEqual({ s3: { ms: 0, since: at(2) } });
    gaps.seatChanged('s1', 0, at(3000));
    gaps.seatChanged('s1', 1, at(5000));
    gaps.seatChanged('s1', 0, at(7000));
    expect(gaps.report()).toEqual({ s1: { ms: 2000, since: at(7000) }, s3: { ms: 0, since: at(2) } });
    // Another team phone joining does not end an offline stretch twice.
    gaps.seatChanged('s1', 1, at(8000));
    gaps.seatChanged('s1', 2, at(9000));
    expect(gaps.report().s1).toEqual({ ms: 3000, since: null });
    const locked = play(open, [{ type: 'answer:reveal', at: at(10_000) }]);
    gaps.follow(locked, connected, at(10_000));
    expect(gaps.report()).toEqual({});
  });
});

describe('[K8][K1] answer gaps and the pause', () => {
  it('[K8] time offline while the show is paused costs nothing: the countdown stood still', () => {
    const def = definition({ rounds: [allAtOnceRound([choice(1, 'B')])] });
    const open = play(initialState(def), [{ type: 'question:next', at: at(0) }, { type: 'question:next', at: at(1) }, { type: 'answers:open', at: at(2) }]);
    const gaps = new AnswerGaps();
    const connected = new Map([['s1', 1], ['s2', 1], ['s3', 1]]);
    gaps.follow(open, connected, at(2));
    connected.set('s1', 0);
    gaps.seatChanged('s1', 0, at(1000));
    const paused = play(open, [{ type: 'show:pause', at: at(3000) }]);
    gaps.follow(paused, connected, at(3000));
    expect(gaps.report()).toEqual({ s1: { ms: 2000, since: null } });
    // s2 drops and comes back during the pause: nothing counted.
    gaps.seatChanged('s2', 0, at(4000));
    gaps.seatChanged('s2', 1, at(50_000));
    const resumed = play(paused, [{ type: 'show:resume', at: at(60_000) }]);
    gaps.follow(resumed, connected, at(60_000));
    gaps.seatChanged('s1', 1, at(61_500));
    expect(gaps.report()).toEqual({ s1: { ms: 3500, since: null } });
  });
});
