// A process serving viewers of a contest owned elsewhere asks the owner what they see first
// (server/scale/shared-audience.ts). The answer arrives only once every process has replied, so
// the owner may have told news after it answered; that news, heard while the question was out,
// is kept and folded into the answer, and news from before the answer is not. Around a takeover
// the lease's epochs say which news is newer; an owner that has lost the contest is not heard.
// Redis is stood in for by the two calls the class makes on the adapter: no redis-server needed.
import { describe, expect, it } from 'vitest';
import { ASK, NEWS, SharedAudience, type AudienceParts } from '../../../server/scale/shared-audience.js';
import type { ContestView } from '../../../shared/contest/views.js';
import type { CommentsUpdate } from '../../../shared/protocol.js';

/** The adapter's side of the class: handlers it listens with, and the questions it sent. */
function adapter() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const asked: Array<(error: Error | null, answers: unknown[]) => void> = [];
  const io = {
    on: (event: string, fn: (...args: unknown[]) => void) => void handlers.set(event, fn),
    serverSideEmit: (event: string, _question: unknown, reply?: (error: Error | null, answers: unknown[]) => void) => {
      if (event === ASK && reply) asked.push(reply);
    },
  };
  return { io, asked, hear: (news: object) => handlers.get(NEWS)?.(news) };
}

/** A process serving viewers of contest c1, owned elsewhere, whose first question is out. */
function askingFirst() {
  const redis = adapter();
  const shared = new SharedAudience({ io: redis.io } as unknown as AudienceParts, () => false);
  return { redis, shared, opening: shared.opening('c1') };
}

const view = (title: string) => ({ title }) as unknown as ContestView;
const comments = (...texts: string[]): CommentsUpdate => ({ settings: { on: true, paused: false, projected: false, slowSeconds: 0 }, comments: texts.map((text, i) => ({ id: `c${i}`, text, at: i })) });

describe('the first sight of a contest owned elsewhere', () => {
  it('takes in news the owner told after it answered, and not news from before', async () => {
    const { redis, shared, opening } = askingFirst();
    expect(redis.asked).toHaveLength(1);
    // While the other processes have yet to reply: the owner told news numbered 4 to 7, and
    // answered after its 5th.
    redis.hear({ kind: 'comments', contestId: 'c1', update: comments('隐藏前'), teller: 'owner', epoch: 1, n: 4 });
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('较早'), events: [], serverNow: 10 }, teller: 'owner', epoch: 1, n: 5 });
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('之后'), events: [{ type: 'buzzers-opened' }], serverNow: 30 }, teller: 'owner', epoch: 1, n: 6 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 9, teller: 'owner', epoch: 1, n: 7 });
    // News of another contest nobody asked about here is not kept.
    redis.hear({ kind: 'likes', contestId: 'c2', total: 1, teller: 'owner', epoch: 1, n: 8 });
    redis.asked[0](null, [null, { update: { view: view('回答'), events: [], serverNow: 20 }, likes: 3, comments: comments(), teller: 'owner', epoch: 1, told: 5 }]);
    expect(await opening).toEqual({ update: { view: view('之后'), events: [], serverNow: 30 }, likes: 9, comments: comments(), teller: 'owner', epoch: 1, told: 5 });
    // Asked again, the answer held here is given at once.
    expect(await shared.opening('c1')).toMatchObject({ likes: 9 });
    expect(redis.asked).toHaveLength(1);
    shared.close();
  });

  it('around a takeover, takes the new owner\'s news and not the old owner\'s, by the lease\'s epoch', async () => {
    const { redis, shared, opening } = askingFirst();
    // The contest's owner until it died (epoch 1) had told 900 pieces of news; the process that
    // took the contest over (epoch 2) had told 3 when it answered, then its 4th and 5th. The old
    // owner's last news arrives late, after the new owner's of the same kind: it must not push
    // that out, and is older whatever its number.
    redis.hear({ kind: 'comments', contestId: 'c1', update: comments('接管之后'), teller: 'new-owner', epoch: 2, n: 4 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 45, teller: 'new-owner', epoch: 2, n: 5 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 40, teller: 'old-owner', epoch: 1, n: 900 });
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('旧主'), events: [], serverNow: 25 }, teller: 'old-owner', epoch: 1, n: 901 });
    redis.asked[0](null, [{ update: { view: view('接管'), events: [], serverNow: 20 }, likes: 42, comments: comments(), teller: 'new-owner', epoch: 2, told: 3 }]);
    expect(await opening).toEqual({ update: { view: view('接管'), events: [], serverNow: 20 }, likes: 45, comments: comments('接管之后'), teller: 'new-owner', epoch: 2, told: 3 });
    shared.close();
  });

  it('when the owner before a takeover answered, takes all the new owner\'s news', async () => {
    const { redis, shared, opening } = askingFirst();
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('接管后'), events: [], serverNow: 30 }, teller: 'new-owner', epoch: 2, n: 1 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 50, teller: 'new-owner', epoch: 2, n: 2 });
    redis.asked[0](null, [{ update: { view: view('旧主回答'), events: [], serverNow: 20 }, likes: 42, comments: comments(), teller: 'old-owner', epoch: 1, told: 900 }]);
    expect(await opening).toEqual({ update: { view: view('接管后'), events: [], serverNow: 30 }, likes: 50, comments: comments(), teller: 'old-owner', epoch: 2, told: 900 });
    shared.close();
  });

  it('once it holds the first sight, takes no news from an owner that has lost the contest', async () => {
    const { redis, shared, opening } = askingFirst();
    redis.asked[0](null, [{ update: { view: view('回答'), events: [], serverNow: 20 }, likes: 3, comments: comments(), teller: 'old-owner', epoch: 1, told: 10 }]);
    await opening;
    // The new owner's news, then the old owner's (stalled past its lease, still telling).
    redis.hear({ kind: 'likes', contestId: 'c1', total: 8, teller: 'new-owner', epoch: 2, n: 1 });
    redis.hear({ kind: 'comments', contestId: 'c1', update: comments('新主'), teller: 'new-owner', epoch: 2, n: 2 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 5, teller: 'old-owner', epoch: 1, n: 11 });
    redis.hear({ kind: 'comments', contestId: 'c1', update: comments('旧主'), teller: 'old-owner', epoch: 1, n: 12 });
    expect(await shared.opening('c1')).toMatchObject({ likes: 8, comments: comments('新主'), epoch: 2 });
    shared.close();
  });

  it('a later epoch\'s news counts as heard even when its view is older on the clock than the one held', async () => {
    const { redis, shared, opening } = askingFirst();
    redis.asked[0](null, [{ update: { view: view('回答'), events: [], serverNow: 20 }, likes: 3, comments: comments(), teller: 'old-owner', epoch: 1, told: 10 }]);
    await opening;
    // The new owner's view, stamped before the answer (not taken), then the lost owner's likes.
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('新主'), events: [], serverNow: 15 }, teller: 'new-owner', epoch: 2, n: 1 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 99, teller: 'old-owner', epoch: 1, n: 11 });
    expect(await shared.opening('c1')).toMatchObject({ update: { view: view('回答') }, likes: 3, epoch: 2 });
    shared.close();
  });

  it('when an owner stalled past its lease answers beside the new one, takes the new one\'s answer', async () => {
    const { redis, shared, opening } = askingFirst();
    const old = { update: { view: view('旧主'), events: [], serverNow: 20 }, likes: 3, comments: comments(), teller: 'old-owner', epoch: 1, told: 10 };
    const now = { update: { view: view('新主'), events: [], serverNow: 19 }, likes: 7, comments: comments(), teller: 'new-owner', epoch: 2, told: 4 };
    redis.asked[0](null, [null, old, now]);
    expect(await opening).toEqual(now);
    shared.close();
  });

  it('news and answers without an epoch (a process from before epochs) count as epoch 0', async () => {
    const { redis, shared, opening } = askingFirst();
    redis.asked[0](null, [{ update: { view: view('回答'), events: [], serverNow: 20 }, likes: 3, comments: comments(), teller: 'owner', epoch: 2, told: 10 }]);
    await opening;
    redis.hear({ kind: 'likes', contestId: 'c1', total: 4, teller: 'owner', epoch: 2, n: 11 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 9, teller: 'old-version', n: 1 });
    expect(await shared.opening('c1')).toMatchObject({ likes: 4, epoch: 2 });
    shared.close();
  });
});
