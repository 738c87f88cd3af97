// The required-answer rounds in a real browser. All at once (同步作答): six phones answer on
// their own screens, one too late; the big screen counts who has answered, then shows the key
// and how the room chose. In turn (轮流必答): the title card, whose turn it is, the countdown on
// that seat's phone, the ruling. Time moves only when the test moves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { ContestDefinition } from '../../shared/contest/types.js';
import { allAtOnceRound, buzzRound, choice, definition, inTurnRound, question, trueFalse } from '../support/definitions.js';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage, TAP_SETTLE_MS } from './browser-stage.js';

requireBrowser('required-answer rounds in a browser');

const ANSWER_MS = 20_000;

/** Taps option `index` on a phone and waits until the server's record of its answer is `sent`. */
async function answer(phone: Page, index: number, sent = 'ABCD'[index]): Promise<void> {
  await byTestId(phone, 'answer-option', `[data-index="${index}"]`).tap();
  await byTestId(phone, 'answer-sent').filter({ hasText: new RegExp(`^\\s*${zh('answers.sent', { letters: sent })}\\s*$`) }).waitFor();
}

describe.skipIf(!hasChromium)('all at once in a browser', () => {
  const contest = definition({ seats: 6, rounds: [allAtOnceRound([choice(1, 'B'), choice(2, 'AC')], { answerTimeMs: ANSWER_MS })] });
  const seatIds = contest.seats.map((s) => s.id);
  let stage: BrowserStage;
  let host: Page;
  let screen: Page;
  let phones: Page[];

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[A1]-[A6] six phones answer, one too late; the screen counts, then shows the key and the spread', { timeout: 120_000 }, async () => {
    const { h } = stage;
    host = await stage.host();
    screen = await stage.screen();
    phones = [];
    for (const seatId of seatIds) phones.push(await stage.phone(seatId));
    await byTestId(screen, 'lobby-seat', '[data-full="true"]').nth(5).waitFor();

    // N: the title card; N: the question, shown on every phone, not yet open (A1).
    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'question', '[data-kind="all-at-once"][data-phase="reading"]').waitFor();
    for (const phone of phones) await byTestId(phone, 'answer-pad', '[data-look="reading"]').waitFor();
    expect(await byTestId(phones[0], 'answer-option').count()).toBe(4);

    // Space opens answers: the countdown starts everywhere.
    await host.keyboard.press('Space');
    for (const phone of phones) await byTestId(phone, 'answer-pad', '[data-look="open"]').waitFor();
    await byTestId(screen, 'seat-answers').locator('[data-testid="countdown"]').waitFor();

    // Five phones answer: three right (B), two wrong; one changes its mind (A2).
    await answer(phones[0], 1);
    await answer(phones[1], 1);
    await answer(phones[2], 0);
    await answer(phones[3], 0);
    await answer(phones[3], 3);
    await answer(phones[4], 1);
    await byTestId(screen, 'answered-count').filter({ hasText: zh('answers.count', { n: 5, total: 6 }) }).waitFor();
    expect(await byTestId(screen, 'answer-seat', '[data-answered="true"]').count()).toBe(5);
    // A5: the screen and the other phones learn who has answered, never what.
    expect(await byTestId(screen, 'option', '[data-right="unknown"]').count()).toBe(4);
    expect(await byTestId(phones[5], 'answer-option', '[data-selected="true"]').count()).toBe(0);
    await byTestId(host, 'host-answered').filter({ hasText: zh('answers.count', { n: 5, total: 6 }) }).waitFor();
    await byTestId(host, 'host-answered-seat').nth(4).waitFor();
    await shot(screen, 'all-at-once-screen-answering.png');
    await shot(phones[3], 'all-at-once-phone.png');
    await shot(host, 'host-all-at-once.png');

    // The deadline passes while the sixth phone's answer is on its way: the room's deadline timer
    // is held back (closing the room cancels it), so the phone still shows open buttons when it
    // taps, as a phone on slow Wi-Fi would. The server's clock decides (A3): late, not counted.
    h.room.close();
    h.clock.advance(ANSWER_MS + 1);
    await byTestId(phones[5], 'answer-option', '[data-index="2"]').tap();
    await byTestId(phones[5], 'answer-late').filter({ hasText: zh('answers.late') }).waitFor();
    await byTestId(phones[5], 'answer-result', '[data-grade="none"]').waitFor();
    await byTestId(phones[5], 'answer-key').filter({ hasText: 'B' }).waitFor();

    // After the reveal (A6): the key lit, a bar per option, every seat's grade.
    await byTestId(screen, 'question', '[data-phase="revealed"]').waitFor();
    const counts = await byTestId(screen, 'option-count').allTextContents();
    expect(counts).toEqual(['1', '3', '0', '1']);
    expect(await byTestId(screen, 'option', '[data-right="true"]').count()).toBe(1);
    expect(await byTestId(screen, 'option').nth(1).getAttribute('data-right')).toBe('true');
    const tally = await byTestId(screen, 'tally').locator('li').allTextContents();
    expect(tally.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([`${zh('grade.right')} 3`, `${zh('grade.partial')} 0`, `${zh('grade.wrong')} 2`, `${zh('grade.none')} 1`]);
    expect(await byTestId(screen, 'answer-seat', '[data-grade="right"]').count()).toBe(3);
    expect(await byTestId(screen, 'explanation').textContent()).toContain('解析1');
    await byTestId(phones[0], 'answer-result', '[data-grade="right"]').waitFor();
    await byTestId(phones[3], 'answer-result', '[data-grade="wrong"]').waitFor();
    await byTestId(host, 'host-late').filter({ hasText: contest.seats[5].name }).waitFor();
    expect(h.room.state.scores).toEqual({ s1: 10, s2: 10, s3: 0, s4: 0, s5: 10, s6: 0 });
    await shot(screen, 'all-at-once-screen-revealed.png');
    await shot(phones[5], 'all-at-once-phone-late.png');

    expect(stage.pageErrors).toEqual([]);
  });

  it('[A2][A4] multiple choice: taps toggle, every change sends the whole set; E closes answers early', async () => {
    const { h } = stage;
    await host.keyboard.press('n');
    for (const phone of phones.slice(0, 2)) await byTestId(phone, 'answer-pad', '[data-multiple="true"][data-look="reading"]').waitFor();
    await host.keyboard.press('Space');
    await byTestId(phones[0], 'answer-pad', '[data-look="open"]').waitFor();
    await answer(phones[0], 0, 'A');
    await answer(phones[0], 1, 'AB');
    await answer(phones[0], 2, 'ABC');
    // Tapping B again takes it out: the answer is A and C.
    await answer(phones[0], 1, 'AC');
    expect(await byTestId(phones[0], 'answer-option', '[data-selected="true"]').count()).toBe(2);
    await answer(phones[1], 0, 'A');
    await host.keyboard.press('e');
    await byTestId(phones[0], 'answer-result', '[data-grade="right"]').waitFor();
    await byTestId(phones[1], 'answer-result', '[data-grade="wrong"]').waitFor();
    expect(h.room.state.scores.s1).toBe(20);
    expect(stage.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('in turn in a browser', () => {
  const order = ['s1', 's2', 's3'];
  const base = definition({ seats: 3, rounds: [inTurnRound(order, 1, { questions: [choice(11, 'C'), question(101), trueFalse(12, true)] })] });
  // Two stages weighted 0.4 and 0.6 (R1): the final ranking shows both and the weighted total.
  const contest: ContestDefinition = {
    ...base,
    stages: [{ ...base.stages[0], weight: 0.4 }, { id: 'stage-2', name: '悟思想', weight: 0.6, rounds: [buzzRound(1, {}, 50)] }],
  };
  let stage: BrowserStage;
  let host: Page;
  let screen: Page;
  let other: Page;

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[F1][T1]-[T3] title card, whose turn it is, the countdown on that phone, and the ruling', { timeout: 90_000 }, async () => {
    const { h } = stage;
    host = await stage.host();
    screen = await stage.screen();
    const mine = await stage.phone('s1');
    other = await stage.phone('s2');
    const name = contest.seats[0].name;

    // N: the title card on the screen, the round's name on the phones, "N 开始第一题" on the host.
    await host.keyboard.press('n');
    await byTestId(screen, 'title-card').waitFor();
    expect(await byTestId(screen, 'stage-title').textContent()).toBe(zh('round.stage', { n: '一', name: '比知识' }));
    expect(await byTestId(screen, 'round-title').textContent()).toBe(zh('round.number', { n: 1, name: '轮流必答' }));
    expect(await byTestId(screen, 'rule-summary').textContent()).toContain(zh('rule.answerTime', { s: 30 }));
    await byTestId(mine, 'phone-round-name').filter({ hasText: '轮流必答' }).waitFor();
    await byTestId(host, 'host-title-hint').filter({ hasText: zh('host.titleCardHint') }).waitFor();
    await shot(screen, 'screen-title-card.png');
    await shot(mine, 'phone-title-card.png');
    await shot(host, 'host-title-card.png');

    // N: the first turn. Its phone says so; the others say whose turn it is.
    await host.keyboard.press('n');
    await byTestId(screen, 'turn-seat').filter({ hasText: name }).waitFor();
    await byTestId(mine, 'turn-card', '[data-mine="true"]').filter({ hasText: zh('turn.yours') }).waitFor();
    await byTestId(other, 'turn-headline').filter({ hasText: zh('turn.whose', { name }) }).waitFor();
    await byTestId(host, 'turn', '[data-mark="current"]').filter({ hasText: name }).waitFor();

    // Space starts the countdown, on the screen and on that seat's phone.
    await host.keyboard.press('Space');
    await byTestId(screen, 'question', '[data-kind="in-turn"][data-phase="answering"]').locator('[data-testid="countdown"]').waitFor();
    await byTestId(mine, 'answer-countdown').waitFor();
    expect(await byTestId(other, 'answer-countdown').count()).toBe(0);
    await shot(screen, 'in-turn-screen.png');
    await shot(mine, 'in-turn-phone.png');
    await shot(host, 'host-in-turn.png');

    // J: right. The screen shows +10 for the seat, the answer and the explanation.
    await host.keyboard.press('j');
    await byTestId(screen, 'turn-delta').filter({ hasText: '+10' }).waitFor();
    // Two stages: the scoreboard's total is weighted (10 × 0.4), beside each stage's points.
    await byTestId(screen, 'score-row', '[data-seat="s1"]').locator('[data-testid="score"]').filter({ hasText: /^4\.00$/ }).waitFor();
    expect(await byTestId(screen, 'answer-text').textContent()).toBe('C');
    await byTestId(mine, 'turn-points').filter({ hasText: '+10' }).waitFor();
    await byTestId(host, 'turn', '[data-mark="done"]').filter({ hasText: '+10' }).waitFor();
    await shot(screen, 'in-turn-screen-ruled.png');

    // S skips the next turn; T asks first, then lets that seat take its turn again.
    await host.keyboard.press('n');
    await byTestId(other, 'turn-card', '[data-mine="true"]').waitFor();
    await host.keyboard.press('s');
    await byTestId(screen, 'outcome').filter({ hasText: zh('turn.result.skipped') }).waitFor();
    await byTestId(other, 'turn-headline').filter({ hasText: zh('turn.result.skipped') }).waitFor();
    host.once('dialog', (dialog) => void dialog.accept());
    await host.keyboard.press('t');
    await byTestId(screen, 'question', '[data-phase="reading"]').waitFor();
    expect(h.room.state.question).toMatchObject({ index: 1, seatId: 's2', phase: 'reading' });
    expect(stage.pageErrors).toEqual([]);
  });

  it('[R1] the next stage\'s title card, then the final ranking by weighted total with a column per stage', { timeout: 60_000 }, async () => {
    const { h } = stage;
    // Turn 2 skipped, turn 3 right: then the second stage.
    await host.keyboard.press('s');
    // N asks before skipping a turn the console still shows unplayed (K6): wait for the skip.
    await byTestId(host, 'control-next', ':enabled').waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'turn-seat').filter({ hasText: contest.seats[2].name }).waitFor();
    await host.keyboard.press('j');
    await byTestId(screen, 'turn-delta').waitFor();
    await byTestId(host, 'control-next').filter({ hasText: zh('host.control.nextRound') }).waitFor();
    await host.keyboard.press('n');
    await byTestId(screen, 'stage-title').filter({ hasText: zh('round.stage', { n: '二', name: '悟思想' }) }).waitFor();

    // One buzz-in question: 2号席 buzzes first and is right.
    await host.keyboard.press('n');
    // Space starts the question the console shows: wait for it, as a host would.
    await byTestId(host, 'control-start', ':enabled').waitFor();
    await host.keyboard.press('Space');
    await byTestId(other, 'buzzer', '[data-look="open"]').waitFor();
    h.clock.advance(TAP_SETTLE_MS);
    await byTestId(other, 'buzzer').tap();
    await expect.poll(() => h.room.state.question?.kind === 'buzz-in' && h.room.state.question.buzzes.length).toBe(1);
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    await byTestId(host, 'host-winner').waitFor();
    await host.keyboard.press('j');
    await byTestId(host, 'control-next').filter({ hasText: zh('host.control.finish') }).waitFor();
    // K6: ending the contest asks first.
    const asked = new Promise<string>((resolve) =>
      host.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await host.keyboard.press('n');
    expect(await asked).toContain(zh('safety.finishConfirm', { round: contest.stages[1].rounds[0].name }));

    // 2号席: 10 × 0.6 = 6, ahead of 1号席 and 3号席 at 10 × 0.4 = 4 each.
    await byTestId(screen, 'final-ranking').waitFor();
    const rows = await byTestId(screen, 'final-row').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-seat'), li.querySelector('[data-testid="final-score"]')?.textContent]));
    expect(rows).toEqual([
      ['s2', '6.00'],
      ['s1', '4.00'],
      ['s3', '4.00'],
    ]);
    expect(await byTestId(screen, 'final-row').first().textContent()).toContain(zh('screen.place', { n: 1 }));
    expect(await byTestId(screen, 'final-row').nth(2).textContent()).toContain(zh('screen.place', { n: 2 }));
    await shot(screen, 'screen-final.png');
    expect(stage.pageErrors).toEqual([]);
  });
});
