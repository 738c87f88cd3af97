// Every page under the Content-Security-Policy (issue 10, item 6): the landing page, the
// organiser page, the host console (with a logo uploaded and previewed), the screen (QR code,
// logo, a question), a phone that joins and presses (Web Audio), the seat cards, a judge's page
// and the judge cards, each driven
// in Chromium with a listener for CSP violations; none may be reported.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, hasChromium, requireBrowser, shot, startStage, type BrowserStage, TAP_SETTLE_MS } from './browser-stage.js';

requireBrowser('every page under the Content-Security-Policy');

/** Installed before any page script: every violation the page reports, kept for the test. */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

describe.skipIf(!hasChromium)('every page under the Content-Security-Policy', () => {
  let stage: BrowserStage;
  const pages: Page[] = [];

  /** Opens a page with the violation recorder installed. */
  async function open(kind: 'host' | 'screen' | 'phone', path: string): Promise<Page> {
    // Opened on a plain answer first, so the recorder is in place before the page's own scripts.
    const page = await stage.open(kind, '/healthz');
    await page.addInitScript(RECORD_VIOLATIONS);
    await page.goto(`${stage.h.url}${path}`);
    pages.push(page);
    return page;
  }

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  beforeAll(async () => {
    stage = await startStage();
  }, 120_000);

  afterAll(async () => {
    await stage?.close();
  });

  it('[edge] landing, organiser page, host console with a logo, screen, phone pressing, seat cards, judge page, judge cards: no violation', { timeout: 120_000 }, async () => {
    const { h } = stage;
    const painter = await stage.browser.newPage();
    await painter.setContent('<div id="logo" style="width:120px;height:120px;border-radius:50%;background:#d9a526"></div>');
    const logo = await painter.locator('#logo').screenshot({ omitBackground: true });
    await painter.close();

    const landing = await open('phone', '/');
    await byTestId(landing, 'landing-join').waitFor();

    const organiser = await open('screen', `/contests/?key=${encodeURIComponent(h.app.contests.organiserKey())}`);
    await organiser.getByText(h.room.state.definition.title).first().waitFor();

    const host = await open('host', `/host/?c=${h.contestId}&key=${h.hostKey}`);
    await byTestId(host, 'logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await byTestId(host, 'logo-preview').waitFor();

    const screen = await open('screen', `/screen/?c=${h.contestId}`);
    await expect.poll(() => byTestId(screen, 'brand-logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => byTestId(screen, 'join-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await shot(screen, 'csp-screen-lobby.png');

    const phone = await open('phone', `/contestant/?c=${h.contestId}&code=${h.joinCodes.s1}`);
    await byTestId(phone, 'seat-name').waitFor();
    const control = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) expect(await control.request('host:command', { type })).toHaveProperty('data');
    h.clock.advance(TAP_SETTLE_MS);
    await byTestId(phone, 'buzzer').tap();
    await expect.poll(() => h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes.length > 0).toBe(true);
    await shot(phone, 'csp-phone-pressed.png');
    await shot(host, 'csp-host.png');

    const cards = await open('screen', `/cards/?c=${h.contestId}&key=${h.hostKey}`);
    await byTestId(cards, 'print-cards').waitFor();
    // The print button's script came from its own file: it is wired.
    await cards.evaluate(() => (window.print = () => document.body.setAttribute('data-printed', 'yes')));
    await byTestId(cards, 'print-cards').click();
    await expect.poll(() => cards.locator('body').getAttribute('data-printed')).toBe('yes');
    await shot(cards, 'csp-cards.png');

    // The judge page (here asking for a judge code) and the judge cards page.
    const judge = await open('phone', `/judge/?c=${h.contestId}`);
    await byTestId(judge, 'judge-sign-in').waitFor();
    await shot(judge, 'csp-judge-sign-in.png');
    const judgeCards = await open('screen', `/judge-cards/?c=${h.contestId}&key=${h.hostKey}`);
    await byTestId(judgeCards, 'print-cards').waitFor();

    for (const page of pages) expect(await violations(page), page.url()).toEqual([]);
    expect(stage.pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(stage.pageErrors).toEqual([]);
  });
});
