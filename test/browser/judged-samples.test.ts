// Each moment of a judged turn, drawn by the components the pages use (the screen's judged stage,
// the judge's desk, the host's judging panel) from typed sample views with the longest real
// content: on the screen at 16:9 and 4:3 nothing is cut or below its floor; the judge's page fits
// a phone and a tablet. Screenshots in test-results/screenshots/judged-sample-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import express from 'express';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, requireBrowser, SHOTS } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';
import { SAMPLES } from './judged-samples/samples.js';

requireBrowser('judged turns drawn from sample views');

const SCREENS = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1400x1050', width: 1400, height: 1050 },
];
const DEVICES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'tablet', viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true },
  { name: 'tablet-portrait', viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true },
  { name: 'phone-landscape', viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true },
];

describe.skipIf(!hasChromium)('judged turns drawn from sample views', () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  const outDir = mkdtempSync(join(tmpdir(), 'qiangda-judged-'));

  beforeAll(async () => {
    const root = fileURLToPath(new URL('./judged-samples/', import.meta.url));
    await build({ configFile: false, root, plugins: [svelte()], logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const app = express().use(express.static(outDir));
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('[J4] [J6] the screen shows every moment of a turn at 16:9 and 4:3 with nothing cut', { timeout: 60_000 }, async () => {
    const names = Object.keys(SAMPLES).filter((n) => SAMPLES[n].role === 'screen');
    for (const size of SCREENS) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      for (const name of names) {
        await page.goto(`${url}/#${name}`);
        await page.reload();
        await page.locator('[data-testid="question"][data-kind="judged"]').waitFor();
        await page.screenshot({ path: `${SHOTS}/judged-sample-${name}-${size.name}.png`, animations: 'disabled' });
        await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { message: `${name} at ${size.name}` }).toEqual([]);
      }
      await context.close();
    }
  });

  it('[J4] [J6] in English too, the screen fits and the judge page reads', { timeout: 60_000 }, async () => {
    for (const size of [SCREENS[0], SCREENS[1]]) {
      const context = await browser.newContext({ locale: 'en', viewport: { width: size.width, height: size.height } });
      await context.addInitScript(() => localStorage.setItem('qiangda.locale', 'en'));
      const page = await context.newPage();
      for (const name of ['screen-scoring', 'screen-reveal']) {
        await page.goto(`${url}/#${name}`);
        await page.reload();
        await page.locator('[data-testid="question"][data-kind="judged"]').waitFor();
        await page.screenshot({ path: `${SHOTS}/judged-sample-${name}-${size.name}-en.png`, animations: 'disabled' });
        await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { message: `${name} at ${size.name} in English` }).toEqual([]);
      }
      await context.close();
    }
    const context = await browser.newContext({ locale: 'en', ...DEVICES[0] });
    await context.addInitScript(() => localStorage.setItem('qiangda.locale', 'en'));
    const page = await context.newPage();
    await page.goto(`${url}/#judge-criteria`);
    await page.reload();
    await page.locator('[data-testid="judge-desk"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/judged-sample-judge-criteria-phone-en.png`, animations: 'disabled', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it('[J2] the judge page fits a phone and a tablet on its side', { timeout: 60_000 }, async () => {
    const names = Object.keys(SAMPLES).filter((n) => SAMPLES[n].role === 'judge');
    for (const device of DEVICES) {
      const context = await browser.newContext({ locale: 'zh-CN', ...device });
      const page = await context.newPage();
      for (const name of names) {
        await page.goto(`${url}/#${name}`);
        await page.reload();
        await page.locator('[data-testid="judge-desk"]').waitFor();
        await page.screenshot({ path: `${SHOTS}/judged-sample-${name}-${device.name}.png`, animations: 'disabled', fullPage: true });
        // Nothing runs out sideways on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      await context.close();
    }
  });

  it('[J5] [J7] the host panel names who has scored, and every score after the reveal', { timeout: 30_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    for (const name of ['host-scoring', 'host-reveal']) {
      await page.goto(`${url}/#${name}`);
      await page.reload();
      await page.locator('[data-testid="judging-panel"]').waitFor();
      await page.screenshot({ path: `${SHOTS}/judged-sample-${name}.png`, animations: 'disabled', fullPage: true });
    }
    await context.close();
  });
});
