// The landing page on a phone (the bare address, as typed or from a poster): with one contest on
// it offers to join it; with several on in one data folder it lists them by title, so a phone
// picks its own hall's instead of being sent to whichever is newest; none on, it says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('the landing page in a browser');

describe.skipIf(!hasChromium)('the landing page in a browser', () => {
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('one contest on: its title and a join button that opens its join page', { timeout: 90_000 }, async () => {
    const page = await stage.open('phone', '/');
    await expect.poll(() => byTestId(page, 'landing-title').textContent()).toBe(stage.h.room.state.definition.title);
    await byTestId(page, 'landing-join').tap();
    await page.waitForURL(`**/contestant/?c=${stage.h.contestId}`);
    expect(stage.pageErrors).toEqual([]);
  });

  it('several on: each by title, newest first; a closed one is not offered; none on: it says so', { timeout: 90_000 }, async () => {
    const { contests } = stage.h.app;
    const final = contests.create({ ...stage.h.room.state.definition, title: '机关党委决赛' });
    stage.h.clock.advance(1000);
    const closed = contests.create({ ...stage.h.room.state.definition, title: '已结束的预赛' });
    expect(contests.closeForGood(closed)).toBe('closed');

    const page = await stage.open('phone', '/');
    await byTestId(page, 'landing-choice').first().waitFor();
    expect(await page.getByText(zh('landing.pick')).isVisible()).toBe(true);
    expect(await byTestId(page, 'landing-choice-title').allTextContents()).toEqual(['机关党委决赛', stage.h.room.state.definition.title]);
    // Two contests of one title are told apart by when they were made and whether they have begun.
    expect(await byTestId(page, 'landing-choice-facts').first().textContent()).toContain(zh('landing.status.not-started'));
    await shot(page, 'landing-several.png');
    await byTestId(page, 'landing-choice').first().tap();
    await page.waitForURL(`**/contestant/?c=${final}`);

    for (const id of [final, stage.h.contestId]) contests.closeForGood(id);
    const none = await stage.open('phone', '/');
    await expect.poll(() => none.getByRole('alert').textContent()).toBe(zh('landing.noneOpen'));
    expect(stage.pageErrors).toEqual([]);
  });
});
