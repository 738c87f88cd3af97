// Child process of the answer-all-at-once benchmark: a host, a screen and one phone per seat.
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ContestUpdate } from '../../shared/protocol.js';

interface Job {
  url: string;
  contestId: string;
  hostKey: string;
  joinCodes: string[];
  spreadMs: number;
}

function open(url: string, auth: object): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function run(job: Job): Promise<number[]> {
  const host = await open(job.url, { role: 'host', contestId: job.contestId, hostKey: job.hostKey });
  const screen = await open(job.url, { role: 'screen', contestId: job.contestId });
  const phones: Socket[] = [];
  for (const joinCode of job.joinCodes) {
    const phone = await open(job.url, { role: 'contestant', contestId: job.contestId });
    const ack = await phone.emitWithAck('seat:claim', { joinCode });
    if (!ack.data) throw new Error(`claim refused: ${ack.error}`);
    phones.push(phone);
  }
  const answering = phones.map(
    (p) => new Promise<void>((resolve) => p.on('contest:update', (u: ContestUpdate) => u.view.question?.phase === 'answering' && resolve())),
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
