// Child process of the answer-all-at-once benchmark: a host, a screen and one phone per seat.
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import { nextView, open, seatPhones, type ClientJob } from './clients.js';

interface Job extends ClientJob {
  spreadMs: number;
}

async function run(job: Job): Promise<number[]> {
  const host = await open(job.url, { role: 'host', contestId: job.contestId, hostKey: job.hostKey });
  const screen = await open(job.url, { role: 'screen', contestId: job.contestId });
  const phones = await seatPhones(job);
  const answering = phones.map(
    (p) => nextView(p, (v) => v.question?.phase === 'answering'),
  );
  await host.emitWithAck('host:command', { type: 'question:next' });
  await host.emitWithAck('host:command', { type: 'question:next' });
  await host.emitWithAck('host:command', { type: 'answers:open' });
  await Promise.all(answering);

  // Each phone answers at its own moment, evenly spread over the second: a real hall's burst.
  // (A benchmark measures real time, so here, unlike in tests, it waits on the real clock.)
  const samples = await Promise.all(
    phones.map(async (phone, i) => {
      await wait((i * job.spreadMs) / phones.length);
      const sent = performance.now();
      const ack = await phone.emitWithAck('answer:submit', { choice: [i % 4] });
      if (ack.data?.status !== 'recorded') throw new Error(`answer ${i} not recorded: ${JSON.stringify(ack)}`);
      return performance.now() - sent;
    }),
  );
  for (const s of [host, screen, ...phones]) s.close();
  return samples;
}

process.once('message', (job: Job) => {
  run(job).then(
    (samples) => process.send?.({ samples }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
