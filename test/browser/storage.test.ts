// Issue 5 in a real browser: the disk fills up mid-question. The host console shows a red alarm
// saying what is wrong and what to do, a refused key says it had no effect, a phone's refused
// buzz says so too; once space is freed the next key works and the alarm goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { fillDisk } from '../support/full-disk.js';
import { byTestId, en, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('storage failures in a browser');

describe.skipIf(!hasChromium)('storage failures in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-browser-storage-'));
  let store: Store;
  let stage: BrowserStage;

  beforeAll(async () => {
    store = openStore(join(dir, 'qiangda.db'));
    stage = await startStage({ store });
  });

  afterAll(async () => {
    await stage?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The host's laptop at 1280x800, a common projector-side resolution. */
  async function hostAt1280(): Promise<Page> {
    const context = await stage.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => stage.pageErrors.push(`host: ${error.message}`));
    await page.goto(`${stage.h.url}/host/?c=${stage.h.contestId}&key=${stage.h.hostKey}`);
    return page;
  }

  it('a full disk puts a red alarm on the host console until space is freed; refused keys and buzzes say so', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const host = await hostAt1280();
    const phone = await stage.phone('s1');
    await byTestId(host, 'host-seat', '[data-seat="s1"]').locator('[data-testid="seat-online"]').waitFor();
    await host.keyboard.press('n');
    await byTestId(phone, 'round-card').waitFor();
    await host.keyboard.press('n');
    await byTestId(phone, 'buzzer', '[data-look="closed"]').waitFor();
    expect(await byTestId(host, 'storage-alert').count()).toBe(0);

    // The disk fills up; a score correction from the host's other device is the first write refused.
    const disk = fillDisk(store, h.contestId);
    const staff = await h.host();
    expect(await staff.request('host:command', { type: 'score:adjust', seatId: 's2', delta: 1, reason: '更正' })).toEqual({ error: ErrorCode.StorageFailed });

    // The console's alarm, in the host's language, and a refused key's own message.
    const alarm = byTestId(host, 'storage-alert', '[data-kind="disk-full"]');
    await alarm.waitFor();
    expect(await byTestId(host, 'storage-problem').textContent()).toBe(
      `${zh('storage.problem.disk-full')}${zh('storage.separator')}${zh('storage.advice.disk-full')}`,
    );
    await host.keyboard.press('Space');
    await byTestId(host, 'banner').filter({ hasText: zh('error.storage-failed') }).waitFor();
    expect(h.room.state.question?.phase).toBe('reading');
    const box = await alarm.boundingBox();
    expect(box && box.width).toBeGreaterThan(1000);
    await shot(host, 'host-storage-disk-full.png');

    // A phone's press is refused as well, and the contestant is told.
    await byTestId(phone, 'buzzer').tap();
    await byTestId(phone, 'press-feedback').filter({ hasText: zh('error.storage-failed') }).waitFor();
    await shot(phone, 'phone-storage-refused.png');

    await byTestId(host, 'language-switch').click();
    await byTestId(host, 'storage-problem').filter({ hasText: en('storage.advice.disk-full') }).waitFor();
    await shot(host, 'host-storage-disk-full-en.png');
    await byTestId(host, 'language-switch').click();

    // Space freed: the same key now works, and the alarm goes.
    disk.free();
    await host.keyboard.press('Space');
    await byTestId(phone, 'buzzer', '[data-look="open"]').waitFor();
    await alarm.waitFor({ state: 'detached' });
    await byTestId(host, 'banner').waitFor({ state: 'detached' });
    await shot(host, 'host-storage-recovered.png');
    expect(stage.pageErrors).toEqual([]);
  });
});
