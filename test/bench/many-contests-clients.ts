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

/** A press or command unanswered this long counts as lost, so a swamped server ends the run. */
const ACK_TIMEOUT_MS = 10_000;

const send = (message: object) => process.send?.(message);
// The bench process went away (it failed or was stopped): so do its clients.
process.on('disconnect', () => process.exit(0));

async function contest(job: ManyContestsJob, c: StagedContest, acks: number[], counts: { refused: number; lost: number; dropped: number }): Promise<void> {
  const host: Socket = await open(job.url, { role: 'host', contestId: c.contestId, hostKey: c.hostKey });
  const phones = await seatPhones({ url: job.url, ...c });
  // A socket the server dropped (a heartbeat missed while it was swamped) is counted, not fatal.
  for (const s of [host, ...phones]) s.on('disconnect', () => counts.dropped++);
  const command = (type: string, extra: object = {}) =>
    host.timeout(ACK_TIMEOUT_MS).emitWithAck('host:command', { type, ...extra }).catch(() => counts.lost++);
  await wait(2000 + Math.random() * job.cycleMs);
  await command('question:next');
  for (let cycle = 0; cycle < job.cycles + job.warmup; cycle++) {
    const start = performance.now();
    await command('question:next');
    await command('buzzers:open');
    await Promise.all(
      phones.map(async (phone) => {
        await wait(Math.random() * PRESS_SPREAD_MS);
        const pressed = performance.now();
        const ack = (await phone.timeout(ACK_TIMEOUT_MS).emitWithAck('buzz:press', {}).catch(() => ({ lost: true }))) as { data?: unknown; lost?: true };
        if (cycle >= job.warmup) acks.push(performance.now() - pressed);
        if (ack.lost) counts.lost++;
        else if (!ack.data) counts.refused++;
      }),
    );
    await wait(Math.max(0, start + RULE_AFTER_MS - performance.now()));
    await command('answer:rule', { verdict: 'right' });
    await wait(Math.max(0, start + job.cycleMs - performance.now()));
  }
  // Closing its own sockets is not the server dropping them.
  for (const s of [host, ...phones]) s.off('disconnect').close();
}

process.once('message', (job: ManyContestsJob) => {
  const acks: number[] = [];
  const counts = { refused: 0, lost: 0, dropped: 0 };
  Promise.all(job.contests.map((c) => contest(job, c, acks, counts))).then(
    () => send({ kind: 'acks', acks, ...counts }),
    (error: unknown) => send({ kind: 'error', error: String(error) }),
  );
});
