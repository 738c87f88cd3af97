// Child process of the audience benchmarks: many audience sockets on one contest. They time
// each update from the server's stamp (`serverNow`) to its arrival, and send likes on request.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { open } from './clients.js';

export interface AudienceJob {
  url: string;
  contestId: string;
  count: number;
  /** `audience`; `screen` stands in for it where a server does not send the audience views yet. */
  role: 'audience' | 'screen';
  /** The audience's own path (its process), or the stage's. */
  path?: string;
}

type Command = { kind: 'measure' } | { kind: 'report' } | { kind: 'likes'; perSecond: number; seconds: number; senders: number } | { kind: 'close' };

const OPENING_AT_ONCE = 200;
/** Likes a page batches into one message (the protocol's most). */
const LIKES_PER_MESSAGE = 50;

const send = (message: object) => process.send?.(message);
// The bench process went away (it failed or was stopped): so do its clients.
process.on('disconnect', () => process.exit(0));
const epochNow = () => performance.timeOrigin + performance.now();

async function run(job: AudienceJob): Promise<void> {
  const sockets: Socket[] = [];
  let failed = 0;
  let measuring = false;
  let samples: number[] = [];
  let likesTotal = 0;
  for (let i = 0; i < job.count; i += OPENING_AT_ONCE) {
    // Viewers only time arrivals: merging every update into a held view, as a page does on its own
    // phone, would put 5,000 pages' merging on this one process and time that instead.
    const batch = Array.from({ length: Math.min(OPENING_AT_ONCE, job.count - i) }, () =>
      open(job.url, { role: job.role, contestId: job.contestId }, job.path, { keepViews: false }).catch(() => null),
    );
    for (const socket of await Promise.all(batch)) {
      if (!socket) {
        failed++;
        continue;
      }
      socket.on('contest:update', (u: { serverNow: number }) => measuring && samples.push(epochNow() - u.serverNow));
      socket.on('likes:total', ({ total }: { total: number }) => (likesTotal = Math.max(likesTotal, total)));
      sockets.push(socket);
    }
  }
  send({ kind: 'ready', connected: sockets.length, failed });

  process.on('message', async (command: Command) => {
    if (command.kind === 'measure') {
      samples = [];
      measuring = true;
    } else if (command.kind === 'report') {
      measuring = false;
      send({ kind: 'samples', samples, updates: samples.length });
    } else if (command.kind === 'likes') {
      const senders = sockets.slice(0, command.senders);
      const messagesPerSecond = command.perSecond / LIKES_PER_MESSAGE;
      const everyMs = 1000 / messagesPerSecond;
      const started = performance.now();
      let sent = 0;
      // Each tick sends what is due so far, so a slow tick is caught up rather than lost.
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => {
          const elapsed = performance.now() - started;
          const due = Math.min(Math.floor(elapsed / everyMs), messagesPerSecond * command.seconds);
          for (; sent < due; sent++) senders[sent % senders.length].emit('like:add', { count: LIKES_PER_MESSAGE });
          if (elapsed >= command.seconds * 1000) {
            clearInterval(tick);
            resolve();
          }
        }, 10);
      });
      send({ kind: 'liked', likes: sent * LIKES_PER_MESSAGE, seconds: (performance.now() - started) / 1000, total: likesTotal });
    } else {
      for (const socket of sockets) socket.close();
      process.exit(0);
    }
  });
}

process.once('message', (job: AudienceJob) => {
  run(job).catch((error: unknown) => send({ kind: 'error', error: String(error) }));
});
