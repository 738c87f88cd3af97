// Stage updates carry what changed (shared/view-changes.ts, server/realtime/sent-views.ts): a page
// is sent its whole view when it joins, then the changed fields only, and what it holds after
// merging them is, step after step, the view the server would send it whole.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { viewFor } from '../../shared/contest/views.js';
import type { HostCommand } from '../../shared/contest/commands.js';
import { closedAfterEach } from '../support/closed-after-each.js';
import type { TestClient } from '../support/harness.js';
import { pumpFor, pumpUntil } from '../support/latency-proxy.js';
import { pumpedStage } from '../support/pumped-stage.js';

const { harnesses } = closedAfterEach();

/** A contest of four seats, three of them held by phones. */
async function stage() {
  const { clock, h, host, screen, phones } = await pumpedStage(harnesses, 4, ['s1', 's2', 's3']);
  /** The view the server would send each page whole now, for its role and seat. */
  const whole = (client: TestClient) => {
    const role = client === host ? 'host' : client === screen ? 'screen' : 'contestant';
    return viewFor(role, h.room.state, h.room.facts(), client.view?.me ?? null);
  };
  const command = async (c: HostCommand) => {
    expect(await pumpUntil(clock, host.request('host:command', c))).toEqual({ data: null });
    await pumpFor(clock, 10);
  };
  return { clock, h, host, screen, phones, pages: [host, screen, ...phones], whole, command };
}

/** What a page was sent from now on, as it came. */
const sentFrom = (client: TestClient) => {
  const before = client.received.length;
  return () => client.received.slice(before);
};

describe('stage updates carry what changed', () => {
  it('a page holds, after each update, the whole view the server would send it; most updates are changes only', async () => {
    const { clock, host, screen, phones, pages, whole, command } = await stage();
    for (const page of pages) expect('view' in page.received[0]).toBe(true);
    const sent = pages.map(sentFrom);
    const steps: Array<() => Promise<unknown>> = [
      () => command({ type: 'question:next' }),
      () => command({ type: 'question:next' }),
      () => command({ type: 'buzzers:open' }),
      async () => {
        expect(await pumpUntil(clock, phones[1].request('buzz:press', {}))).toMatchObject({ data: {} });
        await pumpFor(clock, DEFAULT_FAIRNESS.maxCreditMs + 1);
      },
      () => command({ type: 'answer:rule', verdict: 'right' }),
      () => command({ type: 'score:adjust', seatId: 's3', delta: -5, reason: '违规' }),
      () => command({ type: 'ruling:undo' }),
    ];
    for (const step of steps) {
      await step();
      for (const page of pages) expect(page.view).toEqual(whole(page));
    }
    const all = sent.flatMap((s) => s());
    const changesOnly = all.filter((u) => 'changes' in u);
    expect(changesOnly.length).toBeGreaterThan(all.length / 2);
    // The contest's title never changed: no update after the first carried it again.
    for (const u of changesOnly) expect('changes' in u && 'title' in u.changes).toBe(false);
    expect(screen.view?.title).toBe(host.view?.title);
  });

  it('the update after a page joins a channel is whole for everyone on it', async () => {
    const { h, clock, screen, command } = await stage();
    await command({ type: 'question:next' });
    expect('changes' in screen.received.at(-1)!).toBe(true);
    const second = await pumpUntil(clock, h.screen());
    expect('view' in second.received[0]).toBe(true);
    await command({ type: 'question:next' });
    // The first screen held an older view than the one the second was sent on joining.
    expect('view' in screen.received.at(-1)!).toBe(true);
    expect(second.view).toEqual(screen.view);
    await command({ type: 'buzzers:open' });
    expect('changes' in screen.received.at(-1)!).toBe(true);
    expect(second.view).toEqual(screen.view);
  });

  it('a phone claiming its seat is sent its whole view, then the changes on its seat channel', async () => {
    const { h, clock, command } = await stage();
    const late = h.connect({ role: 'contestant' });
    await pumpUntil(clock, late.ready());
    expect('view' in late.received[0]).toBe(true);
    expect(await pumpUntil(clock, late.request('seat:claim', { joinCode: h.joinCodes.s4 }))).toMatchObject({ data: { seatId: 's4' } });
    await pumpFor(clock, 10);
    expect('view' in late.received.at(-1)!).toBe(true);
    expect(late.view?.me).toBe('s4');
    await command({ type: 'question:next' });
    await command({ type: 'question:next' });
    expect('changes' in late.received.at(-1)!).toBe(true);
    expect(late.view).toEqual(viewFor('contestant', h.room.state, h.room.facts(), 's4'));
  });

  it('a score change in a long contest sends the standings row that changed and the ledger entry it added, not the whole tables', async () => {
    const { clock, h, host, screen, phones } = await pumpedStage(harnesses, 40, ['s1']);
    const adjust = async (seatId: string, delta: number) => {
      expect(await pumpUntil(clock, host.request('host:command', { type: 'score:adjust', seatId, delta, reason: '加分' }))).toEqual({ data: null });
      await pumpFor(clock, 10);
    };
    // Forty different totals, so that one more point moves nobody's rank.
    for (const [i, seat] of h.room.state.definition.seats.entries()) await adjust(seat.id, (i + 1) * 10);
    await adjust('s27', 1);
    const update = host.received.at(-1)!;
    const row = host.view?.standings.findIndex((r) => r.seatId === 's27');
    expect('changes' in update && 'standings' in update.changes).toBe(false);
    expect('entries' in update && Object.keys(update.entries?.standings?.at ?? {})).toEqual([String(row)]);
    // The ledger holds the last 30 changes and was full: its oldest went, the new one came.
    expect('changes' in update && 'ledger' in update.changes).toBe(false);
    expect('entries' in update && update.entries?.ledger).toEqual({ length: 30, drop: 1, at: { 29: host.view?.ledger.at(-1) } });
    expect(host.view).toEqual(viewFor('host', h.room.state, h.room.facts()));
    expect(screen.view).toEqual(viewFor('screen', h.room.state, h.room.facts()));
    expect(phones[0].view).toEqual(viewFor('contestant', h.room.state, h.room.facts(), 's1'));
  });
});
