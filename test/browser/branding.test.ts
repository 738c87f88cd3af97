// A branded contest in a real browser: the host uploads the logo from the lobby, the screen's
// lobby and final ranking show logo, subtitle and organisers, and the blue theme (庄重蓝) is on
// the screen, the host console and the phone. Screenshots at the hall's sizes, to look at.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';
import type { TestClient } from '../support/harness.js';
import { LOGO_MAX_BYTES } from '../../shared/branding.js';

requireBrowser('branding in a browser');

const branding = { organiser: '中共某某市委组织部', coOrganiser: '某某市委党校', subtitle: '学党史 悟思想 办实事 开新局', theme: 'red' };
const contestFile = {
  format: 'qiangda-contest',
  version: 1,
  title: '全市党史知识竞赛决赛',
  seats: [{ name: '第一代表队' }, { name: '第二代表队' }, { name: '第三代表队' }, { name: '第四代表队' }],
  stages: [
    {
      name: '比知识',
      rounds: [
        { kind: 'in-turn', draw: { types: ['open'] } },
        { kind: 'all-at-once', questions: 1, draw: { types: ['single'] } },
        { kind: 'buzz-in', questions: 1 },
      ],
    },
  ],
  seed: 'branding',
  branding,
};

/** The theme's main colour as the page has it: --red-800, in the red theme and the blue. */
const RED_800 = '#7d0f12';
const BLUE_800 = '#0f2a5e';
const themeOf = (page: Page) => page.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.documentElement).getPropertyValue('--red-800').trim()]);

describe.skipIf(!hasChromium)('branding in a browser', () => {
  let stage: BrowserStage;
  let client: TestClient;
  let host: Page;
  let screen: Page;
  let logo: Buffer;
  let phone: Page;

  type Step = 'question:next' | 'turn:start' | 'turn:skip' | 'answer:reveal' | 'answers:open' | 'buzzers:open';
  const run = (type: Step) => client.request('host:command', { type });
  /** Moves the show on (next, or rule a turn wrong, skip it, or end the question) until `done` holds. */
  async function advanceUntil(done: () => boolean) {
    const moves = [() => run('question:next'), () => client.request('host:command', { type: 'answer:rule', verdict: 'wrong' }), () => run('turn:skip'), () => run('answer:reveal')];
    for (let i = 0; i < 20 && !done(); i++) {
      for (const move of moves) if ('data' in (await move())) break;
    }
    expect(done()).toBe(true);
  }

  beforeAll(async () => {
    stage = await startStage();
    client = await stage.h.host();
    expect(await client.request('contest:define', { file: contestFile })).toEqual({ data: null });
    // A logo drawn by the browser itself: a gold emblem on a transparent ground, as a PNG.
    const painter = await stage.browser.newPage();
    await painter.setContent(
      '<div id="logo" style="width:240px;height:240px;border-radius:50%;background:radial-gradient(circle,#ffd978,#d9a526);display:grid;place-items:center;font:700 150px serif;color:#a01419">★</div>',
    );
    logo = await painter.locator('#logo').screenshot({ omitBackground: true });
    await painter.close();
  }, 120_000);

  afterAll(async () => {
    await stage?.close();
  });

  it('the host uploads a logo in the lobby and the screen lobby shows it with the subtitle and organisers; the host switches to blue', { timeout: 90_000 }, async () => {
    host = await stage.host();
    await byTestId(host, 'editor', '[data-status="ready"]').waitFor();
    expect(await byTestId(host, 'editor-organiser').inputValue()).toBe(branding.organiser);
    expect(await byTestId(host, 'editor-theme').inputValue()).toBe('red');

    // A file that is not an image, whatever its name, is refused in words.
    await byTestId(host, 'logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
    await expect.poll(() => byTestId(host, 'logo-error').textContent()).toBe(zh('error.logo-not-image'));
    // The browser logs the refusal's status itself: the one error expected here.
    expect(stage.pageErrors.splice(0)).toEqual([expect.stringContaining('415 (Unsupported Media Type)')]);
    // Too big is said before anything is sent.
    await byTestId(host, 'logo-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(LOGO_MAX_BYTES + 1) });
    await expect.poll(() => byTestId(host, 'logo-error').textContent()).toBe(zh('error.logo-too-big'));

    await byTestId(host, 'logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await byTestId(host, 'logo-preview').waitFor();
    expect(await byTestId(host, 'logo-error').count()).toBe(0);
    expect(await themeOf(host)).toEqual(['red', RED_800]);

    screen = await stage.screen();
    await byTestId(screen, 'lobby').waitFor();
    await expect.poll(() => byTestId(screen, 'brand-subtitle').textContent()).toBe(branding.subtitle);
    expect(await byTestId(screen, 'brand-organiser').textContent()).toBe(zh('branding.organiser', { name: branding.organiser }));
    expect(await byTestId(screen, 'brand-co-organiser').textContent()).toBe(zh('branding.coOrganiser', { name: branding.coOrganiser }));
    await expect.poll(() => byTestId(screen, 'brand-logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await themeOf(screen)).toEqual(['red', RED_800]);
    await shot(screen, 'branding-screen-lobby-red.png');

    // 庄重蓝 from the settings: the screen and the console change colour as soon as it is saved.
    await byTestId(host, 'editor-theme').selectOption('blue');
    await byTestId(host, 'editor-save').click();
    await expect.poll(() => themeOf(screen)).toEqual(['blue', BLUE_800]);
    await expect.poll(() => themeOf(host)).toEqual(['blue', BLUE_800]);
    await byTestId(host, 'editor', '[data-status="ready"]').waitFor();
    await shot(host, 'branding-host-blue.png', true);
    await shot(screen, 'branding-screen-lobby-blue.png');
    expect(stage.pageErrors).toEqual([]);
  });

  it('a lobby of eight teams still shows every seat whole under the branding', { timeout: 60_000 }, async () => {
    const names = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'].map((n) => `${n}代表队`);
    const crowded = { ...contestFile, seats: names.map((name) => ({ name, kind: 'team', phones: 3 })), branding: { ...branding, theme: 'blue' } };
    expect(await client.request('contest:define', { file: crowded })).toEqual({ data: null });
    await expect.poll(() => byTestId(screen, 'lobby-seat').count()).toBe(8);
    await byTestId(screen, 'brand-mark').waitFor();
    // Nothing in a seat's box is cut off: its name and its code lie inside it, whole.
    await shot(screen, 'branding-screen-lobby-8-blue.png');
    const clipped = await byTestId(screen, 'lobby-seat').evaluateAll((seats) =>
      seats.filter((li) => {
        const box = li.getBoundingClientRect();
        const outside = (part: Element) => part.getBoundingClientRect().top < box.top - 0.5 || part.getBoundingClientRect().bottom > box.bottom + 0.5;
        // A line squeezed below one em is cut off by its overflow, though inside the box.
        const squeezed = (part: Element) => part.clientHeight < parseFloat(getComputedStyle(part).fontSize);
        return [...li.children].some((part) => outside(part) || squeezed(part));
      }).length,
    );
    expect(clipped).toBe(0);
    // Back to four seats: the first four keep their ids, codes and phones.
    expect(await client.request('contest:define', { file: { ...contestFile, branding: { ...branding, theme: 'blue' } } })).toEqual({ data: null });
    await expect.poll(() => byTestId(screen, 'lobby-seat').count()).toBe(4);
  });

  it('a phone joins in the blue theme', { timeout: 60_000 }, async () => {
    // The file redefined the seats: their codes are the store's, not the harness's first ones.
    const code = stage.h.store.loadContest(stage.h.contestId)?.seats.find((s) => s.seatId === 'seat-1')?.joinCode;
    phone = await stage.open('phone', `/contestant/?c=${stage.h.contestId}&code=${code}`);
    // A seat's own link joins at once.
    await byTestId(phone, 'seat-name').filter({ hasText: '第一代表队' }).waitFor();
    expect(await themeOf(phone)).toEqual(['blue', BLUE_800]);
    await shot(phone, 'branding-phone-blue.png');

    // Reopened with no connection yet, the phone already shows the contest's theme, not a red flash.
    const offline = await phone.context().newPage();
    await offline.routeWebSocket(/socket\.io/, () => {});
    await offline.route('**/socket.io/**', (route) => route.abort());
    await offline.goto(phone.url());
    await offline.getByText(zh('link.connecting')).first().waitFor();
    expect(await themeOf(offline)).toEqual(['blue', BLUE_800]);
    await offline.close();
    expect(stage.pageErrors).toEqual([]);
  });

  it('the title card names the organisers; questions read well in blue on the screen and the phone, the buzzer stays red', { timeout: 60_000 }, async () => {
    expect(await run('question:next')).toEqual({ data: null });
    await byTestId(screen, 'title-card').waitFor();
    expect(await byTestId(screen, 'title-card').locator('[data-testid="brand-organiser"]').textContent()).toBe(zh('branding.organiser', { name: branding.organiser }));
    await shot(screen, 'branding-screen-title-blue.png');

    expect(await run('question:next')).toEqual({ data: null });
    expect(await run('turn:start')).toEqual({ data: null });
    await byTestId(screen, 'question').waitFor();
    await shot(screen, 'branding-screen-in-turn-blue.png');
    await shot(phone, 'branding-phone-turn-blue.png');

    const state = () => stage.h.room.state;
    await advanceUntil(() => state().question?.kind === 'all-at-once');
    expect(await run('answers:open')).toEqual({ data: null });
    await byTestId(screen, 'question', '[data-phase="answering"]').waitFor();
    await byTestId(phone, 'answer-pad').waitFor();
    await shot(screen, 'branding-screen-all-at-once-blue.png');
    await shot(phone, 'branding-phone-answer-blue.png');

    await advanceUntil(() => state().question?.kind === 'buzz-in');
    expect(await run('buzzers:open')).toEqual({ data: null });
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    await shot(screen, 'branding-screen-buzz-blue.png');
    await shot(phone, 'branding-phone-buzzer-blue.png');
    await shot(host, 'branding-host-question-blue.png');
    expect(stage.pageErrors).toEqual([]);
  });

  it('the final ranking shows logo, subtitle and organisers', { timeout: 60_000 }, async () => {
    expect(await client.request('host:command', { type: 'score:adjust', seatId: 'seat-2', delta: 20, reason: '演示' })).toEqual({ data: null });
    expect(await client.request('host:command', { type: 'score:adjust', seatId: 'seat-4', delta: 10, reason: '演示' })).toEqual({ data: null });
    // Nobody buzzes: the window closes, then the show ends.
    stage.h.clock.advance(60_000);
    await advanceUntil(() => stage.h.room.state.stage === 'finished');
    await byTestId(screen, 'final-ranking').waitFor();
    const mark = byTestId(screen, 'final-ranking').locator('[data-testid="brand-mark"]');
    expect(await mark.locator('[data-testid="brand-subtitle"]').textContent()).toBe(branding.subtitle);
    expect(await mark.locator('[data-testid="brand-organiser"]').textContent()).toBe(zh('branding.organiser', { name: branding.organiser }));
    await expect.poll(() => mark.locator('[data-testid="brand-logo"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await themeOf(screen)).toEqual(['blue', BLUE_800]);
    await shot(screen, 'branding-screen-final-blue.png');
    await shot(phone, 'branding-phone-final-blue.png');
    expect(stage.pageErrors).toEqual([]);
  });

  it('the organiser page replaces and removes the logo per contest, and the screen follows at once', { timeout: 60_000 }, async () => {
    const { h } = stage;
    const organiser = await stage.open('host', `/contests/?key=${encodeURIComponent(h.app.contests.organiserKey())}`);
    const row = byTestId(organiser, 'contest-row', `[data-id="${h.contestId}"]`);
    await row.locator('[data-testid="logo-preview"]').waitFor();
    const before = await byTestId(screen, 'brand-logo').getAttribute('src');

    const painter = await stage.browser.newPage();
    await painter.setContent('<div id="logo" style="width:200px;height:120px;background:#c8161d;color:#ffd978;font:700 60px serif;display:grid;place-items:center">党徽</div>');
    const another = await painter.locator('#logo').screenshot();
    await painter.close();
    await row.locator('[data-testid="logo-file"]').setInputFiles({ name: 'new.png', mimeType: 'image/png', buffer: another });
    await expect.poll(() => byTestId(screen, 'brand-logo').getAttribute('src')).not.toBe(before);
    await shot(organiser, 'branding-organiser.png');

    await row.locator('[data-testid="logo-remove"]').click();
    await byTestId(screen, 'brand-logo').waitFor({ state: 'detached' });
    await row.locator('[data-testid="logo-preview"]').waitFor({ state: 'detached' });
    expect(await byTestId(screen, 'brand-subtitle').textContent()).toBe(branding.subtitle);
    expect(stage.pageErrors).toEqual([]);
  });
});
