// A TCP proxy that delays each connection's bytes, in each direction, on the fake clock: bytes
// are held until the test advances time past their due moment. Lets a socket test put one
// phone "far" from the server and another "near" without ever sleeping on real time. A delay is
// either constant per direction or a link model: a function of the moment a chunk is sent, with
// per-connection state (spikes, an access point's beacons), so a benchmark can model real Wi-Fi.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FakeClock } from './fake-clock.js';

export interface Delays {
  upMs: number;
  downMs: number;
}

export type Direction = 'up' | 'down';

/** One connection's link: when a chunk sent at `sentAt` (fake time) is due at the other end.
 * `up` is phone to server. The proxy keeps each direction's chunks in order whatever it says. */
export interface LinkModel {
  due(direction: Direction, sentAt: number): number;
  /** Told when a chunk is handed on, at its due moment (after keeping order). */
  delivered?(direction: Direction, sentAt: number, dueAt: number): void;
}

/** A constant delay per direction, as a link model. */
export function constantLink({ upMs, downMs }: Delays): LinkModel {
  return { due: (direction, sentAt) => sentAt + (direction === 'up' ? upMs : downMs) };
}

export class LatencyProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** Delays, or the link model, for the next connection to be accepted. */
  next: Delays | LinkModel = { upMs: 0, downMs: 0 };

  constructor(
    private readonly clock: FakeClock,
    targetPort: number,
  ) {
    this.server = createServer((client) => {
      const link = 'due' in this.next ? this.next : constantLink(this.next);
      const upstream = connect(targetPort, '127.0.0.1');
      // No Nagle: a small chunk must leave when it is due, not when the last one is acknowledged.
      client.setNoDelay(true);
      upstream.setNoDelay(true);
      this.sockets.add(client).add(upstream);
      this.pipe(client, upstream, link, 'up');
      this.pipe(upstream, client, link, 'down');
    });
  }

  private pipe(from: Socket, to: Socket, link: LinkModel, direction: Direction): void {
    // Chunks keep their order: each is due no earlier than the one before it.
    let lastDue = 0;
    from.on('data', (chunk) => {
      const sentAt = this.clock.now();
      const due = Math.max(lastDue, link.due(direction, sentAt));
      lastDue = due;
      this.clock.schedule(due, () => {
        if (to.destroyed) return;
        to.write(chunk);
        link.delivered?.(direction, sentAt, due);
      });
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Lets real I/O on loopback happen between steps of fake time. */
export const ioTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets loopback I/O finish: enough turns of the event loop for bytes to cross and be handled. */
async function drainIo(): Promise<void> {
  for (let i = 0; i < 40; i++) await ioTurn();
}

/** Runs fake time forward from one timer to the next, letting I/O finish between them, until
 * `done` resolves: every delayed chunk is delivered at exactly its due instant. */
export async function pumpUntil<T>(clock: FakeClock, done: Promise<T>, maxMs = 10_000): Promise<T> {
  let settled = false;
  let value: T | undefined;
  done.then((v) => {
    settled = true;
    value = v;
  });
  const end = clock.now() + maxMs;
  for (;;) {
    await drainIo();
    if (settled) return value as T;
    const next = clock.nextDue();
    if (next === null || next > end) throw new Error(`not done within ${maxMs} ms of fake time`);
    clock.advance(Math.max(0, next - clock.now()));
  }
}

/** Runs fake time forward by `ms`, timer by timer, letting I/O finish between them. */
export async function pumpFor(clock: FakeClock, ms: number): Promise<void> {
  const end = clock.now() + ms;
  for (;;) {
    await drainIo();
    const next = clock.nextDue();
    if (next === null || next > end) break;
    clock.advance(Math.max(0, next - clock.now()));
  }
  clock.advance(Math.max(0, end - clock.now()));
  await drainIo();
}
