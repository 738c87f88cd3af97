// Likes for a contest owned by another process reach its tally once (server/scale/like-batches.ts):
// a batch whose answer is lost is sent again unchanged and not counted twice, newer likes wait for
// the next batch, and nothing is lost while no owner answers.
import { describe, expect, it } from 'vitest';
import { LikeReceipts, OutgoingLikes, type LikeBatch } from '../../../server/scale/like-batches.js';

/** An owner's tally behind its receipts, as shared-audience.ts keeps it. */
function owner() {
  const receipts = new LikeReceipts();
  const totals = new Map<string, number>();
  const receive = (batch: LikeBatch) => {
    // A copy, as it arrives through Redis.
    const arrived = { ...batch };
    if (receipts.first(arrived)) totals.set(arrived.contestId, (totals.get(arrived.contestId) ?? 0) + arrived.count);
  };
  return { receive, totals };
}

describe('like batches between processes', () => {
  it('a batch counted by the owner whose answer was lost is sent again unchanged and counted once', () => {
    const out = new OutgoingLikes('process-b');
    const { receive, totals } = owner();
    out.add('c1', 5);
    out.add('c1', 2);
    const [first, ...more] = out.due();
    expect(more).toEqual([]);
    expect(first).toMatchObject({ contestId: 'c1', count: 7 });
    receive(first);
    // The answer never came back (a timeout): the same batch goes again.
    out.answered(first, false);
    out.add('c1', 1);
    expect(out.waiting).toBe(true);
    const [again, ...rest] = out.due();
    expect(again).toBe(first);
    expect(rest).toEqual([]);
    receive(again);
    out.answered(again, true);
    expect(totals.get('c1')).toBe(7);
    // The likes taken meanwhile go in the next batch, which is new to the owner.
    const [next] = out.due();
    expect(next).toMatchObject({ contestId: 'c1', count: 1 });
    expect(next.seq).toBeGreaterThan(first.seq);
    receive(next);
    out.answered(next, true);
    expect(totals.get('c1')).toBe(8);
    expect(out.waiting).toBe(false);
    expect(out.due()).toEqual([]);
  });

  it('while a batch is being asked, it is not sent twice; nothing is lost while no owner answers', () => {
    const out = new OutgoingLikes('process-b');
    const { receive, totals } = owner();
    out.add('c1', 3);
    out.add('c2', 4);
    const batches = out.due();
    expect(batches.map((b) => [b.contestId, b.count])).toEqual([
      ['c1', 3],
      ['c2', 4],
    ]);
    out.add('c1', 10);
    // Both questions are still out: nothing to send yet, and nothing to send again.
    expect(out.waiting).toBe(false);
    expect(out.due()).toEqual([]);
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const b of batches) out.answered(b, false);
      expect(out.due()).toEqual(batches);
    }
    for (const b of batches) {
      receive(b);
      out.answered(b, true);
    }
    // c1's likes that waited behind its batch go now.
    expect(out.waiting).toBe(true);
    const [last, ...none] = out.due();
    expect(none).toEqual([]);
    receive(last);
    out.answered(last, true);
    expect(Object.fromEntries(totals)).toEqual({ c1: 13, c2: 4 });
  });

  it('the owner tells the batches of different processes apart, and contests apart', () => {
    const b = new OutgoingLikes('process-b');
    const c = new OutgoingLikes('process-c');
    const { receive, totals } = owner();
    b.add('c1', 1);
    c.add('c1', 2);
    b.add('c2', 4);
    // Both processes number their first batch 1.
    const batches = [...b.due(), ...c.due()];
    expect(batches.filter((x) => x.contestId === 'c1').map((x) => x.seq)).toEqual([1, 1]);
    for (const x of batches) receive(x);
    for (const x of batches) receive(x);
    expect(Object.fromEntries(totals)).toEqual({ c1: 3, c2: 4 });
  });

  it('an answer for a batch that is no longer the one on its way changes nothing', () => {
    const out = new OutgoingLikes('process-b');
    out.add('c1', 1);
    const [first] = out.due();
    out.answered(first, true);
    out.add('c1', 2);
    const [second] = out.due();
    // A late answer to the first (a duplicate reply) does not settle the second.
    out.answered(first, false);
    out.answered(first, true);
    out.answered(second, false);
    expect(out.due()).toEqual([second]);
  });
});
