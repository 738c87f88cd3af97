// What every browser test needs: the pages built (each test file into its own folder, as files
// run in parallel), a real server on a fake clock serving them, Chromium, and pages for the
// host's laptop, the projector and phones. Nothing here sleeps.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import { startServer, type Harness, type HarnessOptions } from '../support/harness.js';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
export const SHOTS = root('test-results/screenshots');

export const hasChromium = existsSync(CHROMIUM);
const browserRequired = Boolean(process.env.CI || process.env.REQUIRE_BROWSER);

/** Fails the run instead of skipping when a browser is required (CI) but missing. */
export function requireBrowser(name: string): void {
  if (!hasChromium && browserRequired) {
    describe(name, () => {
      it('needs a browser', () => {
        expect.fail(`${CHROMIUM} not found, and CI or REQUIRE_BROWSER is set (apt-get install chromium)`);
      });
    });
  } else if (!hasChromium) {
    console.log(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);
  }
}

export const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params);
export const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

export const VIEWPORTS = {
  host: { viewport: { width: 1366, height: 768 } },
  screen: { viewport: { width: 1920, height: 1080 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

/** What Chromium logs when a page sends on a socket the server just cut (a fault a test made, as
 * when it closes the server): not a page error. Tests drop it, from the pages they name only. */
const CUT_SEND = 'WebSocket is already in CLOSING or CLOSED state.';
export const isCutSend = (error: string, path: string) => error.endsWith(CUT_SEND) && error.includes(path);

export interface BrowserStage {
  h: Harness;
  browser: Browser;
  /** Page errors and console errors from every page: a test ends expecting none. */
  pageErrors: string[];
  /** `prepare` runs on the new page before it loads (to route its WebSocket, say). */
  open(kind: keyof typeof VIEWPORTS, path: string, prepare?: (page: Page) => Promise<void>): Promise<Page>;
  host(): Promise<Page>;
  screen(): Promise<Page>;
  /** A phone that opens `seatId`'s own link, which takes the seat at once (S4), and waits for it. */
  phone(seatId: string, prepare?: (page: Page) => Promise<void>): Promise<Page>;
  /** After a failed test: screenshots of every open page and what the server holds, so a failure
   * seen once on a busy machine can be read afterwards instead of guessed at. */
  diagnose(testName: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the pages, starts the server and the browser. */
export async function startStage(options: HarnessOptions = {}): Promise<BrowserStage> {
  mkdirSync(SHOTS, { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), 'qiangda-web-'));
  await build({ configFile: root('vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const h = await startServer({ web: express.static(outDir), ...options });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const pages: { path: string; page: Page }[] = [];

  const stage: BrowserStage = {
    h,
    browser,
    pageErrors,
    async open(kind, path, prepare) {
      const context = await browser.newContext({ locale: 'zh-CN', ...VIEWPORTS[kind] });
      contexts.push(context);
      const page = await context.newPage();
      pages.push({ path, page });
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`${path}: ${message.text()}`);
      });
      await prepare?.(page);
      await page.goto(`${h.url}${path}`);
      return page;
    },
    host: () => stage.open('host', `/host/?c=${h.contestId}&key=${h.hostKey}`),
    screen: () => stage.open('screen', `/screen/?c=${h.contestId}`),
    async phone(seatId, prepare) {
      const page = await stage.open('phone', `/contestant/?c=${h.contestId}&code=${h.joinCodes[seatId]}`, prepare);
      await byTestId(page, 'seat-name').waitFor();
      return page;
    },
    async diagnose(testName) {
      const name = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
      const lines = [`failed: ${testName}`, `server time ${h.clock.now()}, next timer ${h.clock.nextDue()}`, `question ${JSON.stringify(h.room.state.question)}`];
      for (const [i, { path, page }] of pages.entries()) {
        if (page.isClosed()) continue;
        // What the page says (a pause, an offline notice, the buzzer's words), not its markup.
        const text = await page.locator('body').innerText({ timeout: 1000 }).catch((error: Error) => error.message);
        lines.push(`page ${i} ${path.split('?')[0]}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
        await shot(page, `failed-${name}-${i}.png`).catch(() => undefined);
      }
      lines.push(...pageErrors.map((e) => `page error: ${e}`));
      writeFileSync(`${SHOTS}/failed-${name}.txt`, `${lines.join('\n')}\n`);
      console.error(lines.join('\n'));
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await h.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
  return stage;
}

/** How far tests move the fake clock between opening the buzzers and a tap. The fake clock stands
 * still while the phones' own clocks run: a tap queued on a busy page keeps its touch time from
 * before a clock probe that was answered meanwhile, with the same frozen server time, so the press
 * would be stamped just before the opening, a false start. A real server clock never stands still. */
export const TAP_SETTLE_MS = 200;

export const byTestId = (page: Page, id: string, attrs = ''): Locator => page.locator(`[data-testid="${id}"]${attrs}`);

export const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}/${name}`, animations: 'disabled', fullPage });
