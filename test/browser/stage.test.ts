// The whole stage in a real browser: the host console, the big screen and a phone, built pages
// against a real server on a fake clock. Nothing here sleeps: every wait is for something to show.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RIGHT_POINTS } from '../../shared/contest/defaults.js';
import { translate } from '../../shared/i18n/index.js';
import { BUNDLED_BANK, loadBank } from '../../server/bank.js';
import { demoContest } from '../../server/demo.js';
import { startServer, type Harness } from '../support/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SHOTS = root('test-results/screenshots');

const hasChromium = existsSync(CHROMIUM);
const browserRequired = Boolean(process.env.CI || process.env.REQUIRE_BROWSER);

if (!hasChromium && browserRequired) {
  describe('the stage in a browser', () => {
    it('needs a browser', () => {
      expect.fail(`${CHROMIUM} not found, and CI or REQUIRE_BROWSER is set (apt-get install chromium)`);
    });
  });
} else if (!hasChromium) {
  console.log(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);
}

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

describe.skipIf(!hasChromium)('the stage in a browser', () => {
  const definition = demoContest(loadBank(BUNDLED_BANK));
  const seat = definition.seats[1];
  let h: Harness;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let host: Page;
  let screen: Page;
  let phone: Page;
  const pageErrors: string[] = [];

  async function open(options: Parameters<Browser['newContext']>[0], path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${path}: ${message.text()}`);
    });
    await page.goto(`${h.url}${path}`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}`, animations: 'disabled' });
  const byTestId = (page: Page, id: string, attrs = '') => page.locator(`[data-testid="${id}"]${attrs}`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await build({ configFile: root('vite.config.ts'), logLevel: 'warn' });
    h = await startServer({ web: express.static(root('dist/web')), definition });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    await browser?.close();
    await h?.close();
  });

  it('host keys, a phone tap and the big screen play one buzz-in question', { timeout: 90_000 }, async () => {
    host = await open({ viewport: { width: 1366, height: 768 } }, `/host/?c=${h.contestId}&key=${h.hostKey}`);
    screen = await open({ viewport: { width: 1920, height: 1080 } }, `/screen/?c=${h.contestId}`);
    await byTestId(screen, 'lobby').waitFor();
    await screen.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="join-qr"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });

    // The phone opens the seat's link: the join code is filled in from the address.
    const code = h.joinCodes[seat.id];
    phone = await open(
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      `/contestant/?c=${h.contestId}&code=${code}`,
    );
    expect(await byTestId(phone, 'join-code').inputValue()).toBe(code);
    await byTestId(phone, 'join-button').tap();
    await byTestId(phone, 'buzzer', '[data-look="waiting"]').waitFor();
    expect(await byTestId(phone, 'seat-name').textContent()).toBe(seat.name);
    const token = await phone.evaluate((id) => localStorage.getItem(`qiangda.device.${id}`), h.contestId);
    expect(token).toBeTruthy();
    await shot(phone, 'phone-joined.png');

    // The screen's lobby ticks the seat off; the host sees the phone online.
    await byTestId(screen, 'lobby-seat', `[data-seat="${seat.id}"][data-claimed="true"]`).waitFor();
    await byTestId(host, 'host-seat', `[data-seat="${seat.id}"]`).locator('[data-testid="seat-online"]').waitFor();
    await shot(screen, 'screen-lobby.png');

    // N: the first question. Space: buzzers open.
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    expect(await byTestId(screen, 'stem').textContent()).toBe(definition.questions[0].stem);
    expect(await byTestId(screen, 'question-number').textContent()).toBe(zh('question.number', { n: 1, total: definition.questions.length }));
    await byTestId(phone, 'buzzer', '[data-look="closed"]').waitFor();
    await host.keyboard.press('Space');
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    await byTestId(screen, 'question', '[data-phase="open"]').waitFor();

    // The phone taps: it wins, and everyone sees who.
    await byTestId(phone, 'buzzer').tap();
    await byTestId(phone, 'buzzer', '[data-look="won"]').waitFor();
    await byTestId(phone, 'press-feedback').filter({ hasText: zh('press.won') }).waitFor();
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
    expect(await byTestId(screen, 'answer').textContent()).toContain(definition.questions[0].answer);
    await byTestId(phone, 'my-score').filter({ hasText: String(DEFAULT_RIGHT_POINTS) }).waitFor();
    await shot(screen, 'screen-revealed.png');

    // A key the phase does not allow is refused by the server, and the host is told why.
    await host.keyboard.press('k');
    await byTestId(host, 'banner').filter({ hasText: zh('error.wrong-phase') }).waitFor();

    // Typing shortcut letters into the adjust form sends no shortcut; the adjustment itself lands.
    await byTestId(host, 'adjust-seat').selectOption(seat.id);
    await byTestId(host, 'adjust-delta').fill('-5');
    await byTestId(host, 'adjust-reason').click();
    await host.keyboard.type('hint: n e j k u r');
    await host.keyboard.press('Enter');
    await byTestId(screen, 'corrections').filter({ hasText: `${seat.name} \u22125` }).waitFor();
    expect(h.room.state.question?.index).toBe(0);
    expect(h.room.state.question?.phase).toBe('revealed');
    expect(h.room.state.ledger.map((e) => e.reason)).toEqual(['right', 'adjust']);

    // The screen switches to English.
    await byTestId(screen, 'language-switch').click();
    await byTestId(screen, 'scoreboard').locator('h2').filter({ hasText: en('screen.scoreboard') }).waitFor();
    expect(await byTestId(screen, 'phase').textContent()).toContain(en('phase.revealed'));
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(screen, 'screen-english.png');

    expect(pageErrors).toEqual([]);
  });

  it('a reloaded phone keeps its seat; a released seat sends the phone back to the join form', async () => {
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

    expect(pageErrors).toEqual([]);
  });
});
