// The whole stage in a real browser, buzz-in round: the host console, the big screen and a phone,
// built pages against a real server on a fake clock. Nothing here sleeps: every wait is for
// something to show, and time moves only when the test moves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_RIGHT_POINTS } from '../../shared/contest/defaults.js';
import { definition } from '../support/definitions.js';
import { byTestId, en, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage, TAP_SETTLE_MS } from './browser-stage.js';

requireBrowser('the stage in a browser');

describe.skipIf(!hasChromium)('the stage in a browser', () => {
  const contest = definition();
  const round = contest.stages[0].rounds[0];
  const seat = contest.seats[1];
  let stage: BrowserStage;
  let host: Page;
  let screen: Page;
  let phone: Page;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('host keys, a phone tap and the big screen play one buzz-in question', { timeout: 90_000 }, async () => {
    const { h } = stage;
    host = await stage.host();
    screen = await stage.screen();
    await byTestId(screen, 'lobby').waitFor();
    await screen.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="join-qr"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });

    // The phone opens the seat's link: it takes the seat at once, without another tap (S4).
    const code = h.joinCodes[seat.id];
    phone = await stage.open('phone', `/contestant/?c=${h.contestId}&code=${code}`);
    await byTestId(phone, 'buzzer', '[data-look="waiting"]').waitFor();
    expect(await byTestId(phone, 'seat-name').textContent()).toBe(seat.name);
    const token = await phone.evaluate((id) => localStorage.getItem(`qiangda.device.${id}`), h.contestId);
    expect(token).toBeTruthy();
    await shot(phone, 'phone-joined.png');

    // The screen's lobby ticks the seat off; the host sees the phone online.
    await byTestId(screen, 'lobby-seat', `[data-seat="${seat.id}"][data-claimed="true"]`).waitFor();
    await byTestId(host, 'host-seat', `[data-seat="${seat.id}"]`).locator('[data-testid="seat-online"]').waitFor();
    await shot(screen, 'screen-lobby.png');

    // N: the round's title card. N again: the first question. Space: buzzers open.
    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    expect(await byTestId(screen, 'round-title').textContent()).toBe(zh('round.number', { n: 1, name: round.name }));
    await byTestId(phone, 'round-card').waitFor();
    await byTestId(host, 'control-next').filter({ hasText: zh('host.control.firstQuestion') }).waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    expect(await byTestId(screen, 'stem').textContent()).toBe(round.questions[0].stem);
    expect(await byTestId(screen, 'question-number').textContent()).toBe(zh('question.number', { n: 1, total: round.questions.length }));
    await byTestId(phone, 'buzzer', '[data-look="closed"]').waitFor();
    await host.keyboard.press('Space');
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    await byTestId(screen, 'question', '[data-phase="open"]').waitFor();

    // The phone taps. The buzz is decided once every armed phone's honest press could have
    // arrived (P4): the test moves the clock past that grace window. Then everyone sees who won.
    h.clock.advance(TAP_SETTLE_MS);
    await byTestId(phone, 'buzzer').tap();
    await expect.poll(() => h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes.length).toBe(1);
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await byTestId(phone, 'buzzer', '[data-look="won"]').waitFor();
    await byTestId(screen, 'winner').filter({ hasText: seat.name }).waitFor();
    await byTestId(host, 'host-winner').filter({ hasText: seat.name }).waitFor();
    await byTestId(host, 'press-row').filter({ hasText: zh('decision.won') }).waitFor();
    await shot(phone, 'phone-won.png');
    await shot(screen, 'screen-winner.png');
    await shot(host, 'host.png');

    // J: right. The screen shows the answer and +10 on the scoreboard.
    await host.keyboard.press('j');
    await byTestId(screen, 'question', '[data-phase="revealed"]').waitFor();
    const row = byTestId(screen, 'score-row', `[data-seat="${seat.id}"]`);
    await row.locator('[data-testid="score-delta"]').filter({ hasText: `+${DEFAULT_RIGHT_POINTS}` }).waitFor();
    expect(await row.locator('[data-testid="score"]').textContent()).toBe(String(DEFAULT_RIGHT_POINTS));
    const first = round.questions[0];
    expect(await byTestId(screen, 'answer').textContent()).toContain(first.type === 'open' ? first.answer : '');
    await byTestId(phone, 'my-score').filter({ hasText: String(DEFAULT_RIGHT_POINTS) }).waitFor();
    await shot(screen, 'screen-revealed.png');

    // The host can download the record: the workbook link works and names the winner's press.
    const href = await byTestId(host, 'export-xlsx').getAttribute('href');
    const download = await host.evaluate(async (url) => {
      const r = await fetch(url as string);
      return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
    }, href);
    expect(download).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(download.size).toBeGreaterThan(1000);
    await byTestId(host, 'export-links').scrollIntoViewIfNeeded();
    await shot(host, 'host-export.png');

    // A key the phase does not allow is refused by the server, and the host is told why.
    await host.keyboard.press('k');
    await byTestId(host, 'banner').filter({ hasText: zh('error.wrong-phase') }).waitFor();

    // Typing shortcut letters into the adjust form sends no shortcut; the adjustment itself lands.
    await byTestId(host, 'adjust-seat').selectOption(seat.id);
    await byTestId(host, 'adjust-delta').fill('-5');
    await byTestId(host, 'adjust-reason').click();
    await host.keyboard.type('hint: n e j k u r w s t');
    await host.keyboard.press('Enter');
    await byTestId(screen, 'corrections').filter({ hasText: `${seat.name} \u22125` }).waitFor();
    expect(h.room.state.question?.index).toBe(0);
    expect(h.room.state.question?.phase).toBe('revealed');
    expect(h.room.state.ledger.map((e) => e.reason)).toEqual(['right', 'adjust']);

    // The screen switches to English: its controls show once the mouse moves.
    await screen.mouse.move(40, 1000);
    await byTestId(screen, 'language-switch').click();
    await byTestId(screen, 'scoreboard').locator('h2').filter({ hasText: en('screen.scoreboard') }).waitFor();
    expect(await byTestId(screen, 'phase').textContent()).toContain(en('phase.revealed'));
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(screen, 'screen-english.png');

    expect(stage.pageErrors).toEqual([]);
  });

  it('[F4] W swaps the question while it is being read', async () => {
    const { h } = stage;
    // Out of the adjust form first: keys typed in a field are not shortcuts.
    await host.locator('h1').click();
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    const before = h.room.state.question?.index;
    const stem = await byTestId(screen, 'stem').textContent();
    await host.keyboard.press('w');
    await byTestId(host, 'banner').filter({ hasText: zh('host.swapped') }).waitFor();
    await expect.poll(() => byTestId(screen, 'stem').textContent()).not.toBe(stem);
    expect(h.room.state.question?.index).toBe(before);
    expect(h.room.state.swaps).toHaveLength(1);
    expect(stage.pageErrors).toEqual([]);
  });

  it('a reloaded phone keeps its seat; a released seat sends the phone back to the join form', async () => {
    const { h } = stage;
    await phone.reload();
    await byTestId(phone, 'buzzer').waitFor();
    expect(await byTestId(phone, 'seat-name').textContent()).toBe(seat.name);
    expect(await byTestId(phone, 'join-form').count()).toBe(0);

    host.once('dialog', (dialog) => void dialog.accept());
    await byTestId(host, `release-${seat.id}`).click();
    await byTestId(phone, 'released').waitFor();
    await byTestId(phone, 'join-form').waitFor();
    expect(await phone.evaluate((id) => localStorage.getItem(`qiangda.device.${id}`), h.contestId)).toBeNull();

    // A wrong code is refused in the phone's language.
    const codes = new Set(Object.values(h.joinCodes));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !codes.has(c)) as string;
    await byTestId(phone, 'join-code').fill(wrong);
    await byTestId(phone, 'join-button').tap();
    await byTestId(phone, 'join-error').filter({ hasText: zh('error.bad-join-code') }).waitFor();

    expect(stage.pageErrors).toEqual([]);
  });
});
