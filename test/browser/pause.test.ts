// The host runs the show's time in a real browser (RULES.md K): N asks before skipping a question
// never played, naming it; P pauses a buzz-in answer countdown on the console, the big screen and
// the phone alike, however long the pause; + adds time; P again resumes with the time it had.
// Time moves only when the test moves the fake clock; every wait is for something to show.
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_ANSWER_TIME_MS } from '../../shared/contest/defaults.js';
import { definition } from '../support/definitions.js';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('pause and added time in a browser');

/** The seconds each page shows for the winner's answer countdown. */
async function countdowns(host: Page, screen: Page, phone: Page, seconds: number): Promise<void> {
  await byTestId(host, 'host-countdown').filter({ hasText: zh('host.answerCountdown', { s: seconds }) }).waitFor();
  await byTestId(screen, 'countdown').filter({ hasText: new RegExp(`^\\s*${seconds}\\s*$`) }).waitFor();
  await byTestId(phone, 'answer-countdown').filter({ hasText: new RegExp(`^\\s*${seconds}\\s*$`) }).waitFor();
  if (await byTestId(screen, 'screen-paused').count()) {
    await byTestId(screen, 'paused-countdown').filter({ hasText: zh('host.answerCountdown', { s: seconds }) }).waitFor();
  }
}

describe.skipIf(!hasChromium)('pause and added time in a browser', () => {
  const contest = definition();
  const round = contest.stages[0].rounds[0];
  const seat = contest.seats[0];
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('N asks before skipping; P stops every countdown, + adds time, P resumes', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const host = await stage.host();
    const screen = await stage.screen();
    const phone = await stage.phone(seat.id);

    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();

    // K6: N while the question is still being read asks first, naming it; dismissed, nothing moves.
    const asked: string[] = [];
    const dismiss = (dialog: Dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    };
    host.on('dialog', dismiss);
    await host.keyboard.press('n');
    await expect.poll(() => asked.length).toBe(1);
    host.off('dialog', dismiss);
    expect(asked[0]).toBe(zh('safety.skipConfirm', { round: round.name, n: 1, phase: zh('phase.reading') }));
    expect(h.room.state.question?.index).toBe(0);

    // The buzz: Space opens, the phone taps, the buzz is decided after the grace window.
    await host.keyboard.press('Space');
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    await byTestId(phone, 'buzzer').tap();
    await expect.poll(() => h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes.length).toBe(1);
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await byTestId(phone, 'buzzer', '[data-look="won"]').waitFor();
    const deadline = h.room.state.question?.answerDeadline as number;

    // 5 s into the answer, P: every page stops at 15 s and says so.
    h.clock.advance(deadline - DEFAULT_ANSWER_TIME_MS + 5000 - h.clock.now());
    await host.keyboard.press('p');
    await byTestId(host, 'paused-banner').waitFor();
    await byTestId(screen, 'screen-paused').waitFor();
    await byTestId(phone, 'phone-paused').waitFor();
    await byTestId(phone, 'buzzer', '[data-look="paused"]').waitFor();
    await byTestId(host, 'control-pause').filter({ hasText: zh('host.control.resume') }).waitFor();
    await countdowns(host, screen, phone, 15);

    // A minute passes, and every page hears of it (a correction goes out): still 15 everywhere.
    h.clock.advance(60_000);
    expect(h.room.submit({ type: 'score:adjust', seatId: 's3', delta: 1, reason: '测试' })).toEqual({ ok: true });
    await byTestId(screen, 'corrections').waitFor();
    await countdowns(host, screen, phone, 15);
    expect(h.room.state.question?.phase).toBe('answering');
    await shot(screen, 'screen-paused.png');
    await shot(host, 'host-paused.png');
    await shot(phone, 'phone-paused.png');

    // +: ten more seconds, shown at once while still paused.
    await host.keyboard.press('Equal');
    await countdowns(host, screen, phone, 25);
    await byTestId(host, 'banner').filter({ hasText: zh('safety.extended', { s: 10 }) }).waitFor();

    // P again: the show resumes with the 25 s it had; the pause is gone from every page. The
    // pages' own clocks run on from here (real time passes while the fake clock stands still), so
    // they show at most 25 s and, had the paused minute counted, they would show 0.
    await host.keyboard.press('p');
    await byTestId(screen, 'screen-paused').waitFor({ state: 'detached' });
    await byTestId(host, 'paused-banner').waitFor({ state: 'detached' });
    await byTestId(phone, 'buzzer', '[data-look="won"]').waitFor();
    expect(h.room.state.question?.answerDeadline).toBe(h.clock.now() + 25_000);
    for (const [page, id] of [[host, 'host-countdown'], [screen, 'countdown'], [phone, 'answer-countdown']] as const) {
      const seconds = Number((await byTestId(page, id).first().textContent())?.match(/\d+/)?.[0]);
      expect(seconds, id).toBeGreaterThan(0);
      expect(seconds, id).toBeLessThanOrEqual(25);
    }
    const logged = h.store.loadContest(h.contestId)?.commands.map((c) => c.type) ?? [];
    expect(logged.filter((t) => t.startsWith('show:') || t === 'countdown:extend')).toEqual(['show:pause', 'countdown:extend', 'show:resume']);
  });
});
