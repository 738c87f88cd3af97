// S6: the contest file says when joining needs the host; a bad setting is named by its field; the
// host's settings form saves it (contest:define) and it is kept through a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { readContestFile } from '../../server/setup/demo.js';
import { drawContest } from '../../server/rooms/draw.js';
import { openStore } from '../../server/storage/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer } from '../support/harness.js';

const withJoining = (joining: unknown) => ({ ...(readContestFile() as object), joining });
const bank = loadBank(BUNDLED_BANK).questions;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('[S6] the joining setting', () => {
  it('[S6] "start" reaches the definition; a joining block without it means "lock"; none at all is the default', () => {
    const start = parseContestFile(withJoining({ approvalAfter: 'start' }));
    if (!start.ok) return expect.fail(start.issues.map((i) => i.zh).join('\n'));
    const drawn = drawContest(start.file, bank, 'seed');
    expect(drawn.ok && drawn.definition.joining).toEqual({ approvalAfter: 'start' });
    const empty = parseContestFile(withJoining({}));
    expect(empty.ok && empty.file.joining).toEqual({ approvalAfter: 'lock' });
    const none = parseContestFile(readContestFile());
    if (!none.ok) return expect.fail('the demo is refused');
    const plain = drawContest(none.file, bank, 'seed');
    expect(plain.ok && plain.definition.joining).toBeUndefined();
  });

  it('[S6] an unknown moment and an unknown field are each named, in Chinese and English', () => {
    const parsed = parseContestFile(withJoining({ approvalAfter: 'never', whitelist: [] }));
    if (parsed.ok) return expect.fail('accepted');
    const byPath = Object.fromEntries(parsed.issues.map((i) => [i.path, i]));
    expect(byPath['joining.approvalAfter'].zh).toMatch(/^加入 › 何时起需主持人批准.*：/);
    expect(byPath['joining.approvalAfter'].en).toMatch(/^Joining › When joining needs the host.*lock.*start/);
    expect(byPath.joining.zh).toMatch(/^加入：.*whitelist/);
  });

  it('[S6] saved from the settings form (contest:define): the host reads it back, and a restarted server keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const clock = new FakeClock();
    const file = join(dir, 'qiangda.db');
    const first = await startServer({ store: openStore(file), clock });
    const host = await first.host();
    expect(await host.request('contest:define', { file: withJoining({ approvalAfter: 'start' }) })).toEqual({ data: null });
    expect(first.room.state.definition.joining).toEqual({ approvalAfter: 'start' });
    const source = (await host.request('contest:source', {})) as { data: { joining?: unknown } };
    expect(source.data.joining).toEqual({ approvalAfter: 'start' });
    await first.close();
    first.store.close();

    // The process is gone; a new one opens the same file.
    const second = await startServer({ store: openStore(file), clock });
    cleanups.push(async () => {
      await second.close();
      second.store.close();
    });
    expect(second.contestId).toBe(first.contestId);
    expect(second.room.state.definition.joining).toEqual({ approvalAfter: 'start' });
  });
});
