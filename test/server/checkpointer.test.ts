// The log's write-ahead file is copied into the database on a thread of its own (checkpointer.ts),
// so SQLite's own checkpoint, inside a commit on the event loop, finds little left to copy. The
// thread's copy lands in the database file, and a store closed after it still closes last and
// folds the write-ahead file back, with every command in it.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checkpointer, type Checkpointed } from '../../server/storage/checkpointer.js';
import { CHECKPOINT_EVERY, openStore } from '../../server/storage/store.js';
import { closedAfterEach } from '../support/closed-after-each.js';
import { definition } from '../support/definitions.js';

const { stores, tempDir } = closedAfterEach();

describe('the checkpoint thread', () => {
  it('copies the log into the database file as commands are appended, and closes before the store', async () => {
    const file = join(tempDir('qiangda-checkpoint-'), 'qiangda.db');
    const checkpoints: Checkpointed[] = [];
    let firstCheckpoint = () => {};
    const checkpointed = new Promise<void>((resolve) => (firstCheckpoint = resolve));
    const store = openStore(file, {
      onCheckpoint: (done) => {
        checkpoints.push(done);
        firstCheckpoint();
      },
    });
    stores.push(store);
    store.createContest({ id: 'c1', createdAt: 1, definition: definition(), source: null, hostKey: 'k', seats: [] });
    const before = statSync(file).size;
    // Fewer pages than SQLite's own checkpoint waits for: only the thread copies them.
    for (let seq = 1; seq <= CHECKPOINT_EVERY; seq++) {
      store.appendCommand('c1', seq, { type: 'score:adjust', seatId: 's1', delta: 1, reason: `第${seq}条${'理由'.repeat(40)}`, at: seq });
    }
    await checkpointed;
    expect(checkpoints[0]?.pages).toBeGreaterThan(0);
    // Nobody else reads or writes: everything in the write-ahead file was copied.
    expect(checkpoints[0]?.pages).toBe(checkpoints[0]?.of);
    expect(statSync(file).size).toBeGreaterThan(before);

    store.close();
    // The thread's connection was gone first: the store's was the last, and removed the file.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = openStore(file);
    stores.push(reopened);
    expect(reopened.loadContest('c1')?.commands).toHaveLength(CHECKPOINT_EVERY);
  });

  it('stops a thread still starting when the store closes, and loses nothing', () => {
    const file = join(tempDir('qiangda-checkpoint-'), 'qiangda.db');
    const logs: string[] = [];
    const store = openStore(file, { log: (m) => logs.push(m) });
    stores.push(store);
    store.createContest({ id: 'c1', createdAt: 1, definition: definition(), source: null, hostKey: 'k', seats: [] });
    // The last append asks for the thread, and the store closes in the same turn.
    for (let seq = 1; seq <= CHECKPOINT_EVERY; seq++) store.appendCommand('c1', seq, { type: 'question:next', at: seq });
    store.close();
    expect(logs).toEqual([]);
    const reopened = openStore(file);
    stores.push(reopened);
    expect(reopened.loadContest('c1')?.commands.map((c) => c.at)).toEqual(Array.from({ length: CHECKPOINT_EVERY }, (_, i) => i + 1));
  });

  it('a thread that cannot open the file is logged once, and closing does not wait for it', async () => {
    const logs: string[] = [];
    let failed = () => {};
    const logged = new Promise<void>((resolve) => (failed = resolve));
    const checkpointer = new Checkpointer(join(tempDir('qiangda-checkpoint-'), 'missing', 'qiangda.db'), (m) => {
      logs.push(m);
      failed();
    });
    checkpointer.ask();
    await logged;
    checkpointer.ask();
    checkpointer.close();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/checkpoint thread failed/);
  });
});
