// Reconnection in a real browser (issue 5): a phone reloaded mid-countdown lands back in its seat
// with the countdown still running to the same deadline, and can still answer; while the server
// is down the phone says it is offline and takes no taps, and when the server is back it, the
// host console and the screen return by themselves. Time moves only when the test moves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allAtOnceRound, answerDeadlineOf, choice, definition } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';
import { byTestId, hasChromium, isCutSend, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('reconnection in a browser');

const ANSWER_MS = 20_000;
const GONE_MS = 5_000;
/** What Chromium logs while the server is down: the page's own retries, expected. */
const RETRY_NOISE = /ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/;

describe.skipIf(!hasChromium)('reconnection in a browser', () => {
  const contest = definition({ seats: 3, rounds: [allAtOnceRound([choice(1, 'B')], { answerTimeMs: ANSWER_MS })] });
  let stage: BrowserStage;
  let restarted: Harness | undefined;
  let phone: Page;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await restarted?.close();
    await stage?.close();
  });

  it('a phone reloaded mid-countdown is back in its seat, the same countdown running, and can still answer', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const host = await h.host();
    phone = await stage.phone('s1');
    for (const type of ['question:next', 'question:next', 'answers:open'] as const) await host.request('host:command', { type });
    await byTestId(phone, 'answer-pad', '[data-look="open"]').waitFor();
    const deadline = answerDeadlineOf(h.room.state);
    h.clock.advance(GONE_MS);

    await phone.reload();
    await byTestId(phone, 'seat-name').filter({ hasText: contest.seats[0].name }).waitFor();
    await byTestId(phone, 'answer-pad', '[data-look="open"]').waitFor();
    // 15 s left of 20: the deadline set before the reload, not a new one (the server's clock has
    // not moved since the reload, so a fresh deadline would show 20).
    // (The page reads its clock every 200 ms, so for a moment it may still round up to 16.)
    await byTestId(phone, 'answer-countdown').filter({ hasText: /^\s*1[0-5]\s*$/ }).waitFor();
    expect(answerDeadlineOf(h.room.state)).toBe(deadline);
    await shot(phone, 'reconnect-phone-reloaded.png');

    await byTestId(phone, 'answer-option', '[data-index="1"]').tap();
    await byTestId(phone, 'answer-sent').filter({ hasText: zh('answers.sent', { letters: 'B' }) }).waitFor();
    expect(h.room.state.question?.kind === 'all-at-once' && h.room.state.question.answers.s1?.choice).toEqual([1]);
    expect(stage.pageErrors).toEqual([]);
  });

  it('while the server is down the phone says it is offline and takes no taps; it, the host console and the screen come back by themselves', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const host = await stage.host();
    const screen = await stage.screen();
    // The screen shows its link only when something is wrong: online, it shows nothing.
    await byTestId(host, 'link-status', '[data-status="online"]').waitFor();
    await byTestId(screen, 'link-status').waitFor({ state: 'detached' });
    await h.app.close();
    for (const page of [host, screen]) await byTestId(page, 'link-status', '[data-status="offline"]').waitFor();
    await byTestId(phone, 'link-status', '[data-status="offline"]').filter({ hasText: zh('link.offline') }).waitFor();
    await byTestId(phone, 'answer-pad', '[data-look="offline"]').waitFor();
    await shot(phone, 'reconnect-phone-offline.png');

    // The same store and port, as after a restart: the phone finds its seat and its answer again.
    restarted = await startServer({ store: h.store, clock: h.clock, port: Number(new URL(h.url).port) });
    await byTestId(phone, 'link-status', '[data-status="online"]').waitFor();
    await byTestId(phone, 'answer-pad', '[data-look="open"]').waitFor();
    await byTestId(phone, 'answer-sent').filter({ hasText: zh('answers.sent', { letters: 'B' }) }).waitFor();
    expect(await byTestId(phone, 'seat-name').textContent()).toBe(contest.seats[0].name);
    // The host console and the screen are back too, and the host sees the phone in its seat.
    await byTestId(host, 'link-status', '[data-status="online"]').waitFor();
    await byTestId(screen, 'link-status').waitFor({ state: 'detached' });
    await byTestId(host, 'seat-online').first().waitFor();
    await shot(host, 'reconnect-host-back.png');
    // The phone may also have been sending (a clock probe, a ping's answer) as the server went.
    expect(stage.pageErrors.filter((e) => !RETRY_NOISE.test(e) && !isCutSend(e, '/contestant/'))).toEqual([]);
  });
});
