// The server as a child process for the kill -9 fault test: the real app and the real SQLite
// file, but on a clock the test owns (time moves only when the parent says, over IPC), so a
// run that is killed and restarted can be compared command for command with one that is not.
//
//   fork('test/support/fault-server.ts', [dbFile, startTime], { execArgv: ['--import', 'tsx'] })
//
// Messages: parent → child { advance: ms } or { ask: 'phase' }; child → parent { ready },
// { advanced: now }, { phase }. The phase is read from the room itself, not from a client's
// view: a view arrives whenever the socket delivers it, which on a busy machine can be late.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { openStore } from '../../server/storage/store.js';
import { faultContest, FAULT_BANK } from './fault-script.js';
import { FakeClock } from './fake-clock.js';

export interface FaultServerReady {
  ready: { url: string; contestId: string; hostKey: string; joinCodes: Record<string, string>; judgeKeys: Record<string, string> };
}

const [file, startTime] = process.argv.slice(2);
const clock = new FakeClock(Number(startTime));
const store = openStore(file);
const app = createApp({ store, bank: { all: () => FAULT_BANK }, clock, publicUrl: 'http://fault.test', log: () => {} });
const contestId = app.contests.newest() ?? app.contests.create(faultContest());
const room = app.contests.get(contestId);
if (!room) throw new Error('the contest did not open');

process.on('message', (message: { advance: number } | { ask: 'phase' }) => {
  if ('ask' in message) {
    process.send?.({ phase: room.state.question?.phase ?? null });
    return;
  }
  clock.advance(message.advance);
  process.send?.({ advanced: clock.now() });
});

app.http.listen(0, '127.0.0.1', () => {
  const stored = store.loadContest(contestId);
  const ready: FaultServerReady = {
    ready: {
      url: `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`,
      contestId,
      hostKey: room.hostKey,
      joinCodes: Object.fromEntries(stored?.seats.map((s) => [s.seatId, s.joinCode]) ?? []),
      judgeKeys: Object.fromEntries(stored?.judges.map((j) => [j.judgeId, j.key]) ?? []),
    },
  };
  process.send?.(ready);
});
