// Child process of the many-contests benchmark: for each of its contests a host and one phone per
// seat; every cycle the host opens a question's buzzers and every phone presses, timing its ack.
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import type { Socket } from 'socket.io-client';
import { open, seatPhones } from './clients.js';
import type { StagedContest } from './stage.js';

export interface ManyContestsJob {
  url: string;
  contests: StagedContest[];
  cycles: number;
  warmup: number;
  cycleMs: number;
}

/** Presses spread over the first part of a cycle, as a hall's fingers are. */
const PRESS_SPREAD_MS = 300;
/** When the host rules the answer and the next question may open. */
const RULE_AFTER_MS = 1200;

const send = (message: object) => process.send?.(message);

async function contest(job: ManyContestsJob, c: StagedContest, acks: number[], counts: { refused: number }): Promise<void> {
  const host: Socket = await open(job.url, { role: 'host', contestId: c.contestId, hostKey: c.hostKey });
  const phones = await seatPhones({ url: job.url, ...c });
  await wait(2000 + Math.random() * job.cycleMs);
  await host.emitWithAck('host:command', { type: 'question:next' });
  for (let cycle = 0; cycle < job.cycles + job.warmup; cycle++) {
    const start = performance.now();
    await host.emitWithAck('host:command', { type: 'question:next' });
    await host.emitWithAck('host:command', { type: 'buzzers:open' });
    await Promise.all(
      phones.map(async (phone) => {
        await wait(Math.random() * PRESS_SPREAD_MS);
        const pressed = performance.now();
        const ack = (await phone.emitWithAck('buzz:press', {})) as { data?: unknown };
        if (cycle >= job.warmup) acks.push(performance.now() - pressed);
        if (!ack.data) counts.refused++;
      }),
    );
    await wait(Math.max(0, start + RULE_AFTER_MS - performance.now()));
    await host.emitWithAck('host:command', { type: 'answer:rule', verdict: 'right' });
    await wait(Math.max(0, start + job.cycleMs - performance.now()));
  }
  for (const s of [host, ...phones]) s.close();
}

process.once('message', (job: ManyContestsJob) => {
  const acks: number[] = [];
  const counts = { refused: 0 };
  Promise.all(job.contests.map((c) => contest(job, c, acks, counts))).then(
    () => send({ kind: 'acks', acks, refused: counts.refused }),
    (error: unknown) => send({ kind: 'error', error: String(error) }),
  );
});
