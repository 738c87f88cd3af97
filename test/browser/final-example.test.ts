// The example final (server/contests/final-example.json) on the big screen, as the hall sees it:
// its long title, ten long branch names, a risk turn with its stake, the judged stages with their
// topics, the final ranking and the award ceremony, on a 16:9 and a 4:3 projector. In each moment no text is cut, elided
// or too small. The show is driven over the host's socket (judges' scores typed in as paper
// scores) to get there fast; the end-to-end figures are test/server/final-example.test.ts's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { JudgedRound } from '../../shared/contest/types.js';
import type { ContestView } from '../../shared/contest/views.js';
import { actionParts, finalExample } from '../support/final-example.js';
import type { TestClient } from '../support/harness.js';
import { judgedOf } from '../support/question-of.js';
import { hasChromium, requireBrowser, SHOTS, startStage, type BrowserStage } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';

requireBrowser('the example final on the big screen');

const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1024x768', width: 1024, height: 768 },
] as const;

describe.skipIf(!hasChromium)('the example final on the big screen', () => {
  let stage: BrowserStage;
  let host: TestClient;
  const screens: { size: (typeof SIZES)[number]; page: Page }[] = [];

  beforeAll(async () => {
    stage = await startStage({ file: finalExample() });
    host = await stage.h.host();
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

  async function command(command: HostCommand | ({ type: string } & Record<string, unknown>)): Promise<void> {
    const ack = await host.request('host:command', command as HostCommand);
    if ('error' in ack) expect.fail(`${command.type} refused: ${ack.error}`);
  }

  /** `N` until the host's view passes `test`. */
  async function nextUntil(test: (v: ContestView) => boolean): Promise<void> {
    for (let n = 0; n < 3 && !test(host.view as ContestView); n++) await command({ type: 'question:next' });
    await host.until(test);
  }

  /** Waits until every screen shows `selector`, then until its layout has settled with no problem. */
  async function check(state: string, selector: string): Promise<void> {
    await Promise.all(
      screens.map(async ({ size, page }) => {
        await page.locator(selector).first().waitFor();
        const path = `${SHOTS}/final-example-${size.name}-${state}.png`;
        try {
          await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { timeout: 8000, message: `${state} at ${size.name}` }).toEqual([]);
        } finally {
          await page.screenshot({ path, animations: 'disabled' });
        }
      }),
    );
  }

  /** A judged turn from call to reveal, the panel's seven scores typed in by the host. */
  async function judgedTurn({ judging }: JudgedRound, seatId: string, value: number, overMs = 0, look?: string): Promise<void> {
    const parts = judging.criteria.length > 0;
    await nextUntil((v) => judgedOf(v)?.seatId === seatId && judgedOf(v)?.phase === 'called');
    await command({ type: 'speech:start' });
    stage.h.clock.advance(judging.prepareMs);
    await host.until((v) => judgedOf(v)?.phase === 'speaking');
    if (look) await check(`${look}-speaking`, '[data-testid="question"][data-kind="judged"][data-phase="speaking"]');
    stage.h.clock.advance(judging.speakMs + (overMs || -20_000));
    await command({ type: 'speech:stop' });
    for (let j = 1; j <= 7; j++) {
      const score = value + (j % 3) - 1;
      await command({ type: 'judge:enter', judgeId: `j${j}`, seatId, value: score, ...(parts && { parts: actionParts(score) }) });
    }
    await command({ type: 'judging:close' });
    await command({ type: 'answer:reveal' });
    if (look) await check(`${look}-revealed`, '[data-testid="question"][data-kind="judged"][data-phase="revealed"] >> [data-testid="judged-points"]');
  }

  it('lobby, questions, a risk turn, a buzz, both judged stages, the final ranking and the award ceremony fit 16:9 and 4:3 with the final’s own names', { timeout: 120_000 }, async () => {
    const { h } = stage;
    const seats = h.room.state.definition.seats.map((s) => s.id);
    await check('lobby', '[data-testid="lobby"]');

    // 比知识: the in-turn round, each turn skipped but the first, read and ruled.
    await command({ type: 'question:next' });
    await check('in-turn-title', '[data-testid="title-card"]');
    await command({ type: 'question:next' });
    await command({ type: 'turn:start' });
    await check('in-turn-answering', '[data-testid="question"][data-kind="in-turn"][data-phase="answering"]');
    await command({ type: 'answer:rule', verdict: 'right' });
    for (let i = 1; i < seats.length; i++) {
      await command({ type: 'question:next' });
      await command({ type: 'turn:skip' });
    }
    // 风险题: the seat picks its stake on its phone, the question is read with the stake on screen.
    await nextUntil((v) => v.question?.kind === 'risk');
    await check('risk-choosing', '[data-testid="risk-choices"]');
    const picker = await h.contestant(seats[0]);
    await picker.request('stake:choose', { stake: 30 });
    await check('risk-reading', '[data-testid="risk-stake-value"]');
    await command({ type: 'turn:start' });
    await command({ type: 'answer:rule', verdict: 'right' });
    await check('risk-revealed', '[data-testid="question"][data-phase="revealed"] >> [data-testid="risk-stake-value"]');
    for (let i = 1; i < seats.length; i++) {
      await command({ type: 'question:next' });
      await command({ type: 'turn:skip' });
    }
    // The buzz-in round: one buzz won by a long name, the rest ended.
    await nextUntil((v) => v.question?.kind === 'buzz-in');
    await command({ type: 'buzzers:open' });
    const phone = await h.contestant(seats[7]);
    await phone.request('buzz:press', {});
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await check('buzz-answering', '[data-testid="question"][data-kind="buzz-in"][data-phase="answering"] >> [data-testid="winner"]');
    await command({ type: 'answer:rule', verdict: 'right' });
    while (!judgedOf(host.view)) {
      await command({ type: 'question:next' });
      if (host.view?.question?.kind === 'buzz-in' && host.view.question.phase === 'reading') await command({ type: 'answer:reveal' });
    }

    // 悟思想 and 述行动: every seat called; the first of each and one overtime speech looked at.
    const order = (name: string) => h.room.state.definition.stages.flatMap((s) => s.rounds).find((r) => r.name === name);
    const reflection = order('悟思想');
    const action = order('述行动');
    if (reflection?.kind !== 'judged' || action?.kind !== 'judged') throw new Error('no judged rounds');
    for (const [i, seatId] of reflection.judging.order.entries()) await judgedTurn(reflection, seatId, 84 + (i % 4), 0, i === 0 ? 'reflection' : undefined);
    for (const [i, seatId] of action.judging.order.entries()) await judgedTurn(action, seatId, 80 + (i % 6) * 2, i === 1 ? 40_000 : 0, i === 0 ? 'action' : i === 1 ? 'action-overtime' : undefined);

    await nextUntil((v) => v.stage === 'finished');
    await check('final', '[data-testid="final-ranking"]');
    // The award ceremony, stepped by the host: its title card, each prize from the lowest, the podium.
    const tiers = h.room.state.definition.awards?.tiers ?? [];
    expect(tiers.map((t) => t.name)).toEqual(['一等奖', '二等奖', '三等奖']);
    await command({ type: 'awards:step', step: 0 });
    await check('award-title', '[data-testid="award-title"]');
    for (let step = 1; step <= tiers.length; step++) {
      await command({ type: 'awards:step', step });
      await check(`award-${step}`, `[data-testid="award-tier"][data-tier="${tiers[tiers.length - step].name}"]`);
    }
    await command({ type: 'awards:step', step: tiers.length + 1 });
    await check('award-podium', '[data-testid="award-podium"]');
    expect(stage.pageErrors).toEqual([]);
  });
});
