// Child process of the buzz-to-lock benchmark: a host, two screens and the phones, racing.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { nextView, open, seatPhones, type ClientJob } from './clients.js';
import { viewOfKind, type ContestView } from '../../shared/contest/views.js';

interface Job extends ClientJob {
  races: number;
  warmup: number;
}

/** Resolves when `socket` next sees a view passing `test`, with the arrival time. */
function next(socket: Socket, test: (view: ContestView) => boolean): Promise<number> {
  return nextView(socket, test).then(([at]) => at);
}

async function run(job: Job): Promise<{ samples: number[]; graces: number[] }> {
  const host = await open(job.url, { role: 'host', contestId: job.contestId, hostKey: job.hostKey });
  const screens = [await open(job.url, { role: 'screen', contestId: job.contestId }), await open(job.url, { role: 'screen', contestId: job.contestId })];
  const phones = await seatPhones(job);
  const samples: number[] = [];
  const graces: number[] = [];
  // Let the server time a few round trips to every phone first, as it would in a hall.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  // From the lobby to the round's title card; each race then starts with the next question.
  await host.emitWithAck('host:command', { type: 'question:next' });
  for (let race = 0; race < job.races + job.warmup; race++) {
    const winner = race % phones.length;
    const opened = phones.map((p) => next(p, (v) => v.question?.phase === 'open'));
    await host.emitWithAck('host:command', { type: 'question:next' });
    await host.emitWithAck('host:command', { type: 'buzzers:open' });
    await Promise.all(opened);
    const watchers = [...screens, ...phones.filter((_, i) => i !== winner)];
    const locked = watchers.map((s) => next(s, (v) => v.question?.phase === 'answering'));
    const hostLocked = nextView(host, (v) => v.question?.phase === 'answering');
    const pressed = performance.now();
    phones[winner].emit('buzz:press', {}, () => {});
    const arrivals = await Promise.all(locked);
    const [hostAt, hostView] = await hostLocked;
    // The grace window the server waited (P4): from the winning buzz's arrival to the decision.
    const q = viewOfKind(hostView.question, 'buzz-in');
    const arrived = q?.buzzes.find((b) => b.decision === 'won')?.at ?? 0;
    if (race >= job.warmup) {
      samples.push(Math.max(hostAt, ...arrivals) - pressed);
      graces.push((q?.wonAt ?? arrived) - arrived);
    }
    await host.emitWithAck('host:command', { type: 'answer:rule', verdict: 'right' });
  }
  for (const s of [host, ...screens, ...phones]) s.close();
  return { samples, graces };
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
