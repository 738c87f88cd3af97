// One server process of a scale-out pair (--redis) for test/server/scale: the real app, the
// shared SQLite file and a real Redis, on a clock the test owns (over IPC, as fault-server.ts).
//
//   fork('test/support/scale-server.ts', [dbFile, startTime, redisUrl, leaseMs], { execArgv: ['--import', 'tsx'] })
//
// Messages: parent → child { advance: ms }, { ask: 'owner' } or { ask: 'sockets' }; child → parent
// { ready }, { advanced: now }, { owner: boolean }, { sockets: { local, standIns, linked } }.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { ScaleOut } from '../../server/scale/scale-out.js';
import { openStore } from '../../server/storage/store.js';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { definition } from './definitions.js';
import { FakeClock } from './fake-clock.js';

export interface ScaleServerReady {
  ready: { url: string; contestId: string; hostKey: string; organiserKey: string; joinCodes: Record<string, string>; owner: boolean };
}

const [file, startTime, redisUrl, leaseMs] = process.argv.slice(2);
const clock = new FakeClock(Number(startTime));
const store = openStore(file);
const scale = await ScaleOut.connect(redisUrl, { leaseMs: Number(leaseMs), log: () => {} });
// With its audience process, as `npm start -- --redis` runs: viewers on AUDIENCE_PATH are served there.
const app = createApp({ store, bank: { all: () => [] }, clock, publicUrl: 'http://scale.test', log: () => {}, scale, audienceProcess: true });
await app.audience?.started;
// Judged by arrival: a press is decided when it arrives, whichever process it came through.
const contestId = app.contests.newest() ?? app.contests.create(definition({ seats: 2, rules: { fairness: { ...DEFAULT_FAIRNESS, mode: 'arrival' } } }));
await scale.claim(contestId);
const room = app.contests.get(contestId);
if (!room) throw new Error('the contest did not open');

process.on('message', (message: { advance: number } | { ask: 'owner' | 'sockets' }) => {
  if ('ask' in message && message.ask === 'sockets') return void process.send?.({ sockets: { local: app.io.sockets.sockets.size, standIns: scale.standIns, linked: app.linkedPhones } });
  if ('ask' in message) return void process.send?.({ owner: scale.owns(contestId) });
  clock.advance(message.advance);
  process.send?.({ advanced: clock.now() });
});

app.http.listen(0, '127.0.0.1', () => {
  const stored = store.loadContest(contestId);
  const ready: ScaleServerReady = {
    ready: {
      url: `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`,
      contestId,
      hostKey: room.hostKey,
      organiserKey: app.contests.organiserKey(),
      joinCodes: Object.fromEntries(stored?.seats.map((s) => [s.seatId, s.joinCode]) ?? []),
      owner: scale.owns(contestId),
    },
  };
  process.send?.(ready);
});
