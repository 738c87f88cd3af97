// A question-bank import is on disk before it is reported: the store syncs its log for contest
// commands on its own, so the bank asks for a sync after each import's transaction. A sync that
// fails is reported as storage-failed, never as imported.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importQuestions } from '../../../server/bank/import.js';
import { parseBankFile } from '../../../server/bank/parse.js';
import { openBank } from '../../../server/bank/store.js';
import { openStore } from '../../../server/storage/store.js';
import { closedAfterEach } from '../../support/closed-after-each.js';

const { stores, tempDir } = closedAfterEach();

const CSV = ['题型,题目,选项A,选项B,答案,分类,难度', '单选,中国共产党第一次全国代表大会在哪一年召开？,1921年,1949年,A,党史,1', '判断,遵义会议在1935年召开。,,,对,党史,2'].join('\n');
const upload = { name: 'bank.csv', bytes: new TextEncoder().encode(CSV) };

/** A store on a real file whose syncs the test sees: how many questions each one covered. */
function bankOnDisk() {
  const syncs: { questions: number }[] = [];
  const fail = { next: null as Error | null };
  const store = openStore(join(tempDir('qiangda-bank-'), 'qiangda.db'), {
    fsync: () => {
      if (fail.next) throw fail.next;
      syncs.push({ questions: (store.db.prepare('SELECT COUNT(*) AS n FROM bank_questions').get() as { n: number }).n });
    },
  });
  stores.push(store);
  return { bank: openBank(store), syncs, fail };
}

describe('a bank import is synced before it is reported', () => {
  it('syncs once the questions are committed, then reports them imported', async () => {
    const { bank, syncs } = bankOnDisk();
    const report = await importQuestions(bank, upload, 'all', parseBankFile);
    expect(report).toMatchObject({ outcome: 'imported', imported: 2 });
    // The last sync saw both questions: it came after the commit, not before it.
    expect(syncs.at(-1)).toEqual({ questions: 2 });
  });

  it('reports storage-failed, not imported, when the disk refuses the sync', async () => {
    const { bank, fail } = bankOnDisk();
    fail.next = new Error('EIO: i/o error, fdatasync');
    const report = await importQuestions(bank, upload, 'all', parseBankFile);
    expect(report.outcome).toBe('storage-failed');
    expect(report.imported).toBe(0);
    expect(report.errors[0]).toMatchObject({ code: 'storage-failed', params: { reason: expect.stringContaining('EIO') } });
  });

  it('writes nothing and syncs nothing for a check', async () => {
    const { bank, syncs } = bankOnDisk();
    const before = syncs.length;
    const report = await importQuestions(bank, upload, 'check', parseBankFile);
    expect(report.outcome).toBe('checked');
    expect(bank.count()).toBe(0);
    expect(syncs.length).toBe(before);
  });
});
