// Risk questions (风险题) in a real browser: the seat's phone picks 30 with a confirmation, the big
// screen shows the seat and the stake (and no question before it), the host starts and rules
// wrong: −30 everywhere. The next seat's stake is picked by the host with a key (代选) and ruled
// right. Screens at 1920x1080 and 1024x768 keep every text whole. Time moves only when the test moves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { BuzzInRound } from '../../shared/contest/types.js';
import { buzzRound, definition, question, riskRound } from '../support/definitions.js';
import { byTestId, hasChromium, requireBrowser, SHOTS, shot, startStage, zh, type BrowserStage, TAP_SETTLE_MS } from './browser-stage.js';
import { FLOORS, layoutProblems, NAMES, WORDS } from './layout-problems.js';

requireBrowser('risk questions in a browser');

describe.skipIf(!hasChromium)('risk questions in a browser', () => {
  const contest = definition({ seats: 4, rounds: [riskRound(['s1', 's2', 's3', 's4'], 1)] });
  contest.seats = contest.seats.map((seat, i) => ({ ...seat, name: ['第一代表队', '红星社区党支部', '第三代表队', '第四代表队'][i] }));
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  async function screenAt(width: number, height: number): Promise<Page> {
    const page = await stage.open('screen', `/screen/?c=${stage.h.contestId}`);
    await page.setViewportSize({ width, height });
    return page;
  }

  async function fits(page: Page, what: string) {
    await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { timeout: 8000, message: what }).toEqual([]);
  }

  it('[RK2][RK5][RK7] the phone stakes 30 and the screen shows it; the host rules wrong; the host picks 20 for the next seat with a key', { timeout: 180_000 }, async () => {
    const host = await stage.host();
    const wide = await screenAt(1920, 1080);
    const square = await screenAt(1024, 768);
    const mine = await stage.phone('s1');
    const other = await stage.phone('s2');
    const stem = stage.h.room.state.definition.stages[0].rounds[0].questions[0].stem;

    // The title card, then the first turn: the seat chooses, the question is nowhere yet (RK7).
    await host.keyboard.press('n');
    await host.locator('[data-testid="control-next"]:not([disabled])').waitFor();
    // The title card gives the round's rules: the stakes, what right and wrong do, the pass.
    await byTestId(wide, 'title-card').filter({ hasText: zh('rule.stakes', { stakes: '10 / 20 / 30' }) }).waitFor();
    await shot(wide, 'risk-screen-title.png');
    await fits(square, 'title card at 1024x768');
    await host.keyboard.press('n');
    for (const screen of [wide, square]) await byTestId(screen, 'risk-choices').waitFor();
    await byTestId(mine, 'risk-card', '[data-look="pick"]').waitFor();
    await byTestId(other, 'risk-headline').filter({ hasText: zh('risk.waitOther', { name: '第一代表队' }) }).waitFor();
    await byTestId(host, 'host-risk-hidden').waitFor();
    for (const page of [wide, square, mine, other, host]) expect(await page.locator('body').textContent()).not.toContain(stem);
    expect(await byTestId(mine, 'risk-stake').allTextContents()).toEqual(['10分', '20分', '30分']);
    await byTestId(mine, 'risk-pass').waitFor();
    await shot(mine, 'risk-phone-choosing.png');
    await shot(other, 'risk-phone-other-choosing.png');
    await shot(wide, 'risk-screen-choosing.png');
    await shot(square, 'risk-screen-choosing-4x3.png');
    await shot(host, 'risk-host-choosing.png');
    await fits(wide, 'choosing at 1920x1080');
    await fits(square, 'choosing at 1024x768');

    // The phone picks 30, is asked to confirm, and confirms.
    await byTestId(mine, 'risk-stake', '[data-stake="30"]').tap();
    await byTestId(mine, 'risk-confirm-text').filter({ hasText: zh('risk.confirmStake', { stake: 30 }) }).waitFor();
    await shot(mine, 'risk-phone-confirm.png');
    await byTestId(mine, 'risk-confirm').tap();

    // The question and the stake go out together.
    for (const screen of [wide, square]) {
      await byTestId(screen, 'risk-stake-value').filter({ hasText: '30' }).waitFor();
      await byTestId(screen, 'stem').filter({ hasText: stem }).waitFor();
    }
    await byTestId(other, 'risk-headline').filter({ hasText: zh('risk.otherChose', { name: '第一代表队', stake: 30 }) }).waitFor();
    await byTestId(mine, 'risk-stake-badge').filter({ hasText: zh('risk.stakeValue', { stake: 30 }) }).waitFor();
    await byTestId(host, 'host-stake-value').filter({ hasText: zh('risk.stakeValue', { stake: 30 }) }).waitFor();
    await shot(wide, 'risk-screen-staked.png');
    await shot(square, 'risk-screen-staked-4x3.png');
    await shot(host, 'risk-host-staked.png');
    await fits(wide, 'staked at 1920x1080');
    await fits(square, 'staked at 1024x768');

    // Space starts the countdown; K rules wrong: −30 on the screen, the phone and the scores.
    await host.keyboard.press('Space');
    await byTestId(wide, 'countdown').waitFor();
    await byTestId(mine, 'answer-countdown').waitFor();
    await shot(wide, 'risk-screen-answering.png');
    await host.keyboard.press('k');
    for (const screen of [wide, square]) await byTestId(screen, 'outcome').filter({ hasText: zh('risk.verdictWrong', { stake: 30 }) }).waitFor();
    await byTestId(mine, 'risk-headline').filter({ hasText: zh('turn.result.wrong') }).waitFor();
    await byTestId(mine, 'risk-verdict').filter({ hasText: '\u221230' }).waitFor();
    await byTestId(mine, 'my-score').filter({ hasText: '\u221230' }).waitFor();
    await shot(wide, 'risk-screen-wrong.png');
    await shot(square, 'risk-screen-wrong-4x3.png');
    await shot(mine, 'risk-phone-wrong.png');
    await fits(wide, 'ruled at 1920x1080');
    await fits(square, 'ruled at 1024x768');

    // The next seat: the host picks its second stake with the key 2 (代选) and rules it right.
    await host.keyboard.press('n');
    await byTestId(other, 'risk-card', '[data-look="pick"]').waitFor();
    await host.locator('[data-testid="host-stake-pick"][data-stake="20"]:not([disabled])').waitFor();
    await host.keyboard.press('2');
    await byTestId(other, 'risk-stake-badge').filter({ hasText: zh('risk.stakeValue', { stake: 20 }) }).waitFor();
    await byTestId(host, 'host-stake').filter({ hasText: zh('risk.byHost') }).waitFor();
    await byTestId(wide, 'risk-stake-value').filter({ hasText: '20' }).waitFor();
    await host.keyboard.press('j');
    await byTestId(wide, 'outcome').filter({ hasText: zh('risk.verdictRight', { stake: 20 }) }).waitFor();
    await byTestId(other, 'my-score').filter({ hasText: '20' }).waitFor();
    await shot(host, 'risk-host-right.png');
    await shot(other, 'risk-phone-right.png');
    expect(stage.h.room.state.ledger.map((e) => [e.seatId, e.delta, e.reason, e.stake])).toEqual([
      ['s1', -30, 'wrong', 30],
      ['s2', 20, 'right', 20],
    ]);
    expect(stage.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('a risk round in 竞赛设置', () => {
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage({ bank: Array.from({ length: 30 }, (_, i) => question(i + 1)) });
    const client = await stage.h.host();
    const file = {
      format: 'qiangda-contest',
      version: 1,
      title: '风险题设置',
      seats: [{ name: '甲' }, { name: '乙' }],
      stages: [{ name: '比知识', rounds: [{ kind: 'in-turn', draw: { types: ['open'] } }] }],
      seed: 'fixed',
    };
    expect(await client.request('contest:define', { file })).toEqual({ data: null });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[RK2][RK4] the host adds a risk round, types its stakes and refuses a pass; the saved contest has them, and the form shows them again', { timeout: 120_000 }, async () => {
    const host = await stage.host();
    await byTestId(host, 'editor', '[data-status="ready"]').waitFor();
    await byTestId(host, 'editor-add-kind').selectOption('risk');
    await byTestId(host, 'editor-add-round').click();
    const round = byTestId(host, 'editor-round', '[data-kind="risk"]');
    await round.locator('[data-testid="editor-stakes"]').fill('10, 20, 10');
    await round.locator('[data-testid="editor-allow-pass"]').uncheck();
    await byTestId(host, 'editor-save').click();
    // Two equal stakes: the server names the field, in the form.
    await byTestId(host, 'editor-issue').filter({ hasText: zh('definition.error.risk-stakes') }).waitFor();
    await round.locator('[data-testid="editor-stakes"]').fill('10，20，40');
    await round.screenshot({ path: `${SHOTS}/risk-editor-round.png`, animations: 'disabled' });
    await byTestId(host, 'editor-save').click();
    await byTestId(host, 'banner').filter({ hasText: zh('editor.saved') }).waitFor();
    const saved = stage.h.room.state.definition.stages[0].rounds[1];
    expect(saved).toMatchObject({ kind: 'risk', name: '风险题', risk: { stakes: [10, 20, 40], allowPass: false, perSeat: 1, answerTimeMs: 30_000 } });
    expect(saved.questions).toHaveLength(2);
    // A fresh console loads the saved file into the form as it was typed.
    const again = await stage.host();
    const loaded = byTestId(again, 'editor-round', '[data-kind="risk"]');
    await expect.poll(() => loaded.locator('[data-testid="editor-stakes"]').inputValue()).toBe('10, 20, 40');
    expect(await loaded.locator('[data-testid="editor-allow-pass"]').isChecked()).toBe(false);
    expect(stage.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('risk buzz-in (风险抢答) in a browser', () => {
  const round = buzzRound(2, { risk: true }) as BuzzInRound;
  const contest = definition({ seats: 3, rounds: [{ ...round, questions: round.questions.map((q, i) => (i === 0 ? { ...q, points: 30 } : q)) }] });
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[RK9] the question\'s stake is on the screen, the console and the phone; the winner answers wrong and loses it', { timeout: 120_000 }, async () => {
    const { h } = stage;
    const host = await stage.host();
    const wide = await stage.open('screen', `/screen/?c=${h.contestId}`);
    const square = await stage.open('screen', `/screen/?c=${h.contestId}`);
    await square.setViewportSize({ width: 1024, height: 768 });
    const phone = await stage.phone('s1');
    await host.keyboard.press('n');
    await host.locator('[data-testid="control-next"]:not([disabled])').waitFor();
    await host.keyboard.press('n');
    for (const screen of [wide, square]) await byTestId(screen, 'buzz-stake').filter({ hasText: zh('risk.stakeValue', { stake: 30 }) }).waitFor();
    await byTestId(host, 'host-buzz-stake').filter({ hasText: zh('risk.stakeValue', { stake: 30 }) }).waitFor();
    await phone.getByText(zh('risk.stakeValue', { stake: 30 })).waitFor();
    await host.keyboard.press('Space');
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    h.clock.advance(TAP_SETTLE_MS);
    await byTestId(phone, 'buzzer').tap();
    await expect.poll(() => h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes.length).toBe(1);
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await byTestId(wide, 'winner').waitFor();
    await shot(wide, 'risk-buzz-screen-winner.png');
    await shot(square, 'risk-buzz-screen-winner-4x3.png');
    await fits(wide, 'risk buzz-in at 1920x1080');
    await fits(square, 'risk buzz-in at 1024x768');
    await host.keyboard.press('k');
    await byTestId(phone, 'my-score').filter({ hasText: '\u221230' }).waitFor();
    expect(h.room.state.ledger.map((e) => [e.seatId, e.delta, e.reason, e.stake])).toEqual([['s1', -30, 'wrong', 30]]);
    expect(stage.pageErrors).toEqual([]);
  });

  async function fits(page: Page, what: string) {
    await expect.poll(() => page.evaluate(layoutProblems, { floors: FLOORS, names: NAMES, words: WORDS }), { timeout: 8000, message: what }).toEqual([]);
  }
});
