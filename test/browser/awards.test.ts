// The award ceremony in a real browser (AW3-AW7): a finished final of ten seats with three stages
// and 1/3/6 prizes, two seats level across the 二等奖/三等奖 boundary. The host decides them on the
// console, then steps the reveal with A (Shift+A back) while two projectors (1920x1080 and
// 1024x768) watch every step with the layout checks; then the printable prize list, as printed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestDefinition, Seat } from '../../shared/contest/types.js';
import { buzzRound } from '../support/definitions.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, hasChromium, requireBrowser, SHOTS, startStage, zh, type BrowserStage } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';

requireBrowser('the award ceremony in a browser');

const LONG = '中共湖南省衡阳市委组织部机关第一党支部代表队';
const NAMES_OF = [LONG, '衡阳市委宣传部代表队', '衡南县委党校代表队', '耒阳市直机关工委代表队', '常宁市教育局党委代表队', '祁东县卫健局党支部代表队', '衡东县公安局代表队', '雁峰区委组织部代表队', '石鼓区人民法院代表队', '南岳区文旅局代表队'];
const SEATS: Seat[] = NAMES_OF.map((name, i) => ({ id: `s${i + 1}`, name, kind: 'team', phones: 3 }));
/** Each seat's points in 比知识, 悟思想, 述行动: s4 and s5 swap the first two, so their totals are level. */
const POINTS: [number, number, number][] = [
  [100, 95, 96],
  [90, 92, 93],
  [95, 85, 91],
  [80, 70, 88],
  [70, 80, 88],
  [85, 75, 84],
  [60, 82, 83],
  [75, 66, 80],
  [50, 60, 78],
  [40, 55, 70],
];

const contest: ContestDefinition = {
  title: '“学党史、悟思想、办实事、开新局”党史知识竞赛总决赛',
  seed: 'awards',
  seats: SEATS,
  branding: { organiser: '中共衡阳市委组织部', coOrganiser: '衡阳市委党校', theme: 'red' },
  stages: [
    { id: 'stage-1', name: '比知识', weight: 0.15, rounds: [{ ...buzzRound(0), id: 'r1' }] },
    { id: 'stage-2', name: '悟思想', weight: 0.15, rounds: [{ ...buzzRound(0), id: 'r2' }] },
    { id: 'stage-3', name: '述行动', weight: 0.7, rounds: [{ ...buzzRound(0), id: 'r3' }] },
  ],
  judges: [{ id: 'j1', name: '王教授' }, { id: 'j2', name: '李书记' }, { id: 'j3', name: '张主任' }],
  awards: { by: 'count', boundaryTie: 'host', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] },
};

/** Award sizes: names and totals read like the ranking, the breakdown like the seat lists. */
const AWARD_FLOORS: [string, number][] = [
  ['[data-testid="award-name"]', 48],
  ['[data-testid="award-total"]', 48],
  ['[data-testid="award-breakdown"]', 32],
  ['[data-testid="podium-name"]', 32],
  ['[data-testid="award-contest"]', 48],
];
const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1024x768', width: 1024, height: 768 },
] as const;

describe.skipIf(!hasChromium)('the award ceremony in a browser', () => {
  let stage: BrowserStage;
  let client: TestClient;
  let host: Page;
  let phone: Page;
  const screens: { size: (typeof SIZES)[number]; page: Page }[] = [];

  async function command(c: HostCommand): Promise<void> {
    const ack = await client.request('host:command', c);
    if ('error' in ack) expect.fail(`${c.type} refused: ${ack.error}`);
  }

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
    client = await stage.h.host();
    // Each stage's one round: its title card, the seats' points for the stage, on to the next.
    for (let s = 0; s < 3; s++) {
      await command({ type: 'question:next' });
      for (const [i, points] of POINTS.entries()) await command({ type: 'score:adjust', seatId: `s${i + 1}`, delta: points[s], reason: '成绩' });
    }
    await command({ type: 'question:next' });
    for (const size of SIZES) {
      const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => stage.pageErrors.push(`${size.name}: ${error.message}`));
      await page.goto(`${stage.h.url}/screen/?c=${stage.h.contestId}`);
      screens.push({ size, page });
    }
    host = await stage.host();
    phone = await stage.phone('s5');
  });

  afterAll(async () => {
    await stage?.close();
  });

  /** Every screen shows `selector`, with no layout problem; a screenshot of each. */
  async function check(step: string, selector: string): Promise<void> {
    for (const { size, page } of screens) {
      await page.locator(selector).first().waitFor();
      await expect
        .poll(() => page.evaluate(layoutProblems, { floors: [...FLOORS, ...AWARD_FLOORS], names: NAMES, words: WORDS }), { timeout: 8000, message: `${step} at ${size.name}` })
        .toEqual([]);
      await page.screenshot({ path: `${SHOTS}/awards-${size.name}-${step}.png`, animations: 'disabled' });
    }
  }

  const seatsOn = (page: Page) => byTestId(page, 'award-name').allTextContents();

  it('[AW4] the host decides the two seats level across the boundary; until then A is refused', async () => {
    await byTestId(phone, 'final-card').waitFor();
    expect(await byTestId(phone, 'my-prize').count()).toBe(0);
    await byTestId(host, 'awards-panel').waitFor();
    await expect.poll(() => byTestId(host, 'award-tie').count()).toBe(1);
    await expect.poll(() => byTestId(host, 'awards-next').isDisabled()).toBe(true);
    await host.keyboard.press('a');
    await host.getByText(zh('error.awards-undecided')).waitFor();
    await byTestId(host, 'award-choice-s4').selectOption('1');
    await byTestId(host, 'award-choice-s5').selectOption('2');
    await expect.poll(() => byTestId(host, 'awards-next').isEnabled()).toBe(true);
    await expect.poll(() => byTestId(host, 'award-tier-1').textContent()).toContain(SEATS[3].name);
    await host.screenshot({ path: `${SHOTS}/awards-host-decided.png`, fullPage: true });
    // The screen still shows the final ranking: nothing is revealed yet.
    await byTestId(screens[0].page, 'final-ranking').waitFor();
  });

  it('[AW5][AW6] A steps the reveal: title card, 三等奖, 二等奖, 一等奖, the podium; Shift+A goes back', async () => {
    await host.keyboard.press('a');
    await check('0-title', '[data-testid="award-title"]');
    expect(await byTestId(screens[0].page, 'award-contest').textContent()).toBe(contest.title);
    await expect.poll(() => byTestId(host, 'awards-step').textContent()).toBe(zh('awards.step.title'));

    await host.keyboard.press('a');
    await check('1-third', '[data-testid="award-tier"][data-tier="三等奖"]');
    expect(await seatsOn(screens[0].page)).toEqual([SEATS[4], SEATS[5], SEATS[6], SEATS[7], SEATS[8], SEATS[9]].map((s) => s.name));
    const third = byTestId(screens[0].page, 'award-seat', '[data-seat="s5"]');
    // s5: 70 × 0.15 + 80 × 0.15 + 88 × 0.7 = 84.1, with each stage's points and weighted points.
    expect(await third.getByTestId('award-total').textContent()).toContain('84.1');
    expect(await third.getByTestId('award-breakdown').textContent()).toMatch(/70.*10\.5.*80.*12.*88.*61\.6/);
    // The phone of a seat in the tier now shows its prize too.
    await expect.poll(() => byTestId(phone, 'my-prize').textContent()).toBe(zh('awards.phone', { prize: '三等奖' }));
    await phone.screenshot({ path: `${SHOTS}/awards-phone.png` });

    await host.keyboard.press('a');
    await check('2-second', '[data-testid="award-tier"][data-tier="二等奖"]');
    expect(await seatsOn(screens[0].page)).toEqual([SEATS[1], SEATS[2], SEATS[3]].map((s) => s.name));

    await host.keyboard.press('a');
    await check('3-first', '[data-testid="award-tier"][data-tier="一等奖"]');
    expect(await seatsOn(screens[0].page)).toEqual([LONG]);

    await host.keyboard.press('a');
    await check('4-podium', '[data-testid="award-podium"]');
    const places = byTestId(screens[0].page, 'podium-place');
    expect(await places.evaluateAll((els) => els.map((el) => el.getAttribute('data-tier')))).toEqual(['二等奖', '一等奖', '三等奖']);
    expect(await places.nth(1).getByTestId('podium-name').allTextContents()).toEqual([LONG]);
    expect(await places.nth(2).getByTestId('podium-name').count()).toBe(6);
    await expect.poll(() => byTestId(host, 'awards-next').isDisabled()).toBe(true);

    await host.keyboard.press('Shift+A');
    await byTestId(screens[0].page, 'award-tier', '[data-tier="一等奖"]').waitFor();
    await host.screenshot({ path: `${SHOTS}/awards-host-ceremony.png`, fullPage: true });
    expect(stage.pageErrors).toEqual([]);
  });

  it('[AW4] the print page: every tier from the first, each seat\'s breakdown, the host\'s decision, signature lines; A4 wide, no CSP violation', async () => {
    const href = await byTestId(host, 'awards-print').getAttribute('href');
    expect(href).toBe(`/results/?c=${stage.h.contestId}&key=${stage.h.hostKey}`);
    // A4 at 96 dpi: what the printed page is as wide as.
    const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${stage.h.url}${href}`);
    await page.emulateMedia({ media: 'print' });
    expect(await byTestId(page, 'results-title').textContent()).toBe(contest.title);
    expect(await byTestId(page, 'results-tier').allTextContents()).toEqual(['一等奖', '二等奖', '三等奖']);
    const rows = byTestId(page, 'results-row');
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-seat')))).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10']);
    const s5 = byTestId(page, 'results-row', '[data-seat="s5"]');
    expect((await s5.locator('td').allTextContents()).map((text) => text.trim())).toEqual(['4', '常宁市教育局党委代表队', '70', '10.50', '80', '12.00', '88', '61.60', '84.10', `${zh('awards.print.stillTied')}；${zh('awards.byHost')}`]);
    const signatures = await byTestId(page, 'results-signatures').textContent();
    for (const words of [zh('awards.print.scorer'), zh('awards.print.supervisor'), zh('awards.print.date'), '王教授', '李书记', '张主任']) expect(signatures).toContain(words);
    expect(await byTestId(page, 'results-judge-line').count()).toBe(3);
    expect(await byTestId(page, 'print-results').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    await page.screenshot({ path: `${SHOTS}/awards-print.png`, fullPage: true });
    expect(violations).toEqual([]);
    // Without the host's key, nothing.
    const refused = await context.newPage();
    const answer = await refused.goto(`${stage.h.url}/results/?c=${stage.h.contestId}&key=wrong`);
    expect(answer?.status()).toBe(401);
    await context.close();
  });
});

/** A big tier: sixteen seats with long names reaching one threshold (优秀奖), and one seat above. */
const CITIES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '益阳', '郴州', '永州', '怀化', '娄底', '浏阳', '韶山', '醴陵', '耒阳', '张家界'];
const BIG: ContestDefinition = {
  ...contest,
  seats: CITIES.map((city, i) => ({ id: `s${i + 1}`, name: `${city}市直机关工委党支部代表队`, kind: 'team', phones: 3 })),
  judges: [],
  awards: { by: 'threshold', boundaryTie: 'higher', tiers: [{ name: '特等奖', minTotal: 95 }, { name: '优秀奖', minTotal: 60 }] },
};

describe.skipIf(!hasChromium)('a prize tier of sixteen seats in a browser', () => {
  let stage: BrowserStage;
  let client: TestClient;

  beforeAll(async () => {
    stage = await startStage({ definition: BIG });
    client = await stage.h.host();
    for (let s = 0; s < 3; s++) {
      expect(await client.request('host:command', { type: 'question:next' })).toHaveProperty('data');
      for (let i = 0; i < CITIES.length; i++) {
        const delta = i === 0 ? 99 : 90 - i;
        expect(await client.request('host:command', { type: 'score:adjust', seatId: `s${i + 1}`, delta, reason: '成绩' })).toHaveProperty('data');
      }
    }
    for (const step of [null, -1, 0]) expect(await client.request('host:command', step === null ? { type: 'question:next' } : { type: 'awards:step', step: step + 1 })).toHaveProperty('data');
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[AW5] sixteen long names take two columns, readable, at 16:9 and 4:3; and on the podium', { timeout: 60_000 }, async () => {
    for (const size of SIZES) {
      const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      await page.goto(`${stage.h.url}/screen/?c=${stage.h.contestId}`);
      await byTestId(page, 'award-tier', '[data-tier="优秀奖"]').waitFor();
      expect(await byTestId(page, 'award-seat').count()).toBe(16);
      await expect
        .poll(() => page.evaluate(layoutProblems, { floors: [...FLOORS, ...AWARD_FLOORS], names: NAMES, words: WORDS }), { timeout: 8000, message: size.name })
        .toEqual([]);
      await page.screenshot({ path: `${SHOTS}/awards-${size.name}-sixteen.png`, animations: 'disabled' });
      await context.close();
    }
    // The podium: 特等奖 in the centre, the sixteen on the left.
    for (const step of [2, 3]) expect(await client.request('host:command', { type: 'awards:step', step })).toHaveProperty('data');
    for (const size of SIZES) {
      const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      await page.goto(`${stage.h.url}/screen/?c=${stage.h.contestId}`);
      await byTestId(page, 'award-podium').waitFor();
      expect(await byTestId(page, 'podium-name').count()).toBe(17);
      await expect
        .poll(() => page.evaluate(layoutProblems, { floors: [...FLOORS, ...AWARD_FLOORS], names: NAMES, words: WORDS }), { timeout: 8000, message: `podium at ${size.name}` })
        .toEqual([]);
      await page.screenshot({ path: `${SHOTS}/awards-${size.name}-sixteen-podium.png`, animations: 'disabled' });
      await context.close();
    }
    expect(stage.pageErrors).toEqual([]);
  });
});
