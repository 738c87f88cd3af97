// A process serving viewers of a contest owned elsewhere asks the owner what they see first
// (server/scale/shared-audience.ts). The answer arrives only once every process has replied, so
// the owner may have told news after it answered; that news, heard while the question was out,
// is kept and folded into the answer, and news from before the answer is not. Each process
// numbers its own news: around a takeover another process's news counts only as a view newer on
// the clock. Redis is stood in for by the two calls the class makes on the adapter: no
// redis-server needed.
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

const view = (title: string) => ({ title }) as unknown as ContestView;
const comments = (...texts: string[]): CommentsUpdate => ({ settings: { on: true, paused: false, projected: false, slowSeconds: 0 }, comments: texts.map((text, i) => ({ id: `c${i}`, text, at: i })) });

describe('the first sight of a contest owned elsewhere', () => {
  it('takes in news the owner told after it answered, and not news from before', async () => {
    const redis = adapter();
    const shared = new SharedAudience({ io: redis.io } as unknown as AudienceParts, () => false);
    const opening = shared.opening('c1');
    expect(redis.asked).toHaveLength(1);
    // While the other processes have yet to reply: the owner told news numbered 4 to 7, and
    // answered after its 5th.
    redis.hear({ kind: 'comments', contestId: 'c1', update: comments('隐藏前'), teller: 'owner', n: 4 });
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('较早'), events: [], serverNow: 10 }, teller: 'owner', n: 5 });
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('之后'), events: [{ type: 'buzzers-opened' }], serverNow: 30 }, teller: 'owner', n: 6 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 9, teller: 'owner', n: 7 });
    // News of another contest nobody asked about here is not kept.
    redis.hear({ kind: 'likes', contestId: 'c2', total: 1, teller: 'owner', n: 8 });
    redis.asked[0](null, [null, { update: { view: view('回答'), events: [], serverNow: 20 }, likes: 3, comments: comments(), teller: 'owner', told: 5 }]);
    expect(await opening).toEqual({ update: { view: view('之后'), events: [], serverNow: 30 }, likes: 9, comments: comments(), teller: 'owner', told: 5 });
    // Asked again, the answer held here is given at once.
    expect(await shared.opening('c1')).toMatchObject({ likes: 9 });
    expect(redis.asked).toHaveLength(1);
    shared.close();
  });

  it('takes news from another process (around a takeover) only as views newer on the clock', async () => {
    const redis = adapter();
    const shared = new SharedAudience({ io: redis.io } as unknown as AudienceParts, () => false);
    const opening = shared.opening('c1');
    // The contest's owner until it died had told 900 pieces of news; the process that took the
    // contest over had told 3 when it answered, then its 4th and 5th. The old owner's last news
    // arrives late, after the new owner's of the same kind: it must not push that out.
    redis.hear({ kind: 'comments', contestId: 'c1', update: comments('接管之后'), teller: 'new-owner', n: 4 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 45, teller: 'new-owner', n: 5 });
    redis.hear({ kind: 'likes', contestId: 'c1', total: 40, teller: 'old-owner', n: 900 });
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('旧主'), events: [], serverNow: 5 }, teller: 'old-owner', n: 901 });
    redis.asked[0](null, [{ update: { view: view('接管'), events: [], serverNow: 20 }, likes: 42, comments: comments(), teller: 'new-owner', told: 3 }]);
    expect(await opening).toEqual({ update: { view: view('接管'), events: [], serverNow: 20 }, likes: 45, comments: comments('接管之后'), teller: 'new-owner', told: 3 });
    shared.close();
  });

  it('when the owner before a takeover answered, takes the new owner\'s views that are newer on the clock', async () => {
    const redis = adapter();
    const shared = new SharedAudience({ io: redis.io } as unknown as AudienceParts, () => false);
    const opening = shared.opening('c1');
    redis.hear({ kind: 'update', contestId: 'c1', update: { view: view('接管后'), events: [], serverNow: 30 }, teller: 'new-owner', n: 1 });
    // Likes have no time on them: another process's count is left for its next news.
    redis.hear({ kind: 'likes', contestId: 'c1', total: 50, teller: 'new-owner', n: 2 });
    redis.asked[0](null, [{ update: { view: view('旧主回答'), events: [], serverNow: 20 }, likes: 42, comments: comments(), teller: 'old-owner', told: 900 }]);
    expect(await opening).toEqual({ update: { view: view('接管后'), events: [], serverNow: 30 }, likes: 42, comments: comments(), teller: 'old-owner', told: 900 });
    shared.close();
  });
});
