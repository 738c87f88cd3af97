// Whole buzz-in questions over real sockets: a host, a screen and three phones, on a fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_ANSWER_TIME_MS, DEFAULT_BUZZ_WINDOW_MS, DEFAULT_FALSE_START_LOCKOUT_MS } from '../../shared/contest/defaults.js';
import type { ContestView } from '../../shared/contest/views.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { askedOf, buzzOf } from '../support/question-of.js';

let h: Harness;
let host: TestClient;
let screen: TestClient;
let phones: TestClient[];

const score = (v: ContestView | null, seatId: string) => v?.seats.find((s) => s.id === seatId)?.score;
const phase = (p: string) => (v: ContestView) => v.question?.phase === p;

async function hostDoes(command: Parameters<TestClient['request']>[1] & { type: string }) {
  const ack = await host.request('host:command', command as never);
  expect(ack).toEqual({ data: null });
}

/** A press, then the grace window (P4) passes and the buzz is decided. */
async function pressAndDecide(phone: TestClient) {
  expect(await phone.request('buzz:press', {})).toEqual({ data: { decision: 'pending' } });
  h.clock.advance(DEFAULT_GRACE_CAP_MS);
  await host.until(phase('answering'));
}

/** Lobby -> the round's title card -> its first question. */
async function firstQuestion() {
  await hostDoes({ type: 'question:next' });
  await hostDoes({ type: 'question:next' });
}

beforeEach(async () => {
  h = await startServer();
  host = await h.host();
  screen = await h.screen();
  phones = [await h.contestant('s1'), await h.contestant('s2'), await h.contestant('s3')];
});

afterEach(async () => {
  await h.close();
});

describe('buzz-in round over sockets', () => {
  it('[B2][B3][B5] false start, lockout, first buzz wins, everyone sees the lock, right answer scores', async () => {
    await firstQuestion();
    // s1 presses while the host is still reading: a false start with a lockout.
    expect(await phones[0].request('buzz:press', {})).toEqual({
      data: { decision: 'false-start', lockedUntil: h.clock.now() + DEFAULT_FALSE_START_LOCKOUT_MS },
    });
    await hostDoes({ type: 'buzzers:open' });
    // Inside its lockout s1 cannot win; s2 can.
    expect(await phones[0].request('buzz:press', {})).toMatchObject({ data: { decision: 'locked-out' } });
    h.clock.advance(40);
    // P4: valid presses wait for the decision; both arrive inside the grace window.
    expect(await phones[1].request('buzz:press', {})).toEqual({ data: { decision: 'pending' } });
    expect(await phones[2].request('buzz:press', {})).toEqual({ data: { decision: 'pending' } });
    h.clock.advance(DEFAULT_GRACE_CAP_MS);

    // The lock reaches every phone, the host and the screen, naming the winner.
    for (const client of [host, screen, ...phones]) {
      const v = await client.until(phase('answering'));
      expect(buzzOf(v)?.winner).toBe('s2');
      expect(askedOf(v)?.answerDeadline).toBeLessThanOrEqual(h.clock.now() + DEFAULT_ANSWER_TIME_MS);
      expect(askedOf(v)?.answerDeadline).toBeGreaterThan(h.clock.now() + DEFAULT_ANSWER_TIME_MS - DEFAULT_GRACE_CAP_MS);
    }
    await hostDoes({ type: 'answer:rule', verdict: 'right' });
    const revealed = await screen.until(phase('revealed'));
    expect(score(revealed, 's2')).toBe(10);
    expect(askedOf(revealed)?.answer).toBe('答案1');
    expect(buzzOf(host.view)?.buzzes.map((b) => b.decision)).toEqual(['false-start', 'locked-out', 'won', 'beaten']);
  });

  it('[B6][B7] wrong answer deducts and locks that seat out; the host reopens and another seat answers', async () => {
    await firstQuestion();
    await hostDoes({ type: 'buzzers:open' });
    await pressAndDecide(phones[0]);
    await hostDoes({ type: 'answer:rule', verdict: 'wrong' });
    const wrong = await phones[0].until(phase('wrong'));
    expect(score(wrong, 's1')).toBe(-10);
    expect(wrong.seats.find((s) => s.id === 's1')?.out).toBe(true);

    await hostDoes({ type: 'buzzers:reopen' });
    expect(await phones[0].request('buzz:press', {})).toEqual({ data: { decision: 'locked-out' } });
    expect(await phones[2].request('buzz:press', {})).toEqual({ data: { decision: 'pending' } });
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await host.until(phase('answering'));
    await hostDoes({ type: 'answer:rule', verdict: 'right' });
    const end = await host.until(phase('revealed'));
    expect([score(end, 's1'), score(end, 's2'), score(end, 's3')]).toEqual([-10, 0, 10]);
  });

  it('[B6] the answer countdown runs out on the server clock: a timeout is ruled without the host', async () => {
    await firstQuestion();
    await hostDoes({ type: 'buzzers:open' });
    await pressAndDecide(phones[1]);
    h.clock.advance(DEFAULT_ANSWER_TIME_MS);
    const v = await screen.until(phase('wrong'));
    expect(score(v, 's2')).toBe(-10);
    expect((await host.until((x) => x.ledger.length > 0)).ledger.at(-1)).toMatchObject({ seatId: 's2', reason: 'timeout' });
  });

  it('[B8] nobody buzzes: the question dies when the window ends and phones see the answer', async () => {
    await firstQuestion();
    await hostDoes({ type: 'buzzers:open' });
    const before = await phones[0].until(phase('open'));
    expect(askedOf(before)?.answer).toBeNull();
    h.clock.advance(DEFAULT_BUZZ_WINDOW_MS);
    const v = await phones[0].until(phase('revealed'));
    expect(v.question).toMatchObject({ outcome: 'dead', answer: '答案1', explanation: '解析1' });
  });

  it('[B10][B11] undo and adjust are recorded and shown to the screen', async () => {
    await firstQuestion();
    await hostDoes({ type: 'buzzers:open' });
    await pressAndDecide(phones[2]);
    await hostDoes({ type: 'answer:rule', verdict: 'wrong' });
    await hostDoes({ type: 'ruling:undo' });
    const undone = await screen.until((v) => v.question?.phase === 'answering' && score(v, 's3') === 0);
    expect(undone.ledger.map((e) => e.reason)).toEqual(['wrong', 'undo']);
    await hostDoes({ type: 'score:adjust', seatId: 's1', delta: -5, reason: '提示他人' });
    const adjusted = await screen.until((v) => score(v, 's1') === -5);
    expect(adjusted.ledger.at(-1)).toMatchObject({ reason: 'adjust', note: '提示他人', delta: -5 });
  });

  it('[B13] phones and the screen never receive the answer before the reveal', async () => {
    await firstQuestion();
    await hostDoes({ type: 'buzzers:open' });
    await pressAndDecide(phones[0]);
    await hostDoes({ type: 'answer:rule', verdict: 'wrong' });
    await host.until(phase('wrong'));
    for (const client of [screen, ...phones]) {
      for (const update of client.updates) {
        if (update.view.question?.phase === 'revealed') continue;
        expect(JSON.stringify(update.view)).not.toContain('答案1');
        expect(JSON.stringify(update.view)).not.toContain('解析1');
      }
    }
    expect(askedOf(host.view)?.answer).toBe('答案1');
  });
});
