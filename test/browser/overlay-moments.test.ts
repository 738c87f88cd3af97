// The stream overlay (/overlay/) at a final's most watched moments, at 1920x1080 and 1280x720,
// driven from the host's socket: a round's title card; a judged turn (述行动) of a seat with the
// longest real unit name and title: called, speaking in its warning, in overtime, the panel
// scoring (a count, never a value), then the reveal with every judge's score and the result;
// the final ranking; and the award ceremony step by step, nothing before the host reveals it;
// then a prize reached by twenty-one seats. Twenty-two seats, seven judges. Every state passes the screen's layout checks and keeps the
// page transparent with a gap for the video. Screenshots: test-results/screenshots/overlay2-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestDefinition, Seat } from '../../shared/contest/types.js';
import { buzzRound } from '../support/definitions.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, hasChromium, requireBrowser, startStage, zh, type BrowserStage } from './browser-stage.js';
import { hostCommand, openOverlays, overlaysShow, type OverlayPage } from './overlay-pages.js';
import { FLOORS } from './layout-problems.js';
import { JUDGES } from './judged-samples/samples.js';

requireBrowser('the stream overlay at judged turns and the award ceremony');

const LONG = '中共湖南省委党校（湖南行政学院）第一代表队';
const TOPIC = '扎根基层一线，践行“江山就是人民，人民就是江山”：我们支部在乡村振兴和基层治理中为群众办实事的探索与实践';
const CITIES = ['株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '益阳', '郴州', '永州', '怀化', '娄底', '浏阳', '韶山', '醴陵', '耒阳', '湘乡', '汨罗', '津市', '冷水江', '涟源', '武冈'];
const SEATS: Seat[] = [
  { id: 's1', name: LONG, kind: 'team', phones: 3, topic: TOPIC },
  ...CITIES.map((city, i): Seat => ({ id: `s${i + 2}`, name: `${city}市直机关工委党支部代表队`, kind: 'team', phones: 3, topic: `${city}：把党史学习成果转化为办实事的实际行动` })),
];
const SPEAK_MS = 300_000;

const contest: ContestDefinition = {
  title: '庆祝中国共产党成立105周年暨“学党史、悟思想”党史知识竞赛总决赛',
  seed: 'overlay-moments',
  seats: SEATS,
  judges: JUDGES.map(({ id, name, title }) => ({ id, name, ...(title && { title }) })),
  stages: [
    { id: 'know', name: '比知识', weight: 0.3, rounds: [{ ...buzzRound(0), id: 'r1' }] },
    {
      id: 'act',
      name: '述行动',
      weight: 0.7,
      rounds: [
        {
          id: 'act',
          name: '述行动',
          kind: 'judged',
          draw: { categories: [], difficulties: [], types: [] },
          questions: [],
          judging: {
            prompt: 'title',
            orderBy: 'file',
            order: ['s1', 's2'],
            prepareMs: 0,
            speakMs: SPEAK_MS,
            warnAtMs: 60_000,
            overtime: { perMs: 30_000, points: 1 },
            scale: { min: 0, max: 100, step: 0.5 },
            criteria: [],
            aggregate: 'trimmed-mean',
            decimals: 2,
          },
        },
      ],
    },
  ],
  awards: { by: 'count', boundaryTie: 'higher', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] },
};

/** The panel's scores for s1: 95 and 79.5 dropped, the mean of the rest 88.60; 45 s over (two started 30 s) costs 2: 86.60. */
const SCORES: Record<string, number> = { j1: 88, j2: 92.5, j3: 85, j4: 90, j5: 79.5, j6: 87.5, j7: 95 };

/** The overlay's floors for these moments, beside the screen's and the lower third's. */
const MOMENT_FLOORS: [string, number][] = [
  ...FLOORS,
  ['[data-testid="score-row"] .total', 32],
  ['[data-testid="overlay-judged-topic"]', 48],
  ['[data-testid="overlay-speaker-name"]', 48],
  ['[data-testid="overlay-judged-points"]', 120],
  ['[data-testid="overlay-judge-score"] .value', 64],
  ['[data-testid="overlay-judge-score"] .judge', 32],
  ['[data-testid="overlay-judged-aggregate"]', 48],
  ['[data-testid="overlay-prize-name"]', 48],
  ['[data-testid="overlay-prize-seat"] .name', 36],
  ['[data-testid="overlay-award-title"]', 48],
  ['[data-testid="overlay-round-title"]', 48],
];

describe.skipIf(!hasChromium)('the stream overlay at judged turns and the award ceremony', () => {
  let stage: BrowserStage;
  let host: TestClient;
  let overlays: OverlayPage[] = [];

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
    host = await stage.h.host();
    overlays = await openOverlays(stage);
  });

  afterAll(async () => {
    await stage?.close();
  });

  const command = (c: HostCommand) => hostCommand(host, c);
  /** Every overlay shows `selector` with no layout problem and a clear gap; shot transparent and over a stand-in video. */
  const check = (state: string, selector: string) => overlaysShow(overlays, state, selector, { floors: MOMENT_FLOORS, shots: 'overlay2', gap: true });

  const onEvery = async (what: (page: Page) => Promise<void>) => {
    for (const { page } of overlays) await what(page);
  };

  it('[J4] [J6] [J7] shows the round coming up, then the seat speaking, the panel scoring (a count) and the revealed result', { timeout: 120_000 }, async () => {
    const { h } = stage;
    const first = overlays[0].page;
    await command({ type: 'question:next' });
    await check('round-card', '[data-testid="overlay-round-card"]');
    expect(await byTestId(first, 'overlay-round-title').textContent()).toBe(zh('round.number', { n: 1, name: '抢答题' }));
    // The knowledge stage's points: every seat a different total, s1 ahead.
    for (const [i, seat] of SEATS.entries()) await command({ type: 'score:adjust', seatId: seat.id, delta: 100 - i * 3, reason: '成绩' });

    await command({ type: 'question:next' });
    await command({ type: 'question:next' });
    await check('judged-called', '[data-testid="overlay-judged"][data-phase="called"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-speaker-name').textContent()).toBe(LONG);
      expect(await byTestId(page, 'overlay-judged-topic').textContent()).toBe(TOPIC);
      expect(await byTestId(page, 'phase-label').textContent()).toBe(zh('judging.phase.called'));
      expect(await byTestId(page, 'overlay-judged-number').textContent()).toBe(zh('judge.turn', { n: 1, total: 2 }));
      expect(await byTestId(page, 'overlay-round-card').count()).toBe(0);
    });

    // Speaking: the timer counts down, gold in its last minute; the lower third keeps to one row.
    await command({ type: 'speech:start' });
    // A page learns the server's time from its updates: a judge's score (a value no page shows) brings one.
    h.clock.advance(SPEAK_MS - 50_000);
    await command({ type: 'judge:enter', judgeId: 'j1', seatId: 's1', value: SCORES.j1 });
    await check('judged-warning', '[data-testid="overlay-judged"][data-phase="speaking"] >> [data-testid="speaking-timer"][data-look="warning"]');
    // 50 s left, less whatever real time the test took since (the page's own clock runs on).
    expect(await byTestId(first, 'timer-figure').textContent()).toMatch(/^0:[34]\d|0:50$/);
    expect(await byTestId(first, 'phase-label').textContent()).toBe(zh('judging.phase.speaking'));
    await byTestId(first, 'overlay-scoreboard', '[data-compact="true"]').waitFor();
    expect(await byTestId(first, 'score-row').count()).toBe(3);

    h.clock.advance(95_000);
    await command({ type: 'judge:enter', judgeId: 'j2', seatId: 's1', value: SCORES.j2 });
    await check('judged-overtime', '[data-testid="speaking-timer"][data-look="overtime"]');
    expect(await byTestId(first, 'timer-figure').textContent()).toMatch(/^\+0:[45]\d$/);

    // The panel scores: the count, never a value, as on the big screen (J7).
    await command({ type: 'speech:stop' });
    for (const judgeId of ['j3', 'j4', 'j5']) await command({ type: 'judge:enter', judgeId, seatId: 's1', value: SCORES[judgeId] });
    await check('judged-scoring', '[data-testid="overlay-judged"][data-phase="scoring"]');
    await onEvery(async (page) => {
      await expect.poll(() => byTestId(page, 'phase-label').textContent()).toBe(zh('judging.scoringCount', { n: 5, total: 7 }));
      expect(await byTestId(page, 'overlay-judge-score').count()).toBe(0);
      const text = await byTestId(page, 'overlay').textContent();
      for (const value of ['88', '92.5', '79.5']) expect(text).not.toContain(value);
    });

    // The reveal: every judge's score, the dropped two struck through, the aggregate, the deduction and the result.
    for (const judgeId of ['j6', 'j7']) await command({ type: 'judge:enter', judgeId, seatId: 's1', value: SCORES[judgeId] });
    await command({ type: 'answer:reveal' });
    await check('judged-revealed', '[data-testid="overlay-judged"][data-phase="revealed"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-judged-points').textContent()).toBe('86.60');
      expect(await byTestId(page, 'overlay-judge-score').count()).toBe(7);
      expect(await byTestId(page, 'overlay-judge-score', '[data-mark="high"]').getAttribute('data-judge')).toBe('j7');
      expect(await byTestId(page, 'overlay-judge-score', '[data-mark="low"]').getAttribute('data-judge')).toBe('j5');
      expect(await byTestId(page, 'overlay-judged-aggregate').textContent()).toContain('88.60');
      expect(await byTestId(page, 'phase-label').textContent()).toBe(zh('judging.final'));
      // The scores and the result take the room; the standings keep to their one row.
      expect(await byTestId(page, 'score-row').first().getAttribute('data-seat')).toBe('s1');
    });
    expect(stage.pageErrors).toEqual([]);
  });

  it('[AW5] [AW7] shows the final ranking, then each prize only as the host reveals it, then every prize', { timeout: 120_000 }, async () => {
    const first = overlays[0].page;
    // The second seat is called and passed over; the last round ends: the final ranking.
    await command({ type: 'question:next' });
    await byTestId(first, 'overlay-speaker-name').filter({ hasText: SEATS[1].name }).waitFor();
    await command({ type: 'question:next' });
    await check('final', '[data-testid="overlay"][data-stage="finished"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-scoreboard-title').textContent()).toBe(zh('overlay2.finalRanking'));
      expect(await byTestId(page, 'score-row').first().getAttribute('data-seat')).toBe('s1');
      expect(await byTestId(page, 'overlay-awards').count()).toBe(0);
    });

    await command({ type: 'awards:step', step: 0 });
    await check('award-title', '[data-testid="overlay-award-title"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-award-title').textContent()).toBe(contest.title);
      expect(await byTestId(page, 'overlay-scoreboard').count()).toBe(0);
      expect(await byTestId(page, 'overlay-prize-seat').count()).toBe(0);
    });

    await command({ type: 'awards:step', step: 1 });
    await check('award-third', '[data-testid="overlay-prize"][data-tier="三等奖"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-prize-seat').evaluateAll((els) => els.map((el) => el.getAttribute('data-seat')))).toEqual(['s5', 's6', 's7', 's8', 's9', 's10']);
      expect(await byTestId(page, 'overlay-prize-name').allTextContents()).toEqual(['三等奖']);
    });

    await command({ type: 'awards:step', step: 2 });
    await check('award-second', '[data-testid="overlay-prize"][data-tier="二等奖"]');
    expect(await byTestId(first, 'overlay-prize-seat').evaluateAll((els) => els.map((el) => el.getAttribute('data-seat')))).toEqual(['s2', 's3', 's4']);

    await command({ type: 'awards:step', step: 3 });
    await check('award-first', '[data-testid="overlay-prize"][data-tier="一等奖"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-prize-seat').allTextContents()).toEqual([expect.stringContaining(LONG)]);
    });

    await command({ type: 'awards:step', step: 4 });
    await check('award-podium', '[data-testid="overlay-awards"][data-moment="podium"]');
    await onEvery(async (page) => {
      expect(await byTestId(page, 'overlay-prize-name').allTextContents()).toEqual(['一等奖', '二等奖', '三等奖']);
      expect(await byTestId(page, 'overlay-prize-seat').count()).toBe(10);
    });
    expect(stage.pageErrors).toEqual([]);
  });
});

/** A prize reached by a whole field: twenty-one of the twenty-two seats pass 优秀奖's threshold. */
const FIELD: ContestDefinition = {
  title: contest.title,
  seed: 'overlay-field',
  seats: SEATS.map((seat) => ({ id: seat.id, name: seat.name, kind: seat.kind, phones: seat.phones })),
  stages: [{ id: 'know', name: '比知识', weight: 1, rounds: [{ ...buzzRound(0), id: 'r1' }] }],
  awards: { by: 'threshold', boundaryTie: 'higher', tiers: [{ name: '特等奖', minTotal: 95 }, { name: '优秀奖', minTotal: 30 }] },
};

describe.skipIf(!hasChromium)('the stream overlay names a prize of twenty-one seats', () => {
  let stage: BrowserStage;
  let host: TestClient;
  const command = async (c: HostCommand) => expect(await host.request('host:command', c)).toHaveProperty('data');

  beforeAll(async () => {
    stage = await startStage({ definition: FIELD });
    host = await stage.h.host();
    await command({ type: 'question:next' });
    for (const [i, seat] of SEATS.entries()) await command({ type: 'score:adjust', seatId: seat.id, delta: i === 0 ? 99 : 90 - i * 2, reason: '成绩' });
    await command({ type: 'question:next' });
    for (const step of [0, 1]) await command({ type: 'awards:step', step });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[AW5] in three columns, readable, at 1920x1080 and 1280x720; and every prize after', { timeout: 60_000 }, async () => {
    const pages = await openOverlays(stage);
    // The prize list may take the middle of the picture: no gap is asked of it.
    const fits = (state: string, selector: string) => overlaysShow(pages, state, selector, { floors: MOMENT_FLOORS, shots: 'overlay2' });
    await fits('field-tier', '[data-testid="overlay-prize"][data-tier="优秀奖"]');
    for (const { page } of pages) expect(await byTestId(page, 'overlay-prize-seat').count()).toBe(21);
    for (const step of [2, 3]) await command({ type: 'awards:step', step });
    await fits('field-podium', '[data-testid="overlay-awards"][data-moment="podium"]');
    for (const { page } of pages) expect(await byTestId(page, 'overlay-prize-seat').count()).toBe(22);
    expect(stage.pageErrors).toEqual([]);
  });
});
