// After a Redis outage, a process serving viewers of another process's contest asks the owner
// what they missed (SharedAudience.catchUp in server/scale/shared-audience.ts). Its answer never
// undoes newer news heard while the question was out, and a newer catch-up replaces an older one.
// The Socket.IO server is a stand-in here, so each question is answered when the test says.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ASK, NEWS, SharedAudience, type AudienceParts, type FirstSight } from '../../../server/scale/shared-audience.js';
import type { AudienceNews } from '../../../server/audience/audience-messages.js';

type Question = { kind: string; contestId?: string };

function otherProcess() {
  const handlers = new Map<string, (message: unknown) => void>();
  const asked: Array<{ question: Question; answer: (answer: unknown) => void }> = [];
  const io = {
    on: (event: string, handler: (message: unknown) => void) => void handlers.set(event, handler),
    serverSideEmit: (event: string, question: Question, reply: (error: Error | null, answers: unknown[]) => void) => {
      if (event === ASK) asked.push({ question, answer: (answer) => reply(null, [answer]) });
    },
    local: { to: () => ({ emit: () => true }) },
  };
  const audience = new SharedAudience({ io, log: () => {} } as unknown as AudienceParts, () => false);
  const relayed: AudienceNews[] = [];
  audience.relay = (_contestId, news) => void relayed.push(news);
  const news = (message: object) => handlers.get(NEWS)?.({ contestId: 'c1', teller: 'owner', epoch: 1, n: 1, ...message });
  return { audience, asked, relayed, news };
}

const sight = (likes: number, serverNow: number, question = 1, comments: string[] = []): FirstSight =>
  ({ update: { view: { question }, events: [], serverNow }, likes, comments: { comments }, teller: 'owner', epoch: 1, told: 0 }) as unknown as FirstSight;

/** A process that has served a viewer of contest c1: it asked the owner once and holds the answer. */
async function watching() {
  const p = otherProcess();
  const opening = p.audience.opening('c1');
  p.asked.shift()?.answer(sight(5, 100));
  await opening;
  return p;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('catching up after a Redis outage', () => {
  afterEach(() => void vi.useRealTimers());

  it('passes on what changed while Redis was away, and nothing that did not', async () => {
    const p = await watching();
    p.audience.catchUp();
    const [ask] = p.asked.splice(0);
    expect(ask.question).toEqual({ kind: 'first', contestId: 'c1' });
    // The likes went up meanwhile; the view did not change.
    ask.answer(sight(8, 200));
    await settle();
    expect(p.relayed).toEqual([{ event: 'likes:total', payload: { total: 8 } }]);
    p.audience.close();
  });

  it('news heard while the question was out is newer than the answer, and wins', async () => {
    const p = await watching();
    p.audience.catchUp();
    const [ask] = p.asked.splice(0);
    p.news({ kind: 'likes', total: 9 });
    p.news({ kind: 'comments', update: { comments: ['新'] } });
    // Built by the owner before that news: an older total and older comments, and a view that did change.
    ask.answer(sight(7, 150, 2, ['旧']));
    await settle();
    expect(p.relayed.map((n) => n.event)).toEqual(['likes:total', 'comments:update', 'contest:update']);
    expect(p.relayed[0].payload).toEqual({ total: 9 });
    expect(p.relayed[1].payload).toEqual({ comments: ['新'] });
    p.audience.close();
  });

  it("a newer outage's catch-up replaces the one before: the older answer is dropped", async () => {
    const p = await watching();
    p.audience.catchUp();
    p.audience.catchUp();
    const [older, newer] = p.asked.splice(0);
    newer.answer(sight(12, 300));
    older.answer(sight(6, 250));
    await settle();
    expect(p.relayed).toEqual([{ event: 'likes:total', payload: { total: 12 } }]);
    p.audience.close();
  });

  it('an owner that does not answer yet is asked again a second later, by the newest catch-up only', async () => {
    vi.useFakeTimers();
    const p = await watching();
    p.audience.catchUp();
    p.audience.catchUp();
    // Nobody answered either question (the owner's own connection still coming back).
    for (const ask of p.asked.splice(0)) ask.answer(null);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.asked.map((a) => a.question)).toEqual([{ kind: 'first', contestId: 'c1' }]);
    p.asked.splice(0)[0].answer(sight(9, 400));
    await vi.advanceTimersByTimeAsync(0);
    expect(p.relayed).toEqual([{ event: 'likes:total', payload: { total: 9 } }]);
    p.audience.close();
  });
});
