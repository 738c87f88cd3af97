// What the stream overlay's browser tests share: the overlay opened at both 16:9 sizes a video
// platform uses, and the check every state must pass there: the screen's layout checks, a gap
// left for the video (where asked), and screenshots with and without a stand-in video behind.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { TestClient } from '../support/harness.js';
import { SHOTS, type BrowserStage } from './browser-stage.js';
import { layoutProblems, NAMES, WORDS } from './layout-problems.js';

export const OVERLAY_SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x720', width: 1280, height: 720 },
] as const;

export interface OverlayPage {
  size: (typeof OVERLAY_SIZES)[number];
  page: Page;
}

/** A stand-in for the stream's video behind the page, for screenshots only: bright sky, dark stage. */
const VIDEO = 'linear-gradient(180deg, #dfe9f3 0%, #ffffff 35%, #8a6d4b 60%, #2b2b2b 100%)';

/** The overlay of the stage's contest at each size; its errors go to the stage's page errors. */
export async function openOverlays(stage: BrowserStage): Promise<OverlayPage[]> {
  const overlays: OverlayPage[] = [];
  for (const size of OVERLAY_SIZES) {
    const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => stage.pageErrors.push(`overlay ${size.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') stage.pageErrors.push(`overlay ${size.name}: ${message.text()}`);
    });
    await page.goto(`${stage.h.url}/overlay/?c=${stage.h.contestId}`);
    overlays.push({ size, page });
  }
  return overlays;
}

/** Runs in the page: what paints in the middle of the gap the plates leave for the video (none,
 * on a transparent page), or that there is no gap. */
export function paintedInGap(): string[] {
  const top = document.querySelector('[data-testid="overlay-top"]')?.getBoundingClientRect();
  const bottom = document.querySelector('[data-testid="overlay-bottom"]')?.getBoundingClientRect();
  if (!top || !bottom || bottom.top - top.bottom < 20) return ['no gap for the video'];
  return document
    .elementsFromPoint(window.innerWidth / 2, (top.bottom + bottom.top) / 2)
    .filter((el) => {
      const style = getComputedStyle(el);
      return style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.backgroundImage !== 'none';
    })
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}: ${getComputedStyle(el).backgroundColor}`);
}

export interface ShowOptions {
  /** Text floors, as layoutProblems takes them. */
  floors: [string, number][];
  /** Screenshots are named `<shots>-<size>-<state>.png` (and `-alpha.png`, transparent). */
  shots: string;
  /** Also that the middle of the picture is left to the video. */
  gap?: boolean;
}

/** Waits until every overlay shows `selector` with no layout problem (and, if asked, a clear gap),
 * then shoots it transparent and over the stand-in video. */
export async function overlaysShow(overlays: OverlayPage[], state: string, selector: string, options: ShowOptions): Promise<void> {
  await Promise.all(
    overlays.map(async ({ size, page }) => {
      await page.locator(selector).first().waitFor();
      await expect
        .poll(() => page.evaluate(layoutProblems, { floors: options.floors, names: NAMES, words: WORDS, root: '[data-testid="overlay"]' }), { timeout: 8000, message: `${state} at ${size.name}` })
        .toEqual([]);
      if (options.gap) expect(await page.evaluate(paintedInGap), `${state} at ${size.name}`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${options.shots}-${size.name}-${state}-alpha.png`, animations: 'disabled', omitBackground: true });
      await page.evaluate((video) => (document.documentElement.style.background = video), VIDEO);
      await page.screenshot({ path: `${SHOTS}/${options.shots}-${size.name}-${state}.png`, animations: 'disabled' });
      await page.evaluate(() => document.documentElement.style.removeProperty('background'));
    }),
  );
}

/** Sends the host's command and fails the test if it is refused. */
export async function hostCommand(host: TestClient, command: HostCommand): Promise<void> {
  const ack = await host.request('host:command', command);
  if ('error' in ack) expect.fail(`${command.type} refused: ${ack.error}`);
}
