// A judged turn end to end in real pages (RULES.md J): five judges score a speaker on their own
// devices (a phone in portrait, a tablet on its side, three more phones), one changes its score
// before scoring closes; the host enters a sixth judge's paper score and marks the seventh as
// recused on the console, stops the speaking timer in overtime, closes scoring with C and reveals
// with E; the big screen, at 16:9 and at 4:3, shows every judge's score with the highest and the
// lowest struck through and the result worked out here by hand. Time moves only when the test
// moves it. Screenshots in test-results/screenshots/judging-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgesAccess } from '../../shared/protocol.js';
import type { ContestDefinition } from '../../shared/contest/types.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';
import { JUDGES, LONG_QUESTION, LONG_SEAT } from './judged-samples/samples.js';

requireBrowser('judges score a speaker on their own devices');

const ANY = { categories: [], difficulties: [], types: [] };
const SPEAK_MS = 180_000;

const contest: ContestDefinition = {
  title: '庆祝中国共产党成立105周年暨“学党史、悟思想”党史知识竞赛总决赛（市直机关片区）',
  seed: 'judging',
  seats: [
    { id: 's1', name: LONG_SEAT, kind: 'individual', phones: 1 },
    { id: 's2', name: '耒阳市委组织部组织一科 欧阳文静', kind: 'individual', phones: 1 },
  ],
  judges: JUDGES.map(({ id, name, title }) => ({ id, name, ...(title && { title }) })),
  stages: [
    {
      id: 'reflection',
      name: '悟思想',
      weight: 1,
      rounds: [
        {
          id: 'reflect',
          name: '悟思想',
          kind: 'judged',
          draw: ANY,
          questions: [
            { id: 'r1', type: 'open', category: 'new-era', difficulty: 3, stem: LONG_QUESTION, answer: '（开放题）', explanation: '' },
            { id: 'r2', type: 'open', category: 'new-era', difficulty: 3, stem: '请谈谈你对“江山就是人民，人民就是江山”的理解。', answer: '（开放题）', explanation: '' },
          ],
          judging: {
            prompt: 'question',
            orderBy: 'file',
            order: ['s1', 's2'],
            prepareMs: 0,
            speakMs: SPEAK_MS,
            warnAtMs: 60_000,
            overtime: { perMs: 30_000, points: 0.5 },
            scale: { min: 0, max: 100, step: 0.5 },
            criteria: [],
            aggregate: 'trimmed-mean',
            decimals: 2,
          },
        },
      ],
    },
  ],
};

/** What each judge's page types, and the devices: j5 first types 95, then changes it to 90. */
const SCORES: Record<string, string> = { j1: '88', j2: '92.5', j3: '85', j4: '79.5', j5: '95' };
const DEVICES: Record<string, { viewport: { width: number; height: number }; name: string }> = {
  j1: { viewport: { width: 390, height: 844 }, name: 'phone' },
  j2: { viewport: { width: 1024, height: 768 }, name: 'tablet' },
  j3: { viewport: { width: 360, height: 780 }, name: 'phone' },
  j4: { viewport: { width: 390, height: 844 }, name: 'phone' },
  j5: { viewport: { width: 412, height: 915 }, name: 'phone' },
};

describe.skipIf(!hasChromium)('judges score a speaker on their own devices', () => {
  let stage: BrowserStage;
  let hostClient: TestClient;
  let access: JudgesAccess;
  const judgePages: Record<string, Page> = {};

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
    hostClient = await stage.h.host();
    const ack = await hostClient.request('judges:access', {});
    if (!('data' in ack)) throw new Error('no judges:access');
    access = ack.data as JudgesAccess;
  });

  afterAll(async () => {
    await stage?.close();
  });

  /** The judge's own link, on this test server (the links name the hall's address). */
  const linkOf = (judgeId: string) => {
    const link = new URL(access.judges.find((j) => j.judgeId === judgeId)?.link ?? '');
    return `${link.pathname}${link.search}`;
  };

  async function openJudge(judgeId: string): Promise<Page> {
    const device = DEVICES[judgeId];
    const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: device.viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => stage.pageErrors.push(`${judgeId}: ${error.message}`));
    await page.goto(`${stage.h.url}${linkOf(judgeId)}`);
    await byTestId(page, 'judge-name').waitFor();
    return page;
  }

  async function type(page: Page, score: string) {
    for (const key of score) await byTestId(page, 'key', `[data-key="${key}"]`).click();
    await expect.poll(() => byTestId(page, 'score-display').textContent()).toBe(score);
  }

  async function screenAt(width: number, height: number): Promise<Page> {
    const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => stage.pageErrors.push(`screen ${width}: ${error.message}`));
    await page.goto(`${stage.h.url}/screen/?c=${stage.h.contestId}`);
    return page;
  }

  async function fits(page: Page, what: string) {
    await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { timeout: 8000, message: what }).toEqual([]);
  }

  it('[J2] [J4] [J5] [J6] [J7] five judges score, one changes, the host closes and reveals, the screen marks the dropped', { timeout: 180_000 }, async () => {
    const { h } = stage;
    const host = await stage.host();
    const wide = await screenAt(1920, 1080);
    const square = await screenAt(1024, 768);
    for (const id of Object.keys(SCORES)) judgePages[id] = await openJudge(id);

    // The judge's page says who it is, and waits for the round.
    expect(await byTestId(judgePages.j2, 'judge-name').textContent()).toContain(JUDGES[1].name);
    await byTestId(judgePages.j1, 'judge-waiting').waitFor();

    // The round's title card, then the first seat called: the host presses N twice.
    await host.keyboard.press('n');
    await host.locator('[data-testid="control-next"]:not([disabled])').waitFor();
    await host.keyboard.press('n');
    await byTestId(host, 'judging-panel', '[data-phase="called"]').waitFor();
    for (const page of [wide, square]) await page.locator('[data-testid="question"][data-kind="judged"][data-phase="called"]').waitFor();
    for (const page of Object.values(judgePages)) await byTestId(page, 'speaker', '[data-seat="s1"]').waitFor();
    expect(await byTestId(judgePages.j1, 'speaker-name').textContent()).toBe(LONG_SEAT);
    expect(await byTestId(judgePages.j1, 'speaker-topic').textContent()).toBe(LONG_QUESTION);
    // Nothing to score before the speech starts.
    expect(await byTestId(judgePages.j1, 'judge-state', '[data-look="not-yet"]').count()).toBe(1);

    // The judge links and cards on the console; a recusal before the speech (J5).
    await byTestId(host, 'judge-link').first().waitFor();
    expect(await byTestId(host, 'judge-link').count()).toBe(7);
    expect(await byTestId(host, 'judge-cards-link').getAttribute('href')).toContain('/judge-cards/');
    const j7 = byTestId(host, 'judge-row', '[data-judge="j7"]');
    await j7.locator('[data-testid="judge-exclude"]').click();
    await byTestId(host, 'judge-form', '[data-kind="exclude"]').getByRole('button', { name: zh('judging.host.reason.conflict') }).click();
    await byTestId(host, 'judge-form-save').click();
    await byTestId(host, 'judge-row', '[data-judge="j7"][data-status="excluded"]').waitFor();

    // Space starts the speaking timer (J6): counting down, gold at the warning, red past the time.
    await host.keyboard.press('Space');
    await byTestId(host, 'judging-panel', '[data-phase="speaking"]').waitFor();
    await byTestId(wide, 'speaking-timer', '[data-look="speaking"]').waitFor();

    // Judges may score while the seat still speaks. j1 types; the pad refuses what is out of range.
    await byTestId(judgePages.j1, 'score-pad').waitFor();
    await type(judgePages.j1, '87');
    // 875 and 87.3 would leave the range or the step: those keys are greyed out.
    expect(await byTestId(judgePages.j1, 'key', '[data-key="5"]').isDisabled()).toBe(true);
    await byTestId(judgePages.j1, 'key', '[data-key="."]').click();
    expect(await byTestId(judgePages.j1, 'key', '[data-key="3"]').isDisabled()).toBe(true);
    expect(await byTestId(judgePages.j1, 'key', '[data-key="5"]').isDisabled()).toBe(false);
    await byTestId(judgePages.j1, 'key', '[data-key="back"]').click();
    await byTestId(judgePages.j1, 'key', '[data-key="back"]').click();
    await byTestId(judgePages.j1, 'key', '[data-key="back"]').click();

    /** Pages learn the server's time from its updates: a judge's score is one. */
    async function send(id: string, score: string) {
      const page = judgePages[id];
      await type(page, score);
      await byTestId(page, 'submit-score').click();
      await byTestId(page, 'confirm-sheet').waitFor();
      expect(await byTestId(page, 'confirm-value').textContent()).toBe(zh('judging.points', { value: score }));
      if (id === 'j1' || id === 'j2') await shot(page, `judging-judge-${DEVICES[id].name}-confirm.png`);
      await byTestId(page, 'confirm-ok').click();
      await byTestId(page, 'judge-state', '[data-look="sent"]').waitFor();
      expect(await byTestId(page, 'my-score').textContent()).toBe(zh('judging.points', { value: score }));
      if (id === 'j1' || id === 'j2') await shot(page, `judging-judge-${DEVICES[id].name}-sent.png`);
    }

    h.clock.advance(SPEAK_MS - 50_000);
    await send('j1', SCORES.j1);
    await byTestId(wide, 'speaking-timer', '[data-look="warning"]').waitFor();
    await byTestId(judgePages.j2, 'speaking-timer', '[data-look="warning"]').waitFor();
    await fits(wide, 'warning at 1920x1080');
    await shot(wide, 'judging-screen-warning-1920x1080.png');

    h.clock.advance(95_000);
    await send('j2', SCORES.j2);
    await byTestId(wide, 'speaking-timer', '[data-look="overtime"]').waitFor();
    // 45 s over, and whatever real time the test took since (the page's own clock runs on).
    expect(await byTestId(wide, 'timer-figure').textContent()).toMatch(/^\+0:[45]\d$/);
    await byTestId(square, 'speaking-timer', '[data-look="overtime"]').waitFor();
    await fits(wide, 'overtime at 1920x1080');
    await fits(square, 'overtime at 1024x768');
    await shot(wide, 'judging-screen-overtime-1920x1080.png');
    await shot(square, 'judging-screen-overtime-1024x768.png');
    await shot(judgePages.j3, 'judging-judge-phone-overtime.png');

    // Space again stops it, 45 s over; the others score as the panel scores.
    await host.keyboard.press('Space');
    await byTestId(host, 'judging-panel', '[data-phase="scoring"]').waitFor();
    await byTestId(wide, 'timer-over').waitFor();
    for (const id of ['j3', 'j4', 'j5']) await send(id, SCORES[id]);

    // j5 changes its mind before scoring closes (J2): 修改 starts from the score sent.
    await byTestId(judgePages.j5, 'change-score').click();
    expect(await byTestId(judgePages.j5, 'score-display').textContent()).toBe('95');
    await byTestId(judgePages.j5, 'clear').click();
    await type(judgePages.j5, '90');
    await byTestId(judgePages.j5, 'submit-score').click();
    await byTestId(judgePages.j5, 'confirm-ok').click();
    await byTestId(judgePages.j5, 'my-score').filter({ hasText: zh('judging.points', { value: '90' }) }).waitFor();

    // The host sees who has scored, never what (J7); it enters j6's paper score (J5).
    await byTestId(host, 'judging-progress').filter({ hasText: zh('judging.host.progress', { n: 5, total: 6 }) }).waitFor();
    expect(await byTestId(host, 'judge-value').count()).toBe(0);
    expect(await host.locator('[data-testid="judging-panel"]').textContent()).not.toContain('92.5');
    await byTestId(host, 'judge-row', '[data-judge="j6"]').locator('[data-testid="judge-enter"]').click();
    await byTestId(host, 'judge-form-value').fill('87');
    await byTestId(host, 'judge-form-save').click();
    await byTestId(host, 'judge-row', '[data-judge="j6"][data-status="by-host"]').waitFor();
    // The screen counts who has scored (J7: ids only): all six who count, j7 recused.
    await byTestId(wide, 'question', '[data-phase="scoring"]').waitFor();
    await byTestId(wide, 'scoring-count').filter({ hasText: zh('judging.allScored') }).waitFor();
    expect(await wide.locator('[data-testid="question"]').textContent()).not.toMatch(/92\.5|回避/);
    await shot(wide, 'judging-screen-scoring-1920x1080.png');
    await shot(host, 'judging-host-scoring.png', true);
    await fits(wide, 'scoring at 1920x1080');

    // C closes scoring: the judges' pages say so and offer no change.
    await host.keyboard.press('c');
    await byTestId(host, 'judging-panel', '[data-phase="closed"]').waitFor();
    for (const page of Object.values(judgePages)) await byTestId(page, 'judge-state', '[data-look="closed"]').waitFor();
    expect(await byTestId(judgePages.j1, 'change-score').count()).toBe(0);
    await shot(judgePages.j2, 'judging-judge-tablet-closed.png');

    // E reveals. Counting: 88, 92.5, 85, 79.5, 90 and 87 (j7 recused). Dropped: 92.5 (j2) and
    // 79.5 (j4). Mean of 88, 85, 90, 87 = 350 / 4 = 87.50. Overtime 45 s: two started 30 s
    // periods at 0.5 = 1 point. Result 86.50.
    await host.keyboard.press('e');
    for (const page of [wide, square]) {
      await page.locator('[data-testid="question"][data-kind="judged"][data-phase="revealed"]').waitFor();
      expect(await byTestId(page, 'reveal-score', '[data-judge="j2"]').getAttribute('data-mark')).toBe('high');
      expect(await byTestId(page, 'reveal-score', '[data-judge="j4"]').getAttribute('data-mark')).toBe('low');
      expect(await byTestId(page, 'reveal-score', '[data-mark="counted"]').count()).toBe(4);
      expect(await byTestId(page, 'reveal-score', '[data-judge="j7"]').getAttribute('data-mark')).toBe('excluded');
      expect(await byTestId(page, 'judged-points').textContent()).toBe('86.50');
      expect(await byTestId(page, 'judged-deduction').textContent()).toBe(zh('judging.deduction', { over: '0:45', points: 1 }));
    }
    await fits(wide, 'reveal at 1920x1080');
    await fits(square, 'reveal at 1024x768');
    await shot(wide, 'judging-screen-reveal-1920x1080.png');
    await shot(square, 'judging-screen-reveal-1024x768.png');
    await byTestId(judgePages.j1, 'judge-result').filter({ hasText: '86.50' }).waitFor();
    await byTestId(host, 'judge-value', '[data-mark="high"]').waitFor();
    expect(await byTestId(host, 'judge-row', '[data-judge="j2"]').locator('[data-testid="judge-value"]').textContent()).toContain('92.5');
    await shot(host, 'judging-host-reveal.png', true);
    await byTestId(host, 'host-seat', '[data-seat="s1"]').locator('[data-testid="host-score"]').filter({ hasText: '86.5' }).waitFor();

    // A reload of a judge's page keeps its place (its link), on the next seat.
    await host.keyboard.press('n');
    await byTestId(judgePages.j3, 'speaker', '[data-seat="s2"]').waitFor();
    await judgePages.j3.reload();
    await byTestId(judgePages.j3, 'speaker', '[data-seat="s2"]').waitFor();
    expect(await byTestId(judgePages.j3, 'judge-name').textContent()).toContain(JUDGES[2].name);

    expect(stage.pageErrors).toEqual([]);
  });

  it('[J2] a judge signs in with the code from its card, and a reload keeps it signed in', { timeout: 60_000 }, async () => {
    const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${stage.h.url}/judge/?c=${stage.h.contestId}`);
    await byTestId(page, 'judge-sign-in').waitFor();
    await byTestId(page, 'judge-code').fill('1111111111');
    await byTestId(page, 'judge-code-submit').click();
    await byTestId(page, 'judge-sign-in-error').waitFor();
    const j6 = access.judges.find((j) => j.judgeId === 'j6');
    await byTestId(page, 'judge-code').fill(j6?.code ?? '');
    await byTestId(page, 'judge-code-submit').click();
    await byTestId(page, 'judge-name').filter({ hasText: JUDGES[5].name }).waitFor();
    await page.reload();
    await byTestId(page, 'judge-name').filter({ hasText: JUDGES[5].name }).waitFor();
    await shot(page, 'judging-judge-signed-in-by-code.png');
    await context.close();
  });
});
