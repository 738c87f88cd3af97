// The audience's and the overlay's views: what the big screen shows, minus phones, links and codes.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../../shared/contest/arbiter.js';
import type { ContestView } from '../../../shared/contest/views.js';
import { startServer, type Harness, type TestClient } from '../../support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** Empty as a view sends what a role may not see: null, 0, '', false, [] or absent. */
const empty = (value: unknown) => value === null || value === undefined || value === 0 || value === '' || value === false || (Array.isArray(value) && value.length === 0);

/** Every leaf of `seen` is the screen's own value, or empty where the screen shows more. */
function withinScreen(seen: unknown, screen: unknown, path = 'view'): string[] {
  if (seen !== null && typeof seen === 'object') {
    if (screen === null || typeof screen !== 'object') return empty(seen) ? [] : [path];
    return Object.entries(seen).flatMap(([key, value]) => withinScreen(value, (screen as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return seen === screen || empty(seen) ? [] : [path];
}

async function stageOf(h: Harness) {
  const host = await h.host();
  const screen = await h.screen();
  const phones = [await h.contestant('s1'), await h.contestant('s2')];
  const audience = h.connect({ role: 'audience' });
  const overlay = h.connect({ role: 'overlay' });
  await Promise.all([audience.ready(), overlay.ready()]);
  return { host, screen, phones, audience, overlay };
}

function leaksNothing(view: ContestView, h: Harness) {
  const text = JSON.stringify(view);
  for (const code of Object.values(h.joinCodes)) expect(text).not.toContain(code);
  expect(text).not.toContain('qiangda.test');
  expect(view.joinUrl).toBe('');
  for (const seat of view.seats) {
    expect(seat).toMatchObject({ claimed: 0, connected: 0, joinCode: null });
    expect(seat.phoneList).toBeUndefined();
  }
}

describe('audience and overlay views', () => {
  it('[S2] in the lobby: the seats and scores as the screen shows them, no join codes, link or phone counts', async () => {
    h = await startServer();
    const { screen, audience, overlay } = await stageOf(h);
    await screen.until((v) => v.seats.every((s) => s.connected === 1 || s.id === 's3'));
    expect(screen.view?.joinUrl).not.toBe('');
    for (const page of [audience, overlay]) {
      const view = page.view as ContestView;
      leaksNothing(view, h);
      expect(withinScreen({ ...view, role: screen.view?.role }, screen.view)).toEqual([]);
      expect(view.seats.map((s) => s.name)).toEqual(screen.view?.seats.map((s) => s.name));
    }
  });

  it('[B3] after a buzz: who buzzed and the lead reach the audience, nothing the screen lacks', async () => {
    h = await startServer();
    const { host, screen, phones, audience, overlay } = await stageOf(h);
    await host.request('host:command', { type: 'question:next' });
    await host.request('host:command', { type: 'question:next' });
    await host.request('host:command', { type: 'buzzers:open' });
    await phones[1].request('buzz:press', {});
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    const answering = (v: ContestView) => v.question?.phase === 'answering';
    await Promise.all([screen.until(answering), audience.until(answering), overlay.until(answering)]);
    for (const page of [audience, overlay]) {
      const view = page.view as ContestView;
      leaksNothing(view, h);
      expect(withinScreen({ ...view, role: screen.view?.role }, screen.view)).toEqual([]);
      expect(view.question).toEqual(screen.view?.question);
    }
  });
});

export type { TestClient };
