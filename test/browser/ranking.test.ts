// The ranking's breakdown on the big screen and the host console (R1-R7): a three-stage final of
// ten seats with long names, the knowledge stage normalised to 100, weights 15% / 15% / 70%, and
// tie-breaks. The screen shows each stage's weighted score with how it came about, the total with
// two decimals, 并列 for a tie that survives, and the tie-break that decided a place, without a
// layout problem at 16:9 and 4:3; the console's 排名明细 shows the same figures and the tie records.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestDefinition, Seat } from '../../shared/contest/types.js';
import { buzzRound } from '../support/definitions.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, hasChromium, requireBrowser, shot, SHOTS, startStage, zh, type BrowserStage } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';

requireBrowser('the ranking breakdown');

const NAMES_OF_SEATS = [
  '中共衡阳市委组织部机关党支部代表队',
  '衡阳市教育局代表队',
  '雁峰区委宣传部代表队',
  '石鼓区代表队',
  '蒸湘区退役军人事务局党支部代表队',
  '珠晖区代表队',
  '南岳区文旅广体局代表队',
  '衡南县代表队',
  '衡阳县代表队',
  '耒阳市代表队',
];
const SEATS: Seat[] = NAMES_OF_SEATS.map((name, i) => ({ id: `s${i + 1}`, name, kind: 'team', phones: 2 }));

const final: ContestDefinition = {
  title: '衡阳市“学党史、悟思想”党史知识竞赛总决赛',
  seed: 'ranking',
  seats: SEATS,
  stages: [
    // Three buzz-in questions of 40: out of 120, normalised to 100.
    { id: 'stage-1', name: '比知识', weight: 0.15, normalise: 'max', rounds: [buzzRound(3, { rightPoints: 40 })] },
    { id: 'stage-2', name: '悟思想', weight: 0.15, rounds: [buzzRound(1, {}, 3)] },
    { id: 'stage-3', name: '述行动', weight: 0.7, rounds: [buzzRound(1, {}, 4)] },
  ],
  ranking: { decimals: 2, tieBreaks: [{ by: 'stage', stageId: 'stage-3' }, { by: 'buzz-right' }, { by: 'wrong-buzzes' }, { by: 'false-starts' }] },
};

// Raw points per seat and stage. 比知识 normalised: 108 -> 90, 96 -> 80, 120 -> 100, 84 -> 70,
// 72 -> 60, 90 -> 75, 60 -> 50. Totals: s3 91.40, s1 91.10, s2 90.60, s7 = s6 = 87.60 (s7 ahead
// on 述行动, 65.10 to 63.00), s4 86.40, s5 86.20, s8 = s9 = 80.50 (level on every tie-break), s10 74.00.
const RAW: Record<string, [number, number, number]> = {
  s1: [108, 88, 92],
  s2: [96, 90, 93],
  s3: [120, 80, 92],
  s4: [84, 86, 90],
  s5: [72, 90, 91],
  s6: [96, 84, 90],
  s7: [90, 75, 93],
  s8: [72, 80, 85],
  s9: [72, 80, 85],
  s10: [60, 70, 80],
};
const ORDER = ['s3', 's1', 's2', 's7', 's6', 's4', 's5', 's8', 's9', 's10'];
const PLACES = ['第 1 名', '第 2 名', '第 3 名', '第 4 名', '第 5 名', '第 6 名', '第 7 名', '并列第 8 名', '并列第 8 名', '第 10 名'];
const TOTALS = ['91.40', '91.10', '90.60', '87.60', '87.60', '86.40', '86.20', '80.50', '80.50', '74.00'];

describe.skipIf(!hasChromium)('the ranking breakdown', () => {
  let stage: BrowserStage;
  let host: TestClient;
  const screens: { name: string; page: Page }[] = [];

  beforeAll(async () => {
    stage = await startStage({ definition: final });
    host = await stage.h.host();
    for (const size of [
      { name: '1920x1080', width: 1920, height: 1080 },
      { name: '1024x768', width: 1024, height: 768 },
    ]) {
      const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => stage.pageErrors.push(`${size.name}: ${error.message}`));
      await page.goto(`${stage.h.url}/screen/?c=${stage.h.contestId}`);
      screens.push({ name: size.name, page });
    }
  });

  afterAll(async () => {
    await stage?.close();
  });

  async function command(command: HostCommand): Promise<void> {
    const ack = await host.request('host:command', command);
    if ('error' in ack) expect.fail(`${command.type} refused: ${ack.error}`);
  }

  /** Each seat's raw points in stage `index`, given by hand on the stage's title card. */
  async function score(index: number): Promise<void> {
    for (const [seatId, points] of Object.entries(RAW)) await command({ type: 'score:adjust', seatId, delta: points[index], reason: '录入成绩' });
  }

  /** Waits for `selector` on every screen (or `selectors` per screen), then for a layout with no problem. */
  async function check(state: string, selector: string, selectors: string[] = screens.map(() => selector)): Promise<void> {
    await Promise.all(
      screens.map(async ({ name, page }, i) => {
        await page.locator(selectors[i]).first().waitFor();
        await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { timeout: 8000, message: `${state} at ${name}` }).toEqual([]);
        await shot(page, `ranking-${name}-${state}.png`);
      }),
    );
  }

  it('[R1][R2][R3][R5][R7] the screen and the console show the breakdown, shared places and what decided a place', { timeout: 90_000 }, async () => {
    await command({ type: 'question:next' });
    await score(0);
    for (let i = 0; i < 4; i++) await command({ type: 'question:next' });
    await score(1);
    await command({ type: 'question:next' });
    await command({ type: 'question:next' });
    await score(2);

    // The leaderboard between questions (L1) carries the breakdown too.
    await command({ type: 'standings:show', show: true });
    await check('leaderboard', '[data-testid="leaderboard"]');
    // Beside a question, seventeen-character names with the breakdown do not fit at their floor:
    // the board steps aside, as any board too big does (the leaderboard shows it between questions).
    await command({ type: 'question:next' });
    await check('no-scoreboard', '[data-testid="question"]');
    await command({ type: 'question:next' });
    await check('final', '[data-testid="final-ranking"]');
    for (const { page } of screens) {
      const rows = byTestId(page, 'final-row');
      expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-seat')))).toEqual(ORDER);
      expect(await byTestId(page, 'final-rank').allTextContents()).toEqual(PLACES);
      expect(await byTestId(page, 'final-score').allTextContents()).toEqual(TOTALS);
      // 1号席's breakdown: 比知识 108 of 120 -> 90.00 -> 13.50; 悟思想 88 -> 13.20; 述行动 92 -> 64.40.
      const s1 = page.locator('[data-testid="final-row"][data-seat="s1"] [data-testid="stage-score"]');
      expect(await s1.evaluateAll((els) => els.map((el) => [...el.querySelectorAll('b, .detail')].map((e) => e.textContent)))).toEqual([
        ['13.50', '108 → 90.00'],
        ['13.20', '88'],
        ['64.40', '92'],
      ]);
      // The tie-break that placed 4th and 5th, and none for the tie that survives.
      for (const seatId of ['s7', 's6']) {
        await expect.poll(() => page.locator(`[data-testid="final-row"][data-seat="${seatId}"] [data-testid="decided-by"]`).textContent()).toBe(zh('ranking.rule.stage', { stage: '述行动' }));
      }
      expect(await page.locator('[data-testid="final-row"][data-seat="s8"] [data-testid="decided-by"]').count()).toBe(0);
    }

    // The console's 排名明细: the same figures, and the tie records with each step's values.
    const console = await stage.host();
    const table = byTestId(console, 'standings-table');
    await expect.poll(() => table.locator('[data-testid="standings-total"]').allTextContents()).toEqual(TOTALS);
    const records = table.locator('[data-testid="tie-record"]');
    expect(await records.count()).toBe(2);
    expect(await records.nth(0).textContent()).toContain(zh('ranking.host.settled'));
    expect(await records.nth(1).textContent()).toContain(zh('ranking.host.stillTied', { names: `${NAMES_OF_SEATS[7]}、${NAMES_OF_SEATS[8]}` }));
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: `${SHOTS}/ranking-host-standings.png`, animations: 'disabled' });
    expect(stage.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the scoreboard beside a question', () => {
  let stage: BrowserStage;
  afterAll(async () => {
    await stage?.close();
  });

  it('[R1][R2][R3] each stage\'s weighted score with raw → normalised, and the total with the contest\'s decimals', { timeout: 60_000 }, async () => {
    const seats: Seat[] = ['雁峰区代表队', '石鼓区代表队', '珠晖区代表队', '蒸湘区代表队', '南岳区代表队', '衡南县代表队'].map((name, i) => ({ id: `s${i + 1}`, name, kind: 'individual', phones: 1 }));
    const definition: ContestDefinition = { ...final, seats, ranking: { decimals: 1, tieBreaks: [] } };
    stage = await startStage({ definition });
    const host = await stage.h.host();
    const command = async (c: HostCommand) => expect(await host.request('host:command', c)).not.toHaveProperty('error');
    await command({ type: 'question:next' });
    for (const [i, points] of [100, 90, 80, 70, 60, 50].entries()) await command({ type: 'score:adjust', seatId: `s${i + 1}`, delta: points, reason: '录入成绩' });
    await command({ type: 'question:next' });
    const pages = [await stage.screen(), await stage.open('screen', `/screen/?c=${stage.h.contestId}`)];
    await pages[1].setViewportSize({ width: 1024, height: 768 });
    for (const [n, page] of pages.entries()) {
      const board = byTestId(page, 'scoreboard');
      await board.waitFor();
      await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS })).toEqual([]);
      // 100 of 120 -> 83.3 -> × 15% = 12.5; the stages to come are left out.
      const first = page.locator('[data-testid="score-row"][data-seat="s1"]');
      expect(await first.locator('[data-testid="stage-score"]').evaluateAll((els) => els.map((el) => el.textContent))).toEqual(['12.5100 → 83.3']);
      expect(await first.locator('[data-testid="score"]').textContent()).toBe('12.5');
      await shot(page, `ranking-scoreboard-${n === 0 ? '1920x1080' : '1024x768'}.png`);
    }
    expect(stage.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the ranking in 竞赛设置', () => {
  let stage: BrowserStage;
  afterAll(async () => {
    await stage?.close();
  });

  it('[R8] a file\'s normalisation and tie-breaks show in the form; one added by hand is saved and reaches the contest', { timeout: 60_000 }, async () => {
    stage = await startStage();
    const file = {
      format: 'qiangda-contest',
      version: 1,
      title: '决赛',
      seats: [{ name: '甲队' }, { name: '乙队' }],
      stages: [
        { name: '比知识', weight: 0.3, normalise: 'max', rounds: [{ kind: 'buzz-in', questions: 2 }] },
        { name: '述行动', weight: 0.7, rounds: [{ kind: 'judged' }] },
      ],
      ranking: { decimals: 1, tieBreaks: [{ by: 'buzz-right' }] },
    };
    expect(await (await stage.h.host()).request('contest:define', { file })).toEqual({ data: null });
    const host = await stage.host();
    await byTestId(host, 'editor', '[data-status="ready"]').waitFor();
    expect(await byTestId(host, 'editor-stage-normalise').evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value))).toEqual(['max', 'none']);
    expect(await byTestId(host, 'editor-ranking-decimals').inputValue()).toBe('1');
    // Added first in the list: 述行动 first, then right buzz-in answers.
    await byTestId(host, 'editor-add-tie-break').click();
    await byTestId(host, 'editor-tie-break').nth(1).getByRole('button', { name: zh('editor.moveUp') }).click();
    expect(await byTestId(host, 'editor-tie-break-stage').inputValue()).toBe('述行动');
    await byTestId(host, 'editor-ranking').screenshot({ path: `${SHOTS}/ranking-editor.png`, animations: 'disabled' });
    await byTestId(host, 'editor-save').click();
    await byTestId(host, 'banner').filter({ hasText: zh('editor.saved') }).waitFor();
    await expect.poll(() => stage.h.room.state.definition.ranking).toEqual({ decimals: 1, tieBreaks: [{ by: 'stage', stageId: 'stage-2' }, { by: 'buzz-right' }] });
    expect(stage.h.room.state.definition.stages.map((s) => s.normalise ?? 'none')).toEqual(['max', 'none']);
    expect(stage.pageErrors).toEqual([]);
  });
});
