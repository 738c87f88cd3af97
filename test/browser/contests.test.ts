// The organiser's page (赛事管理) in a real browser at 1920x1080: every contest of the data folder
// listed; a new one from the demo; a bad contest file's problems named; one closed (after asking)
// and marked read-only; its host console opened from the list shows the 只读 bar and nothing to
// press; its archive downloaded and refused when restored into the folder that holds it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, en, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('the organiser page in a browser');

describe.skipIf(!hasChromium)('the organiser page in a browser', () => {
  let stage: BrowserStage;
  let page: Page;
  const row = (id: string) => byTestId(page, 'contest-row', `[data-id="${id}"]`);
  /** The refusals a test provokes show in the console as failed loads: take out exactly those. */
  const takeRefusals = (status: number, count: number) => {
    const refusal = (e: string) => e.includes(`Failed to load resource: the server responded with a status of ${status}`);
    expect(stage.pageErrors.filter(refusal)).toHaveLength(count);
    stage.pageErrors.splice(0, Infinity, ...stage.pageErrors.filter((e) => !refusal(e)));
  };

  beforeAll(async () => {
    stage = await startStage();
    // The harness's contest has begun: one command logged.
    const host = await stage.h.host();
    await host.request('host:command', { type: 'question:next' });
    stage.h.clock.advance(3_600_000);
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('lists the folder\'s contests, creates one from the demo, and names a bad file\'s problems', { timeout: 90_000 }, async () => {
    const { h } = stage;
    page = await stage.open('screen', `/contests/?key=${encodeURIComponent(h.app.contests.organiserKey())}`);
    await row(h.contestId).waitFor();
    expect(await page.title()).toContain(zh('contests.pageTitle'));
    expect(await row(h.contestId).getAttribute('data-status')).toBe('running');

    await byTestId(page, 'create-demo').click();
    await byTestId(page, 'banner').filter({ hasText: zh('contests.created', { title: '党史知识竞赛（演示）' }) }).waitFor();
    await byTestId(page, 'contest-row').nth(1).waitFor();
    const demo = h.store.listContests()[0];
    expect(await byTestId(page, 'contest-row').first().getAttribute('data-id')).toBe(demo.id);
    expect(await row(demo.id).locator('[data-testid="contest-status"]').textContent()).toBe(zh('contests.status.not-started'));

    const bad = { format: 'qiangda-contest', version: 1, title: '', seats: [{ name: '甲' }], stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 0 }] }] };
    await byTestId(page, 'create-file').setInputFiles({ name: '决赛.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await byTestId(page, 'create-issue').nth(1).waitFor();
    expect(await byTestId(page, 'create-issue').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')))).toEqual(['title', 'stages.0.rounds.0.questions']);
    await byTestId(page, 'create-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json') });
    await byTestId(page, 'create-error').filter({ hasText: zh('contests.create.notJson', { name: 'notes.txt' }) }).waitFor();
    expect(h.store.listContests()).toHaveLength(2);
    await byTestId(page, 'create-file').setInputFiles({ name: '决赛.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await byTestId(page, 'create-issue').nth(1).waitFor();
    await shot(page, 'organiser-list.png');
    takeRefusals(400, 2);
    expect(stage.pageErrors).toEqual([]);
  });

  it('closes a contest after asking, marks it read-only, and its console says so', { timeout: 90_000 }, async () => {
    const { h } = stage;
    page.once('dialog', (dialog) => void dialog.accept());
    await row(h.contestId).locator('[data-testid="contest-close"]').click();
    await byTestId(page, 'contest-row', `[data-id="${h.contestId}"][data-status="closed"]`).waitFor();
    expect(await row(h.contestId).locator('[data-testid="contest-status"]').textContent()).toBe(zh('contests.status.closed'));
    expect(await row(h.contestId).locator('[data-testid="contest-close"]').count()).toBe(0);
    expect(h.room.closedAt).not.toBeNull();
    await byTestId(page, 'banner').filter({ hasText: zh('contests.closed', { title: '测试竞赛' }) }).waitFor();
    await shot(page, 'organiser-closed.png');

    const href = await row(h.contestId).locator('[data-testid="contest-host"]').getAttribute('href');
    const host = await stage.open('host', href ?? '');
    await byTestId(host, 'read-only').waitFor();
    expect(await byTestId(host, 'read-only').textContent()).toContain(zh('host.readOnly'));
    const buttons = host.locator('[data-testid^="control-"]');
    expect(await buttons.count()).toBeGreaterThan(0);
    expect(await buttons.evaluateAll((all) => all.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    // A key press is refused by the server too, in words.
    await host.locator('h1').click();
    await host.keyboard.press('n');
    await byTestId(host, 'banner').filter({ hasText: zh('error.contest-closed') }).waitFor();
    await shot(host, 'host-read-only.png');
    expect(h.store.loadContest(h.contestId)?.commands).toHaveLength(1);
    expect(stage.pageErrors).toEqual([]);
  });

  it('downloads an archive; restoring it where it already is is refused, in the page\'s language', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const [download] = await Promise.all([page.waitForEvent('download'), row(h.contestId).locator('[data-testid="contest-archive"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^测试竞赛-\d{4}-\d{2}-\d{2}\.qiangda$/);
    const file = await download.path();
    await byTestId(page, 'language-switch').click();
    await byTestId(page, 'restore-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: readFileSync(file) });
    await byTestId(page, 'restore-error').filter({ hasText: en('error.contest-exists') }).waitFor();
    expect(await row(h.contestId).locator('[data-testid="contest-status"]').textContent()).toBe(en('contests.status.closed'));
    await shot(page, 'organiser-en.png');
    takeRefusals(409, 1);
    expect(h.store.listContests()).toHaveLength(2);
    expect(stage.pageErrors).toEqual([]);

    // [D3] An archive whose log holds a command the engine refuses is refused, naming it.
    const inside = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
    const log = inside.contest.log as { command: { type: string; at: number }; requestId: string | null }[];
    log.push({ command: { type: 'ruling:undo', at: (log.at(-1)?.command.at ?? 0) + 1 }, requestId: null });
    inside.sha256 = createHash('sha256').update(JSON.stringify(inside.contest)).digest('hex');
    await byTestId(page, 'restore-file').setInputFiles({ name: 'spoiled.qiangda', mimeType: 'application/gzip', buffer: gzipSync(JSON.stringify(inside)) });
    const named = en('replay.archive.refused', { n: log.length, type: 'ruling:undo', error: 'nothing-to-undo' });
    await byTestId(page, 'restore-error').filter({ hasText: named }).waitFor();
    await shot(page, 'organiser-refused-replay-en.png');
    takeRefusals(400, 1);
    expect(h.store.listContests()).toHaveLength(2);
    expect(stage.pageErrors).toEqual([]);
  });
});
