// 弹幕 in real browsers: the host switches comments on and projects them, an audience phone sends
// one with markup in it and every page shows it as text, the host hides it and it leaves the
// screen and the phone, and refusals (a blocked word, a flood, slow mode) are told in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { FLOOD_LIMITS, UPDATE_EVERY_MS } from '../../server/audience/comments.js';
import { SHOTS, byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('comments in a browser');

const MARKUP = '<img src=x onerror=alert(1)>';

describe.skipIf(!hasChromium)('comments in a browser', () => {
  let stage: BrowserStage;

  beforeAll(async () => {
    // As `npm start` serves it: the audience from its own process.
    stage = await startStage({ audience: { audienceProcess: true } });
  });

  afterAll(async () => {
    await stage?.close();
  });

  /** Waits for a page to show something, moving the fake clock past each batching window meanwhile. */
  async function shows(locator: Locator): Promise<void> {
    for (let i = 0; ; i++) {
      stage.h.clock.advance(UPDATE_EVERY_MS);
      try {
        await locator.first().waitFor({ timeout: 500 });
        return;
      } catch (error) {
        if (i > 40) throw error;
      }
    }
  }

  async function gone(locator: Locator): Promise<void> {
    for (let i = 0; (await locator.count()) > 0; i++) {
      if (i > 40) throw new Error(`still shown: ${await locator.first().innerText()}`);
      stage.h.clock.advance(UPDATE_EVERY_MS);
      await locator.first().waitFor({ state: 'detached', timeout: 500 }).catch(() => undefined);
    }
  }

  async function say(phone: Page, text: string): Promise<void> {
    await byTestId(phone, 'comment-input').fill(text);
    await byTestId(phone, 'comment-send').click();
  }

  it('markup shows as text everywhere; a hidden comment leaves the screen and the phone; refusals are told', { timeout: 120_000 }, async () => {
    const { h } = stage;
    const dialogs: string[] = [];
    const host = await stage.host();
    const screen = await stage.screen();
    const phone = await stage.open('phone', `/watch/?c=${h.contestId}`);
    for (const page of [host, screen, phone]) page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));

    await byTestId(phone, 'comments-state').filter({ hasText: zh('comments.closed') }).waitFor();
    await byTestId(host, 'comments-on').check();
    await shows(byTestId(phone, 'comment-input'));
    await byTestId(host, 'comments-projected').check();
    await shows(byTestId(screen, 'comments-layer'));

    await say(phone, MARKUP);
    await shows(byTestId(phone, 'comment').filter({ hasText: MARKUP }));
    await shows(byTestId(host, 'host-comment').filter({ hasText: MARKUP }));
    await shows(byTestId(screen, 'screen-comment').filter({ hasText: MARKUP }));
    expect(await screen.locator('[data-testid="comments-layer"] img').count()).toBe(0);
    expect(await phone.locator('[data-testid="comments"] img').count()).toBe(0);

    // A question on the screen, a hall's worth of comments, then the screen as the hall sees it,
    // the crossing paused: the band must leave the question and the scores readable.
    await host.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'stem').waitFor();
    const cheers = ['为党史知识竞赛点赞', '第三代表队加油', '这题太难了', '答得漂亮！', '学党史 悟思想'];
    for (const text of cheers) {
      const viewer = h.connect({ role: 'audience' });
      await viewer.ready();
      expect(await viewer.request('comment:send', { text })).toEqual({ data: null });
    }
    await shows(byTestId(screen, 'screen-comment').filter({ hasText: cheers[1] }));
    await screen.evaluate(() => document.getAnimations().forEach((a) => a.pause()));
    await screen.screenshot({ path: `${SHOTS}/comments-screen.png` });
    await screen.evaluate(() => document.getAnimations().forEach((a) => a.play()));
    await shows(byTestId(host, 'host-comment').filter({ hasText: cheers[4] }));

    const id = await byTestId(host, 'host-comment').filter({ hasText: MARKUP }).getAttribute('data-id');
    await byTestId(host, `hide-${id}`).click();
    await gone(byTestId(phone, 'comment').filter({ hasText: MARKUP }));
    await gone(byTestId(screen, 'screen-comment').filter({ hasText: MARKUP }));
    await shows(byTestId(host, 'host-comment', `[data-id="${id}"]`).filter({ hasText: zh('host.comments.hidden') }));

    await byTestId(host, 'comments-words').fill('坏词\n广告');
    await byTestId(host, 'comments-words-save').click();
    for (let i = 0; ; i++) {
      stage.h.clock.advance(UPDATE_EVERY_MS);
      await say(phone, '这里有坏词');
      try {
        await byTestId(phone, 'comment-refusal').filter({ hasText: zh('error.comment-blocked') }).waitFor({ timeout: 500 });
        break;
      } catch (error) {
        if (i > 20) throw error;
      }
    }
    await shot(phone, 'comments-phone-blocked.png');

    // A flood: the socket's allowance runs out and the phone is told how long to wait.
    for (let sent = 0; ; sent++) {
      await say(phone, `刷屏${sent}`);
      const refused = byTestId(phone, 'comment-refusal').filter({ hasText: zh('error.comment-too-fast') });
      const sentOk = byTestId(phone, 'comment').filter({ hasText: `刷屏${sent}` });
      await refused.or(sentOk).first().waitFor();
      if (await refused.count()) break;
      if (sent > FLOOD_LIMITS.socket.count) throw new Error('the flood was never refused');
      await shows(byTestId(phone, 'comment-input'));
    }
    await expect.poll(() => byTestId(phone, 'comment-send').isDisabled()).toBe(true);
    await shot(phone, 'comments-phone-flood.png');

    await byTestId(host, 'comments-slow').fill('30');
    await byTestId(host, 'comments-slow-apply').click();
    await shows(phone.getByText(zh('comments.slowNote', { seconds: 30 })).or(byTestId(phone, 'comment-refusal')));
    await host.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await byTestId(host, 'comments-panel').scrollIntoViewIfNeeded();
    await shot(host, 'comments-host-panel.png');
    expect(dialogs).toEqual([]);
    expect(stage.pageErrors).toEqual([]);
  });
});
