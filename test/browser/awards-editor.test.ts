// Prizes in the contest settings (AW1-AW3), in a browser: the host turns prizes on (一等奖 1,
// 二等奖 3, 三等奖 6), is told beside the form when thresholds do not descend, and saves them
// into the contest's definition.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, hasChromium, requireBrowser, SHOTS, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('prizes in the contest settings');

const contestFile = {
  format: 'qiangda-contest',
  version: 1,
  title: '党史知识竞赛决赛',
  seats: [{ name: '甲队' }, { name: '乙队' }],
  stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 2 }] }],
};

describe.skipIf(!hasChromium)('prizes in the contest settings', () => {
  let stage: BrowserStage;
  let host: Page;

  beforeAll(async () => {
    stage = await startStage();
    const client = await stage.h.host();
    expect(await client.request('contest:define', { file: contestFile })).toEqual({ data: null });
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[AW1][AW2] turned on, checked by the server, saved into the definition', { timeout: 60_000 }, async () => {
    host = await stage.host();
    await byTestId(host, 'editor', '[data-status="ready"]').waitFor();
    await byTestId(host, 'editor-awards-on').check();
    expect(await byTestId(host, 'editor-tier-name').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(['一等奖', '二等奖', '三等奖']);
    expect(await byTestId(host, 'editor-tier-count').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(['1', '3', '6']);

    // By threshold, with two equal minimums: the server names the field.
    await byTestId(host, 'editor-awards-by').selectOption('threshold');
    await byTestId(host, 'editor-tier-min').nth(0).fill('80');
    await byTestId(host, 'editor-tier-min').nth(1).fill('80');
    await byTestId(host, 'editor-tier-min').nth(2).fill('60');
    await byTestId(host, 'editor-save').click();
    const issue = byTestId(host, 'editor-issue');
    await issue.first().waitFor();
    expect(await issue.getAttribute('data-path')).toBe('awards.tiers.1.minTotal');
    expect(await issue.textContent()).toContain(zh('awards.definition.descending'));
    await byTestId(host, 'editor-awards').screenshot({ path: `${SHOTS}/awards-editor-issue.png`, animations: 'disabled' });

    // Back to places, a tie going to the host: saved.
    await byTestId(host, 'editor-awards-by').selectOption('count');
    await byTestId(host, 'editor-awards-tie').selectOption('host');
    await byTestId(host, 'editor-tier-count').nth(2).fill('5');
    await byTestId(host, 'editor-save').click();
    await byTestId(host, 'banner').filter({ hasText: zh('editor.saved') }).waitFor();
    await expect.poll(() => stage.h.room.state.definition.awards).toEqual({ by: 'count', boundaryTie: 'host', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 5 }] });
    await byTestId(host, 'editor-awards').screenshot({ path: `${SHOTS}/awards-editor.png`, animations: 'disabled' });
    expect(stage.pageErrors).toEqual([]);
  });
});
