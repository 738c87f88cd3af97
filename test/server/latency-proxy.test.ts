// The latency proxy the fairness tests and benchmark stand on: a link model decides when each
// chunk is due, on the fake clock, and chunks keep their order whatever it says.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../support/fake-clock.js';
import { LatencyProxy, pumpFor, pumpUntil, type Direction, type LinkModel } from '../support/latency-proxy.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TCP server that notes the fake time each chunk arrives, and echoes it back. */
async function echo(clock: FakeClock): Promise<{ port: number; received: { at: number; text: string }[] }> {
  const received: { at: number; text: string }[] = [];
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => {
    sockets.push(s);
    s.on('data', (chunk) => {
      received.push({ at: clock.now(), text: chunk.toString() });
      s.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { port: (server.address() as AddressInfo).port, received };
}

async function through(clock: FakeClock, link: LinkModel | { upMs: number; downMs: number }) {
  const target = await echo(clock);
  const proxy = new LatencyProxy(clock, target.port);
  const url = new URL(await proxy.listen());
  cleanups.push(() => proxy.close());
  proxy.next = link;
  const client = connect(Number(url.port), '127.0.0.1');
  client.setNoDelay(true);
  cleanups.push(() => void client.destroy());
  const back: { at: number; text: string }[] = [];
  client.on('data', (chunk) => back.push({ at: clock.now(), text: chunk.toString() }));
  await pumpUntil(clock, new Promise((resolve) => client.once('connect', resolve)));
  return { client, received: target.received, back };
}

describe('latency proxy', () => {
  it('delays each direction by a constant, as the fair-buzz tests use it', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const { client, received, back } = await through(clock, { upMs: 30, downMs: 5 });
    client.write('a');
    await pumpFor(clock, 100);
    expect(received).toEqual([{ at: t0 + 30, text: 'a' }]);
    expect(back).toEqual([{ at: t0 + 35, text: 'a' }]);
  });

  it('asks a link model when each chunk is due, by the moment it was sent, and keeps chunk order', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const sent: [Direction, number][] = [];
    const delivered: [Direction, number, number][] = [];
    // The first chunk up is held 50 ms, later ones 5: the second must still come after the first.
    const link: LinkModel = {
      due: (direction, sentAt) => {
        sent.push([direction, sentAt]);
        return sentAt + (direction === 'up' && sent.length === 1 ? 50 : 5);
      },
      delivered: (direction, sentAt, dueAt) => void delivered.push([direction, sentAt - t0, dueAt - t0]),
    };
    const { client, received } = await through(clock, link);
    client.write('a');
    await pumpFor(clock, 10);
    client.write('b');
    await pumpFor(clock, 200);
    // Both reach the server at 50 ms, in order (TCP may join them into one read).
    expect(received.map((r) => r.text).join('')).toBe('ab');
    expect(received.every((r) => r.at - t0 === 50)).toBe(true);
    expect(delivered.filter(([d]) => d === 'up')).toEqual([
      ['up', 0, 50],
      ['up', 10, 50],
    ]);
  });
});
