// Dead-phone (issue 5: "a dead phone is noticed within 5 s"): a seated phone's link goes
// silent without closing, as when a phone leaves the Wi-Fi or its battery dies, and we time how
// long until the server (and so the host console) counts the seat as disconnected. Only the
// heartbeat can tell, so this runs on real time: a benchmark, not a test.
import { createServer, connect, type Server, type Socket as TcpSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { createApp } from '../../server/app.js';
import { realClock } from '../../server/clock.js';
import { openStore } from '../../server/storage/store.js';
import { definition } from '../support/definitions.js';
import { open } from './clients.js';
import { summarise, type BenchResult } from './stats.js';

const TRIALS = 5;

/** A TCP relay that can go silent: bytes stop flowing both ways, but nothing is closed. */
class SilentableRelay {
  private readonly server: Server;
  private readonly sockets = new Set<TcpSocket>();
  private silent = false;

  constructor(targetPort: number) {
    this.server = createServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      client.on('data', (chunk) => this.silent || upstream.write(chunk));
      upstream.on('data', (chunk) => this.silent || client.write(chunk));
      for (const [a, b] of [[client, upstream], [upstream, client]]) {
        a.on('close', () => b.destroy());
        a.on('error', () => b.destroy());
      }
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  goSilent(): void {
    this.silent = true;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export async function deadPhone(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const app = createApp({ store, bank: { all: () => [] }, clock: realClock(), publicUrl: 'http://127.0.0.1' });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const port = (app.http.address() as AddressInfo).port;
  const contestId = app.contests.create(definition({ seats: TRIALS }));
  const room = app.contests.get(contestId);
  if (!room) throw new Error('bench contest not found');
  const joinCodes = store.loadContest(contestId)?.seats.map((s) => s.joinCode) ?? [];

  const samples: number[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const relay = new SilentableRelay(port);
    const phone = await open(await relay.listen(), { role: 'contestant', contestId });
    phone.on('clock:ping', (ack: () => void) => ack());
    const ack = await phone.emitWithAck('seat:claim', { joinCode: joinCodes[trial] });
    const seatId: string = ack.data.seatId;
    // Somewhere inside the heartbeat cycle, as a real phone would drop at any moment.
    await wait(500 + trial * 400);
    relay.goSilent();
    const silentAt = performance.now();
    while ((room.facts().connected.get(seatId) ?? 0) > 0) await wait(5);
    samples.push(performance.now() - silentAt);
    phone.close();
    await relay.close();
  }
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { name: 'dead-phone', ...summarise(samples) };
}
