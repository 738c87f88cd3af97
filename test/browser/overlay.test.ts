// The stream overlay (/overlay/) as OBS draws it over the video, at 1920x1080 and 1280x720: a
// transparent page (nothing painted where there is no plate); the lower third with twenty-two
// seats of fourteen- and fifteen-character names in rank order (twenty-one listed and how many
// more; the leading three while a question is live), the leader marked; a long question with
// eight options and its countdown, the buzz winner, the like total, the answer once revealed.
// Every state passes the big screen's layout checks (nothing outside the picture, clipped,
// elided, below its floor, or a name's character alone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { Question } from '../../shared/contest/question.js';
import type { ContestDefinition, Seat } from '../../shared/contest/types.js';
import { channel } from '../../server/realtime/realtime.js';
import { buzzRound } from '../support/definitions.js';
import type { TestClient } from '../support/harness.js';
import { byTestId, hasChromium, requireBrowser, startStage, zh, type BrowserStage } from './browser-stage.js';
import { hostCommand, openOverlays, overlaysShow, paintedInGap, type OverlayPage } from './overlay-pages.js';
import { FLOORS } from './layout-problems.js';

requireBrowser('the stream overlay');

const CITIES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '益阳', '郴州', '永州', '怀化', '娄底', '浏阳', '韶山', '醴陵', '耒阳', '湘乡', '汨罗', '津市', '冷水江', '涟源', '武冈'];
const SEATS: Seat[] = CITIES.map((city, i) => ({ id: `s${i + 1}`, name: `${city}市直机关工委党支部代表队`, kind: 'team', phones: 3 }));
const STEM =
  '1927年3月，毛泽东同志发表了一篇重要文章，以大量事实驳斥了党内外责难农民运动的谬论，充分估计了农民在中国革命中的伟大作用，提出了解决中国民主革命中心问题——农民问题的理论和政策，请问这篇文章的题目是下列哪一项？请从下面八个选项中选出正确的一项。';
const OPTIONS = ['《湖南农民运动考察报告》', '《中国社会各阶级的分析》', '《星星之火，可以燎原》', '《井冈山的斗争》', '《反对本本主义》', '《论持久战》', '《新民主主义论》', '《中国的红色政权为什么能够存在？》'];
const question = (id: string): Question => ({ id, type: 'single', category: 'revolution', difficulty: 3, stem: STEM, options: OPTIONS, answer: [0], explanation: '' });

const contest: ContestDefinition = {
  title: '庆祝中国共产党成立105周年暨“学党史、悟思想”党史知识竞赛总决赛',
  seed: 'overlay',
  seats: SEATS,
  stages: [{ id: 'buzz', name: '抢答赛', weight: 1, rounds: [{ ...buzzRound(2), questions: [question('b1'), question('b2')] }] }],
};

/** The overlay's own text floors beside the screen's (stem, phase, countdown, winner, seat names). */
const OVERLAY_FLOORS: [string, number][] = [...FLOORS, ['[data-testid="score-row"] .total', 32], ['[data-testid="likes-total"]', 32]];

describe.skipIf(!hasChromium)('the stream overlay', () => {
  let stage: BrowserStage;
  let host: TestClient;
  let phones: Record<string, TestClient>;
  let overlays: OverlayPage[] = [];

  beforeAll(async () => {
    stage = await startStage({ definition: contest });
    host = await stage.h.host();
    phones = {};
    for (const id of ['s7', 's12']) phones[id] = await stage.h.contestant(id);
    overlays = await openOverlays(stage);
  });

  afterAll(async () => {
    await stage?.close();
  });

  const command = (c: HostCommand) => hostCommand(host, c);
  /** Every overlay shows the state with no layout problem; shot transparent and over a stand-in video. */
  const check = (state: string, selector: string) => overlaysShow(overlays, state, selector, { floors: OVERLAY_FLOORS, shots: 'overlay' });

  it('is transparent, and shows the standings, a revealed question with its countdown, the buzz winner and likes at 16:9', { timeout: 120_000 }, async () => {
    const { h } = stage;
    await check('lobby', '[data-testid="overlay-scoreboard"]');

    // Transparent: the page, its body and its app paint nothing; between the plates the video shows.
    for (const { page } of overlays) {
      const backgrounds = await page.evaluate(() =>
        ['html', 'body', '#app', '[data-testid="overlay"]'].map((s) => {
          const style = getComputedStyle(document.querySelector(s) as Element);
          return `${s} ${style.backgroundColor} ${style.backgroundImage}`;
        }),
      );
      expect(backgrounds).toEqual(['html rgba(0, 0, 0, 0) none', 'body rgba(0, 0, 0, 0) none', '#app rgba(0, 0, 0, 0) none', '[data-testid="overlay"] rgba(0, 0, 0, 0) none']);
      expect(await page.evaluate(paintedInGap)).toEqual([]);
    }

    // The standings: every seat, rank order, nobody marked while all share first place.
    const first = overlays[0].page;
    expect(await byTestId(first, 'score-row').count()).toBe(21);
    expect(await byTestId(first, 'unlisted').textContent()).toBe(zh('overlay.unlisted', { n: 1 }));
    expect(await byTestId(first, 'leader-mark').count()).toBe(0);
    await command({ type: 'score:adjust', seatId: 's12', delta: 5, reason: '复核加分' });
    for (const { page } of overlays) {
      await byTestId(page, 'score-row', '[data-seat="s12"][data-leader="true"]').waitFor();
      expect(await byTestId(page, 'score-row').first().getAttribute('data-seat')).toBe('s12');
    }

    // The question is not on the overlay before it is asked (a title card), then it is, in full.
    await command({ type: 'question:next' });
    await overlays[0].page.locator('[data-testid="overlay-round"]').waitFor();
    expect(await byTestId(first, 'overlay-question').count()).toBe(0);
    await command({ type: 'question:next' });
    await check('reading', '[data-testid="overlay-question"][data-phase="reading"]');
    expect(await byTestId(first, 'stem').textContent()).toBe(STEM);
    expect(await byTestId(first, 'option').count()).toBe(8);
    // While the question is live the lower third keeps to one row, the leader first.
    await byTestId(first, 'overlay-scoreboard', '[data-compact="true"]').waitFor();
    expect(await byTestId(first, 'score-row').count()).toBe(3);
    expect(await byTestId(first, 'score-row').first().getAttribute('data-leader')).toBe('true');

    await command({ type: 'buzzers:open' });
    await check('open', '[data-testid="overlay-question"][data-phase="open"] >> [data-testid="countdown"]');

    // The buzz winner, once decided, with the answer countdown; the audience's likes beside the standings.
    await phones.s7.request('buzz:press', {});
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    h.app.io.to(channel.overlay(h.contestId)).emit('likes:total', { total: 12_000 });
    await check('buzz', '[data-testid="overlay-winner"][data-how="buzz"] >> [data-testid="winner"]');
    for (const { page } of overlays) {
      expect(await byTestId(page, 'winner').textContent()).toBe(SEATS[6].name);
      expect(await byTestId(page, 'likes-total').textContent()).toBe('1.2万');
      await byTestId(page, 'countdown').waitFor();
    }

    // A pause stands the countdown still and says so.
    await command({ type: 'show:pause' });
    await byTestId(first, 'phase-label').filter({ hasText: zh('overlay.paused') }).waitFor();
    await command({ type: 'show:resume' });

    // Ruled right: the answer in full and who got it; the winner plate goes, the standings move,
    // the new leader is marked.
    await command({ type: 'answer:rule', verdict: 'right' });
    await check('revealed', '[data-testid="overlay-question"][data-phase="revealed"]');
    for (const { page } of overlays) {
      expect(await byTestId(page, 'answer-text').textContent()).toBe(`A ${OPTIONS[0]}`);
      expect(await byTestId(page, 'overlay-outcome').textContent()).toBe(zh('outcome.right', { name: SEATS[6].name }));
      expect(await byTestId(page, 'overlay-winner').count()).toBe(0);
      await byTestId(page, 'overlay-scoreboard', '[data-compact="false"]').waitFor();
      expect(await byTestId(page, 'score-row').count()).toBe(21);
      await byTestId(page, 'score-row', '[data-seat="s7"][data-leader="true"]').waitFor();
      expect(await byTestId(page, 'score-row').first().getAttribute('data-seat')).toBe('s7');
      expect(await page.evaluate(paintedInGap)).toEqual([]);
    }
    expect(stage.pageErrors).toEqual([]);
  });

});
