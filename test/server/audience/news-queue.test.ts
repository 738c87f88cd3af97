// The audience process merges the news that arrives while it is still writing the last update:
// each viewer gets the latest view, likes total and comments once, with every update's events.
import { describe, expect, it } from 'vitest';
import { NewsQueue } from '../../../server/audience/news-queue.js';
import type { AudienceNews } from '../../../server/audience/audience-messages.js';
import type { WholeUpdate } from '../../../shared/protocol.js';

const update = (title: string, events: WholeUpdate['events'], serverNow: number): AudienceNews => ({
  event: 'contest:update',
  payload: { view: { title } as WholeUpdate['view'], events, serverNow },
});

describe('the audience’s news queue', () => {
  it('keeps the latest of each kind per contest, and every update’s events in order', () => {
    const queue = new NewsQueue();
    queue.add('c1', update('第一版', [{ type: 'buzz-won', seatId: 's1' }], 1));
    queue.add('c1', { event: 'likes:total', payload: { total: 10 } });
    queue.add('c2', update('另一场', [], 2));
    queue.add('c1', update('第二版', [], 3));
    queue.add('c1', update('第三版', [{ type: 'score-adjusted', seatId: 's1', delta: 10, reason: 'right' }], 4));
    queue.add('c1', { event: 'likes:total', payload: { total: 12 } });
    queue.add('c1', { event: 'comments:update', payload: { settings: { on: true, paused: false, projected: false, slowSeconds: 0 }, comments: [{ id: 'a', text: '加油', at: 5 }] } });

    const sent = queue.take();
    expect(sent.map(({ contestId, news }) => [contestId, news.event])).toEqual([
      ['c1', 'contest:update'],
      ['c1', 'likes:total'],
      ['c1', 'comments:update'],
      ['c2', 'contest:update'],
    ]);
    const [c1] = sent;
    expect(c1.news.payload).toEqual({
      view: { title: '第三版' },
      serverNow: 4,
      events: [
        { type: 'buzz-won', seatId: 's1' },
        { type: 'score-adjusted', seatId: 's1', delta: 10, reason: 'right' },
      ],
    });
    expect(sent[1].news.payload).toEqual({ total: 12 });
    expect(queue.size).toBe(0);
    expect(queue.take()).toEqual([]);
  });

  it('leaves what it was given untouched', () => {
    const queue = new NewsQueue();
    const first = update('第一版', [{ type: 'buzz-won', seatId: 's1' }], 1);
    queue.add('c1', first);
    queue.add('c1', update('第二版', [{ type: 'buzz-won', seatId: 's2' }], 2));
    queue.take();
    expect(first.event === 'contest:update' && first.payload.events).toEqual([{ type: 'buzz-won', seatId: 's1' }]);
  });

  it('drops what waits for one contest, and only that', () => {
    const queue = new NewsQueue();
    queue.add('c1', update('旧的', [{ type: 'buzz-won', seatId: 's1' }], 1));
    queue.add('c1', { event: 'likes:total', payload: { total: 3 } });
    queue.add('c2', update('另一场', [], 2));
    queue.drop('c1');
    queue.drop('c3');
    expect(queue.take().map(({ contestId, news }) => [contestId, news.event])).toEqual([['c2', 'contest:update']]);
  });
});
