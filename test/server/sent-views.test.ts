// The last view sent on each channel (server/realtime/sent-views.ts): the first update on a
// channel is whole, later ones carry the changes, a forgotten channel starts whole again, and
// with scale-out every update is whole.
import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../shared/contest/views.js';
import { SentViews } from '../../server/realtime/sent-views.js';

const view = (fields: Record<string, unknown>) => fields as unknown as ContestView;

describe('SentViews', () => {
  it('sends a channel its first view whole, then what changed, and whole again once forgotten', () => {
    const sent = new SentViews();
    expect(sent.update('c:host', view({ title: 'T', stage: 'lobby' }), [], 1)).toEqual({ view: { title: 'T', stage: 'lobby' }, events: [], serverNow: 1 });
    expect(sent.update('c:host', view({ title: 'T', stage: 'round' }), [], 2)).toEqual({ changes: { stage: 'round' }, events: [], serverNow: 2 });
    // Each channel has its own last view.
    expect(sent.update('c:screen', view({ title: 'T', stage: 'round' }), [], 3)).toHaveProperty('view');
    sent.forget('c:host');
    expect(sent.update('c:host', view({ title: 'T', stage: 'round' }), [], 4)).toHaveProperty('view');
    expect(sent.update('c:host', view({ title: 'T', stage: 'round' }), [], 5)).toEqual({ changes: {}, events: [], serverNow: 5 });
  });

  it('sends every view whole when told to (scale-out)', () => {
    const sent = new SentViews(false);
    sent.update('c:host', view({ title: 'T' }), [], 1);
    expect(sent.update('c:host', view({ title: 'T' }), [], 2)).toHaveProperty('view');
  });
});
