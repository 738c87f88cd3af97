// Fair buzzing in a real browser (P1-P9): two phones sync their clocks to the server, both tap
// while the buzzers are open; only the host and the pressing phone learn that a press waits for
// its decision (P9), and once it is decided the screen shows the winner and the lead, the host the whole press log with
// each press's arrival, claimed and judged times. Nothing sleeps: time moves only when the test
// moves the server's fake clock, so the phones' probes see a still server clock (their offset is
// fake server time minus performance.now(), with no error) and every link measures 0 ms.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_REPORT_MS } from '../../server/app.js';
import { DEFAULT_FAIRNESS, DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { BuzzInQuestion } from '../../shared/contest/types.js';
import { formatLead } from '../../web/lib/contest-display.js';
import { definition } from '../support/definitions.js';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('fair buzzing in a browser');


describe.skipIf(!hasChromium)('fair buzzing in a browser', () => {
  const contest = definition();
  const [first, second, third] = contest.seats;
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[P1][P4][P5] two phones tap; the buzz is decided after the grace window and the lead is shown', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const buzz = () => h.room.state.question as BuzzInQuestion | null;
    const host = await stage.host();
    const screen = await stage.screen();
    const phones: Page[] = [await stage.phone(first.id), await stage.phone(second.id)];
    for (const seat of [first, second]) await byTestId(host, 'host-seat', `[data-seat="${seat.id}"]`).locator('[data-testid="seat-online"]').waitFor();
    // A third seat's phone that will not press: the decision waits for the credit after the best
    // stamp (P4) rather than for every seat, and both taps below count.
    await h.contestant(third.id);

    // N, N, Space: the first question, buzzers open on both phones.
    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    await host.keyboard.press('Space');
    for (const phone of phones) await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();

    // The first phone taps: its press is pending. Only it and the host know (P9): the other phone
    // and the screen still show open buzzers, so nobody can react to someone else's press.
    await byTestId(phones[0], 'buzzer').tap();
    await expect.poll(() => buzz()?.buzzes.length).toBe(1);
    await byTestId(phones[0], 'buzzer', '[data-look="deciding"]').filter({ hasText: zh('buzzer.deciding') }).waitFor();
    await byTestId(host, 'press-row', '[data-decision="pending"]').waitFor();
    await byTestId(phones[1], 'buzzer', '[data-look="open"]').waitFor();
    expect(await byTestId(screen, 'phase').textContent()).not.toContain(zh('screen.deciding'));
    await shot(phones[0], 'fair-phone-deciding.png');
    await shot(phones[1], 'fair-phone-still-open.png');

    // 10 ms later the second phone taps, inside the grace window: pending too.
    h.clock.advance(10);
    await byTestId(phones[1], 'buzzer').tap();
    await expect.poll(() => buzz()?.buzzes.map((b) => b.decision)).toEqual(['pending', 'pending']);
    await byTestId(phones[1], 'buzzer', '[data-look="deciding"]').waitFor();

    // Each press was stamped with the touch's own time in server time (P1): the phones had synced.
    for (const record of buzz()?.buzzes ?? []) expect(record.claimedAt).not.toBeNull();

    // Past the grace window the buzz is decided once.
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await expect.poll(() => buzz()?.winner).toBe(first.id);
    const decided = buzz() as BuzzInQuestion;
    expect(decided.buzzes.map((b) => [b.seatId, b.decision])).toEqual([
      [first.id, 'won'],
      [second.id, 'beaten'],
    ]);
    expect(decided.leadMs).not.toBeNull();
    // Pressed 10 ms apart, well outside each other's error: not a near-tie, so there is a lead.
    const lead = zh('lead.seconds', { s: formatLead(decided.leadMs ?? NaN) });
    expect(lead).toMatch(/^领先 \d\.\d{3} 秒$/);

    // The screen: the winner's name, and under it the lead.
    await byTestId(screen, 'winner').filter({ hasText: first.name }).waitFor();
    expect(await byTestId(screen, 'lead').textContent()).toBe(lead);

    // The phones: the winner answers; the other was beaten by an earlier press.
    await byTestId(phones[0], 'buzzer', '[data-look="won"]').waitFor();
    await byTestId(phones[1], 'buzzer', '[data-look="beaten"]').filter({ hasText: zh('buzzer.beaten', { name: first.name }) }).waitFor();

    // The host: the winner with the lead, and both presses with their times and decisions.
    await byTestId(host, 'host-winner').filter({ hasText: first.name }).waitFor();
    expect(await byTestId(host, 'host-lead').textContent()).toBe(lead);
    const rows = byTestId(host, 'press-row');
    await byTestId(host, 'press-row', '[data-decision="beaten"]').waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-decision')).toBe('won');
    expect(await rows.nth(0).textContent()).toContain(zh('decision.won'));
    expect(await rows.nth(1).textContent()).toContain(zh('decision.beaten'));
    for (let i = 0; i < 2; i++) {
      const time = /^\d\d:\d\d:\d\d\.\d{3}$/;
      expect(await rows.nth(i).locator('[data-testid="press-arrival"]').textContent()).toMatch(time);
      expect(await rows.nth(i).locator('[data-testid="press-claimed"]').textContent()).toMatch(time);
      expect(await rows.nth(i).locator('[data-testid="press-judged"]').textContent()).toMatch(time);
      expect(await rows.nth(i).locator('[data-testid="press-bound"]').textContent()).toBe(zh('log.ms', { ms: DEFAULT_FAIRNESS.maxCreditMs }));
    }
    expect(await byTestId(host, 'press-lead').textContent()).toBe(zh('lead.of', { name: first.name, s: formatLead(decided.leadMs ?? NaN) }));
    await shot(screen, 'fair-screen-lead.png');
    await shot(phones[1], 'fair-phone-beaten.png');

    // The server reports each seat's link to the host every couple of seconds: a badge and the
    // round trip on each connected seat (on the still fake clock, 0 ms and good).
    h.clock.advance(LINK_REPORT_MS);
    for (const seat of [first, second]) {
      const cell = byTestId(host, 'host-seat', `[data-seat="${seat.id}"]`).locator('[data-testid="seat-link"]');
      await cell.locator('[data-testid="link-badge"]').filter({ hasText: zh('linkQuality.good') }).waitFor();
      expect(await cell.locator('[data-testid="link-rtt"]').textContent()).toBe(zh('host.rtt', { ms: 0 }));
    }
    expect(await byTestId(host, 'link-warning').count()).toBe(0);
    await shot(host, 'fair-host-links.png');

    expect(stage.pageErrors).toEqual([]);
  });
});
