// The audience page (/watch/) on a viewer's phone: the lobby, a buzz (who buzzed, the lead, the
// scoreboard), likes counted at once on the phone and added up on the server, and the page's QR
// code on the screen's lobby and in the host console. Nothing here sleeps.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { FLUSH_MS } from '../../server/audience/likes.js';
import { definition } from '../support/definitions.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, en, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('the audience page');

describe.skipIf(!hasChromium)('the audience page', () => {
  const contest = definition();
  let stage: BrowserStage;
  let watch: Page;

  beforeAll(async () => {
    // As `npm start` serves it: the audience from its own process.
    stage = await startStage({ definition: contest, audience: { audienceProcess: true } });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('a viewer sees the lobby, likes, a buzz and its winner on the scoreboard', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const host = await h.host();
    const phone = await h.contestant('s2');
    const observer = h.connect({ role: 'audience' });
    const totals: number[] = [];
    observer.socket.on('likes:total', ({ total }) => totals.push(total));
    await observer.ready();

    watch = await stage.open('phone', `/watch/?c=${h.contestId}`);
    await byTestId(watch, 'watch-waiting').filter({ hasText: zh('watch.waiting') }).waitFor();
    expect(await byTestId(watch, 'watch-title').textContent()).toBe(contest.title);
    await expect.poll(() => byTestId(watch, 'watch-row').count()).toBe(contest.seats.length);
    // Nothing of phones or codes on the page.
    const text = (await watch.locator('body').textContent()) ?? '';
    for (const code of Object.values(h.joinCodes)) expect(text).not.toContain(code);

    // Five taps count at once on the phone; the server adds them up and tells everyone.
    for (let i = 0; i < 5; i++) await byTestId(watch, 'like-button').tap();
    await byTestId(watch, 'like-total', '[data-total="5"]').waitFor();
    await expect.poll(() => {
      h.clock.advance(FLUSH_MS);
      return totals.at(-1);
    }).toBe(5);
    await shot(watch, 'watch-lobby.png');

    // A buzz: the viewer sees the question, who buzzed first, and the seat standing out.
    await hostDoes(host, 'question:next');
    await hostDoes(host, 'question:next');
    await byTestId(watch, 'watch-question', '[data-phase="reading"]').waitFor();
    expect(await byTestId(watch, 'watch-stem').textContent()).toBe(contest.stages[0].rounds[0].questions[0].stem);
    await hostDoes(host, 'buzzers:open');
    await byTestId(watch, 'watch-question', '[data-phase="open"]').waitFor();
    // Won at once or after the grace window (P4), by how the phone's link was measured.
    expect(await phone.request('buzz:press', {})).toMatchObject({ data: { decision: expect.stringMatching(/^(won|pending)$/) } });
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await byTestId(watch, 'watch-winner').filter({ hasText: zh('watch.buzzedBy', { name: contest.seats[1].name }) }).waitFor();
    await byTestId(watch, 'watch-row', '[data-seat="s2"].answering').waitFor();
    await shot(watch, 'watch-buzz.png', true);

    // The host rules it right: the answer and the new score reach the viewer.
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right' })).toEqual({ data: null });
    await byTestId(watch, 'watch-question', '[data-phase="revealed"]').waitFor();
    await expect.poll(() => byTestId(watch, 'watch-row').first().getAttribute('data-seat')).toBe('s2');
    await shot(watch, 'watch-revealed.png', true);

    // EN switch.
    await byTestId(watch, 'language-switch').tap();
    await byTestId(watch, 'like-button').filter({ hasText: en('watch.like') }).waitFor();
    await shot(watch, 'watch-en.png');
    expect(stage.pageErrors).toEqual([]);
  });

  it("the watch page's QR code is on the screen's lobby and in the host console", { timeout: 90_000 }, async () => {
    const { h } = stage;
    const fresh = h.app.contests.create(contest);
    const screen = await stage.open('screen', `/screen/?c=${fresh}`);
    await byTestId(screen, 'lobby').waitFor();
    const url = `http://qiangda.test/watch/?c=${fresh}`;
    await byTestId(screen, 'watch-url').filter({ hasText: url }).waitFor();
    await screen.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="watch-qr"] img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await shot(screen, 'screen-lobby-watch-qr.png');
    const key = h.app.contests.get(fresh)?.hostKey ?? '';
    const host = await stage.open('host', `/host/?c=${fresh}&key=${key}`);
    const card = byTestId(host, 'watch-qr');
    await card.locator(`a[href="${url}"]`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(host, 'host-watch-qr.png');
    expect(stage.pageErrors).toEqual([]);
  });

  it('with the audience process down, the page falls back to the stage and works the same', { timeout: 90_000 }, async () => {
    const { h } = stage;
    // The first test's viewer would fall back too: only the page opened here is counted.
    await watch.close();
    expect(h.app.io.engine.clientsCount).toBeGreaterThan(0);
    const before = h.app.io.engine.clientsCount;
    await h.app.audience?.close();
    const page = await stage.open('phone', `/watch/?c=${h.contestId}`);
    await byTestId(page, 'watch-title').filter({ hasText: contest.title }).waitFor();
    await byTestId(page, 'like-button').tap();
    await byTestId(page, 'like-total', '[data-total="6"]').waitFor();
    // Served by the stage's process now.
    expect(h.app.io.engine.clientsCount).toBe(before + 1);
    // The browser reports the refused tries on the audience path, and nothing else.
    const refused = stage.pageErrors.splice(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const line of refused) expect(line).toMatch(/watch\.io.*503/);
  });
});

async function hostDoes(host: TestClient, type: 'question:next' | 'buzzers:open') {
  expect(await host.request('host:command', { type })).toEqual({ data: null });
}
