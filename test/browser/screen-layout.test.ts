// The big screen never cuts off a moment: a contest with the longest realistic content (a
// 40-character title, 16 seats with 14-character names, a 120-character question, 8 options, a
// 200-character explanation) is driven through every screen state while three projectors watch
// (1920x1080, 1280x720, 1024x768). In each state, on each, no text may leave the viewport or be
// clipped by its box, no ellipsis may elide, no font may fall below its floor, and no name may
// leave one character alone on a line. Time moves only when the test moves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS, DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_BUZZ_WINDOW_MS } from '../../shared/contest/defaults.js';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { Question } from '../../shared/contest/question.js';
import type { ContestDefinition, Seat } from '../../shared/contest/types.js';
import { allAtOnceRound, buzzRound, inTurnRound } from '../support/definitions.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, hasChromium, requireBrowser, SHOTS, startStage, zh, type BrowserStage } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';

requireBrowser('the screen layout with extreme content');

const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080, shots: true },
  { name: '1280x720', width: 1280, height: 720, shots: false },
  { name: '1024x768', width: 1024, height: 768, shots: true },
] as const;

const TITLE = '庆祝中国共产党成立105周年暨“学党史、悟思想”党史知识竞赛总决赛（市直机关片区）';
const CITIES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '益阳', '郴州', '永州', '怀化', '娄底', '浏阳', '韶山', '醴陵', '耒阳'];
const SEATS: Seat[] = CITIES.map((city, i) => ({ id: `s${i + 1}`, name: `${city}市直机关工委党支部代表队`, kind: 'team', phones: 3 }));
const STEM =
  '1927年3月，毛泽东同志发表了一篇重要文章，以大量事实驳斥了党内外责难农民运动的谬论，充分估计了农民在中国革命中的伟大作用，提出了解决中国民主革命中心问题——农民问题的理论和政策，请问这篇文章的题目是下列哪一项？请从下面八个选项中选出正确的一项。';
const OPTIONS = [
  '《湖南农民运动考察报告》',
  '《中国社会各阶级的分析》',
  '《星星之火，可以燎原》',
  '《井冈山的斗争》',
  '《反对本本主义》',
  '《论持久战》',
  '《新民主主义论》',
  '《中国的红色政权为什么能够存在？》',
];
const EXPLANATION =
  '《湖南农民运动考察报告》是毛泽东同志于1927年3月发表的重要著作。1927年1月至2月，毛泽东同志用32天时间考察了湘潭、湘乡、衡山、醴陵、长沙五县的农民运动，写成此文。文章以大量事实驳斥了党内外责难农民运动的谬论，充分估计了农民在中国革命中的伟大作用，提出了解决中国民主革命的中心问题——农民问题的理论和政策，是马克思主义中国化的重要成果之一。';
const OPEN_ANSWER = '《湖南农民运动考察报告》，发表于1927年3月，是毛泽东同志考察湖南五县农民运动后写成的';

const choiceQuestion = (id: string, answer: number[]): Question => ({
  id,
  type: answer.length > 1 ? 'multiple' : 'single',
  category: 'revolution',
  difficulty: 3,
  stem: STEM,
  options: OPTIONS,
  answer,
  explanation: EXPLANATION,
});
const openQuestion = (id: string): Question => ({ id, type: 'open', category: 'revolution', difficulty: 3, stem: STEM, answer: OPEN_ANSWER, explanation: EXPLANATION });

const contest: ContestDefinition = {
  title: TITLE,
  seed: 'layout',
  seats: SEATS,
  stages: [
    {
      id: 'knowledge',
      name: '比知识',
      weight: 0.5,
      rounds: [
        { ...inTurnRound(['s1', 's2']), name: '轮流必答', questions: [choiceQuestion('t1', [0]), openQuestion('t2')] },
        { ...allAtOnceRound([choiceQuestion('a1', [0, 2])]), partialCredit: true },
      ],
    },
    {
      id: 'buzz',
      name: '抢答赛',
      weight: 1,
      rounds: [
        {
          // P5: a true tie re-buzzes the tied seats, so the screen shows both the tie and who may press.
          ...buzzRound(3, { falseStart: { kind: 'deduct', points: 5 }, fairness: { ...DEFAULT_FAIRNESS, tieRule: 'rebuzz' } }),
          name: '抢答题',
          questions: [choiceQuestion('b1', [0]), choiceQuestion('b2', [1]), openQuestion('b3')],
        },
      ],
    },
  ],
};

/** Runs in the page, for a failure's message: the stage's ladder step and its column's contents. */
function stageReport(): string {
  const column = document.querySelector<HTMLElement>('[data-testid="question"]');
  const level = document.querySelector<HTMLElement>('[data-testid="stage-layout"]')?.dataset.level;
  if (!column) return 'no question on screen';
  const parts = [...column.children].map((c) => `${c.className.split(' ')[0]} ${(c as HTMLElement).offsetHeight}px`);
  return `level ${level}, ${column.scrollHeight}px in ${column.clientHeight}px: ${parts.join(', ')}`;
}

describe.skipIf(!hasChromium)('the screen layout with extreme content', () => {
  let stage: BrowserStage;
  let host: TestClient;
  let phones: Record<string, TestClient>;
  const screens: { size: (typeof SIZES)[number]; page: Page }[] = [];

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
    host = await stage.h.host();
    phones = {};
    for (const seat of SEATS) phones[seat.id] = await stage.h.contestant(seat.id);
    for (const size of SIZES) {
      const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => stage.pageErrors.push(`${size.name}: ${error.message}`));
      await page.goto(`${stage.h.url}/screen/?c=${stage.h.contestId}`);
      screens.push({ size, page });
    }
  });

  afterAll(async () => {
    await stage?.close();
  });

  async function command(command: HostCommand): Promise<void> {
    const ack = await host.request('host:command', command);
    if ('error' in ack) expect.fail(`${command.type} refused: ${ack.error}`);
  }

  /** Waits until every screen shows the state, then until its layout has settled with no problem. */
  async function check(state: string, selector: string): Promise<void> {
    await Promise.all(
      screens.map(async ({ size, page }) => {
        await page.locator(selector).first().waitFor();
        const path = `${SHOTS}/layout-${size.name}-${state}.png`;
        try {
          await expect
            .poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { timeout: 8000, message: `${state} at ${size.name}` })
            .toEqual([]);
        } catch (error) {
          // Which step of the ladder the stage stopped on, and what filled its column.
          console.log(`${state} at ${size.name}:`, await page.evaluate(stageReport));
          await page.screenshot({ path, animations: 'disabled' });
          throw error;
        }
        if (size.shots) await page.screenshot({ path, animations: 'disabled' });
      }),
    );
  }

  it('every screen state fits 16:9 and 4:3 with the longest content', { timeout: 120_000 }, async () => {
    const { h } = stage;
    await check('lobby', '[data-testid="lobby"]');

    // The controls are hidden from the hall until someone moves the mouse.
    for (const { page } of screens) {
      expect(await byTestId(page, 'screen-controls').isVisible()).toBe(false);
      expect(await byTestId(page, 'language-switch').isVisible()).toBe(false);
      expect(await byTestId(page, 'sound-toggle').isVisible()).toBe(false);
    }
    await screens[0].page.mouse.move(200, 200);
    await byTestId(screens[0].page, 'screen-controls', '[data-shown="true"]').waitFor();
    await byTestId(screens[0].page, 'fullscreen-toggle').waitFor({ state: 'visible' });
    await screens[0].page.screenshot({ path: `${SHOTS}/layout-1920x1080-controls.png`, animations: 'disabled' });
    await byTestId(screens[0].page, 'screen-controls', '[data-shown="false"]').waitFor({ state: 'attached' });

    // The volume is remembered by the screen's browser.
    const first = screens[0].page;
    await first.mouse.move(300, 300);
    await byTestId(first, 'volume').fill('0.35');
    await first.reload();
    await byTestId(first, 'lobby').waitFor();
    expect(await byTestId(first, 'volume').inputValue()).toBe('0.35');

    // The join address breaks, if at all, only before its query: each part stays on one line.
    for (const { page } of screens) {
      const lines = await byTestId(page, 'join-url').locator('span').evaluateAll((parts) => parts.map((p) => p.getClientRects().length));
      expect(lines.every((n) => n === 1)).toBe(true);
    }

    // Leaderboard from the lobby (L1).
    await command({ type: 'standings:show', show: true });
    await check('leaderboard-lobby', '[data-testid="leaderboard"]');
    await command({ type: 'standings:show', show: false });

    // In turn: title card, reading, answering with its countdown, ruled.
    await command({ type: 'question:next' });
    await check('in-turn-title', '[data-testid="title-card"]');
    await command({ type: 'question:next' });
    await check('in-turn-reading', '[data-testid="question"][data-kind="in-turn"][data-phase="reading"]');
    await command({ type: 'turn:start' });
    await check('in-turn-answering', '[data-testid="question"][data-phase="answering"] >> [data-testid="countdown"]');
    await command({ type: 'answer:rule', verdict: 'right' });
    await check('in-turn-revealed', '[data-testid="question"][data-kind="in-turn"][data-phase="revealed"]');
    await command({ type: 'question:next' });
    await command({ type: 'answer:rule', verdict: 'wrong' });
    await check('in-turn-revealed-open', '[data-testid="question"][data-kind="in-turn"][data-phase="revealed"] >> [data-testid="turn-delta"]');

    // A score adjusted by hand, with a long reason, shows on the scoreboard.
    await command({ type: 'score:adjust', seatId: 's3', delta: 5, reason: '评委复核第一题，认定该队补充回答完整准确，按规则加分' });
    await check('adjusted', '[data-testid="notice"][data-kind="score-adjusted"][data-seat="s3"]');

    // All at once: title card, reading, answering (some answered), revealed with the spread and grades.
    await command({ type: 'question:next' });
    await check('all-at-once-title', '[data-testid="title-card"][data-kind="all-at-once"]');
    await command({ type: 'question:next' });
    await check('all-at-once-reading', '[data-testid="question"][data-kind="all-at-once"][data-phase="reading"]');
    await command({ type: 'answers:open' });
    for (const [i, seat] of SEATS.slice(0, 11).entries()) {
      const ack = await phones[seat.id].request('answer:submit', { choice: i % 3 === 0 ? [0, 2] : i % 3 === 1 ? [0] : [i % 8] });
      expect('data' in ack).toBe(true);
    }
    await check('all-at-once-answering', '[data-testid="answered-count"]:has-text("11")');
    await command({ type: 'answer:reveal' });
    await check('all-at-once-revealed', '[data-testid="tally"]');

    // Leaderboard between rounds (L1), from the host console: L puts it up and takes it down,
    // the button says which it will do.
    const hostPage = await stage.host();
    await byTestId(hostPage, 'control-standings').filter({ hasText: zh('host.control.standings') }).waitFor();
    await hostPage.keyboard.press('l');
    await check('leaderboard', '[data-testid="leaderboard"]');
    await byTestId(hostPage, 'control-standings').filter({ hasText: zh('host.control.standingsHide') }).waitFor();
    await hostPage.keyboard.press('l');
    await screens[0].page.locator('[data-testid="question"][data-kind="all-at-once"]').waitFor();
    await hostPage.keyboard.press('l');
    await screens[0].page.locator('[data-testid="leaderboard"]').waitFor();

    // Buzz-in: title card, reading with a false start, open, deciding, answering, wrong, revealed.
    await command({ type: 'question:next' });
    await check('buzz-title', '[data-testid="title-card"][data-kind="buzz-in"]');
    await command({ type: 'question:next' });
    await check('buzz-reading', '[data-testid="question"][data-kind="buzz-in"][data-phase="reading"]');
    await phones.s16.request('buzz:press', {});
    await check('buzz-false-start', '[data-testid="notice"][data-kind="false-start"][data-seat="s16"]');
    expect(await byTestId(screens[0].page, 'notice-detail').textContent()).toBe('扣 5 分，本题不得再抢答');
    await command({ type: 'buzzers:open' });
    await check('buzz-open', '[data-testid="question"][data-phase="open"] >> [data-testid="countdown"]');
    await phones.s7.request('buzz:press', {});
    // P9: the screen does not learn that someone pressed before the decision: it stays open.
    await check('buzz-pressed', '[data-testid="question"][data-phase="open"] >> [data-testid="countdown"]');
    expect(await byTestId(screens[0].page, 'phase-label').textContent()).toBe(zh('phase.open'));
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await check('buzz-answering', '[data-testid="question"][data-phase="answering"] >> [data-testid="winner"]');
    await command({ type: 'show:pause' });
    await check('buzz-paused', '[data-testid="screen-paused"]');
    await command({ type: 'show:resume' });
    await command({ type: 'answer:rule', verdict: 'wrong' });
    await check('buzz-wrong', '[data-testid="question"][data-phase="wrong"]');
    await command({ type: 'buzzers:reopen' });
    await phones.s8.request('buzz:press', {});
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await screens[0].page.locator('[data-testid="question"][data-phase="answering"]').waitFor();
    await command({ type: 'answer:rule', verdict: 'right' });
    await check('buzz-revealed', '[data-testid="question"][data-kind="buzz-in"][data-phase="revealed"] >> [data-testid="explanation"]');

    // P5: two seats press with the same stamp: a true tie, the tied names in large type and a
    // re-buzz to come; then the re-buzz, open only to them.
    await command({ type: 'question:next' });
    await command({ type: 'buzzers:open' });
    await screens[0].page.locator('[data-testid="question"][data-phase="open"]').waitFor();
    const stamp = h.clock.now() - 5;
    await phones.s9.request('buzz:press', { pressedAt: stamp });
    await phones.s10.request('buzz:press', { pressedAt: stamp });
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await check('buzz-tied', '[data-testid="question"][data-phase="tied"] >> [data-testid="tied-names"]');
    for (const { page } of screens) {
      expect(await byTestId(page, 'tied-names').textContent()).toBe(`${SEATS[8].name}、${SEATS[9].name}`);
      expect(await byTestId(page, 'tie-next').textContent()).toBe(zh('screen.tied.rebuzz'));
    }
    await command({ type: 'buzzers:open' });
    await check('buzz-rebuzz', '[data-testid="question"][data-phase="open"] >> [data-testid="rebuzz-who"]');
    expect(await byTestId(screens[0].page, 'rebuzz-who').textContent()).toBe(zh('screen.rebuzzWho', { names: `${SEATS[8].name}、${SEATS[9].name}` }));
    await phones.s10.request('buzz:press', {});
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await check('buzz-rebuzz-won', '[data-testid="question"][data-phase="answering"] >> [data-testid="winner"]');
    await command({ type: 'answer:rule', verdict: 'right' });

    // An open buzz-in question nobody buzzes: dead when the window ends.
    await command({ type: 'question:next' });
    await command({ type: 'buzzers:open' });
    // An open-answer question leaves the scoreboard room beside it, but sixteen long names do not
    // fit there at their floor: the board steps aside rather than cut rows.
    await check('buzz-open-question-open', '[data-testid="question"][data-phase="open"] >> [data-testid="countdown"]');
    h.clock.advance(DEFAULT_BUZZ_WINDOW_MS);
    await check('buzz-dead', '[data-testid="question"][data-phase="revealed"] >> [data-testid="outcome"]');

    // The final ranking.
    await command({ type: 'question:next' });
    await check('final', '[data-testid="final-ranking"]');
    expect(stage.pageErrors).toEqual([]);
  });
});
