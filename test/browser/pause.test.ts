// The host runs the show's time in a real browser (RULES.md K): N asks before skipping a question
// never played, naming it; P pauses a buzz-in answer countdown on the console, the big screen and
// the phone alike, however long the pause; + adds time; P again resumes with the time it had.
// Time moves only when the test moves the fake clock; every wait is for something to show.
import type { Dialog, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_ANSWER_TIME_MS } from '../../shared/contest/defaults.js';
import { allAtOnceRound, answerDeadlineOf, buzzRound, choice, definition } from '../support/definitions.js';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage, TAP_SETTLE_MS } from './browser-stage.js';

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
  const contest = definition({ rounds: [buzzRound(2), allAtOnceRound([choice(1, 'B')])] });
  const round = contest.stages[0].rounds[0];
  const seat = contest.seats[0];
  let stage: BrowserStage;
  let host: Page;
  let screen: Page;
  let phone: Page;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await stage?.diagnose(task.name);
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('N asks before skipping; P stops every countdown, + adds time, P resumes', { timeout: 90_000 }, async () => {
    const { h } = stage;
    host = await stage.host();
    screen = await stage.screen();
    phone = await stage.phone(seat.id);

    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();

    // K6: N twice in a row from the title card. The first brings up question 1; the second, sent
    // before the page has heard back, waits for that and asks before skipping it, naming it.
    // Dismissed: nothing moves.
    const asked: string[] = [];
    const dismiss = (dialog: Dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    };
    host.on('dialog', dismiss);
    await host.keyboard.press('n');
    await host.keyboard.press('n');
    await expect.poll(() => asked.length).toBe(1);
    host.off('dialog', dismiss);
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    expect(asked[0]).toBe(zh('safety.skipConfirm', { round: round.name, n: 1, phase: zh('phase.reading') }));
    expect(h.room.state.question?.index).toBe(0);

    // The buzz: Space opens, the phone taps, the buzz is decided after the grace window.
    await host.keyboard.press('Space');
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    h.clock.advance(TAP_SETTLE_MS);
    await byTestId(phone, 'buzzer').tap();
    await expect.poll(() => h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes.length).toBe(1);
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await byTestId(phone, 'buzzer', '[data-look="won"]').waitFor();
    const deadline = answerDeadlineOf(h.room.state) as number;

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
    expect(answerDeadlineOf(h.room.state)).toBe(h.clock.now() + 25_000);
    for (const [page, id] of [[host, 'host-countdown'], [screen, 'countdown'], [phone, 'answer-countdown']] as const) {
      const seconds = Number((await byTestId(page, id).first().textContent())?.match(/\d+/)?.[0]);
      expect(seconds, id).toBeGreaterThan(0);
      expect(seconds, id).toBeLessThanOrEqual(25);
    }
    const logged = h.store.loadContest(h.contestId)?.commands.map((c) => c.type) ?? [];
    expect(logged.filter((t) => t.startsWith('show:') || t === 'countdown:extend')).toEqual(['show:pause', 'countdown:extend', 'show:resume']);
  });

  it('undo names what it reverses and asks when it reaches back; 补时 gives a seat the seconds it lost offline', { timeout: 90_000 }, async () => {
    const { h } = stage;
    // J: right. The console names the ruling U would reverse.
    await host.keyboard.press('j');
    await byTestId(screen, 'question', '[data-phase="revealed"]').waitFor();
    const what = zh('safety.undoWhat', { round: round.name, n: 1, name: seat.name, verdict: zh('ledger.right'), delta: '+10' });
    await byTestId(host, 'undo-what').filter({ hasText: what }).waitFor();

    // N, then N from the unplayed question 2 (accepted this time), then the all-at-once question.
    const answers: string[] = [];
    const accept = (dialog: Dialog) => {
      answers.push(dialog.message());
      void dialog.accept();
    };
    host.on('dialog', accept);
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    host.off('dialog', accept);
    expect(answers).toEqual([zh('safety.skipConfirm', { round: round.name, n: 2, phase: zh('phase.reading') })]);
    await host.keyboard.press('n');
    // Space starts the question the console shows: wait for it, as a host would.
    await byTestId(host, 'control-start', ':enabled').waitFor();
    await host.keyboard.press('Space');
    await byTestId(phone, 'answer-pad', '[data-look="open"]').waitFor();

    // The phone drops out for 6 s and comes back (same phone, same seat).
    const context = phone.context();
    const address = phone.url();
    await phone.close();
    await byTestId(host, 'host-seat', `[data-seat="${seat.id}"]`).locator('[data-testid="seat-online"]').waitFor({ state: 'detached' });
    h.clock.advance(6000);
    phone = await context.newPage();
    await phone.goto(address);
    await byTestId(phone, 'answer-pad', '[data-look="open"]').waitFor();

    // U now reaches back to the buzz-in question: it asks, naming the ruling; dismissed, nothing changes.
    const asked: string[] = [];
    const dismiss = (dialog: Dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    };
    host.on('dialog', dismiss);
    await host.keyboard.press('u');
    await expect.poll(() => asked.length).toBe(1);
    host.off('dialog', dismiss);
    expect(asked[0]).toBe(zh('safety.undoEarlier', { what }));
    expect(h.room.state.scores[seat.id]).toBe(10);

    // 补时: the seat comes first, marked with the 6 s it lost; picking it offers those 6 s.
    const option = zh('safety.seatExtend.offline', { s: 6 });
    await byTestId(host, 'seat-extend-seat').locator('option', { hasText: `${seat.name}${option}` }).waitFor({ state: 'attached' });
    await byTestId(host, 'seat-extend-seat').selectOption(seat.id);
    expect(await byTestId(host, 'seat-extend-seconds').inputValue()).toBe('6');
    await byTestId(host, 'seat-extend-submit').click();
    await byTestId(host, 'banner').filter({ hasText: zh('safety.seatExtended', { name: seat.name, s: 6 }) }).waitFor();
    const q = h.room.state.question;
    expect(q?.kind === 'all-at-once' && q.seatDeadlines[seat.id]).toBe(q?.kind === 'all-at-once' && (q.answerDeadline as number) + 6000);
    await byTestId(host, 'seat-extend').scrollIntoViewIfNeeded();
    await shot(host, 'host-seat-extend.png');
  });
});
