// The stage's side of the audience process (audience-worker.ts). It forks the process at the lowest
// priority, hands it every connection made on AUDIENCE_PATH before reading past the request, sends
// it each contest's news (merged per contest and kind while the pipe still carries the last,
// news-queue.ts), and brings its likes and comments to the contest's own
// tally and boards. A process that dies is started again; its pages reconnect on their own.
import { fork, type ChildProcess } from 'node:child_process';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Socket as NetSocket } from 'node:net';
import { availableParallelism, setPriority } from 'node:os';
import { extname } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { AUDIENCE_PATH } from '../../shared/audience-route.js';
import { ErrorCode, type Ack } from '../../shared/protocol.js';
import type { Clock } from '../clock.js';
import type { EdgeOptions } from '../edge/guard.js';
import { fromAudienceSchema, type AudienceNews, type AudienceOpening, type FromAudience, type ToAudience } from './audience-messages.js';
import type { Commenter } from './comments.js';
import type { LikeRates } from './likes.js';
import { NewsQueue } from './news-queue.js';
import { HEAP_FLAGS } from '../setup/heap.js';
import { idleClass } from './idle-class.js';

/** What the audience process needs of the stage. */
export interface AudienceStage {
  /** What a contest's viewers see now, or null: there is no such contest. A process that does not
   * run the contest's engine (--redis) may have to ask the one that does. */
  opening(contestId: string): AudienceOpening | null | Promise<AudienceOpening | null>;
  like(contestId: string, count: number): void;
  comment(commenter: Commenter, text: string): Ack<null> | Promise<Ack<null>>;
  forget(socketId: string): void;
}

export interface AudienceProcessOptions {
  edge: EdgeOptions;
  publicUrl: string;
  likeRates: LikeRates;
  clock: Clock;
  log: (message: string) => void;
}

/** One per core but one, which the stage keeps (at least one, at most four): on two cores a
 * second one wrote a 10,000-viewer update about 13% sooner but let the stage's buzzes wait longer. */
export const DEFAULT_AUDIENCE_PROCESSES = Math.min(Math.max(1, availableParallelism() - 1), 4);

/** The lowest niceness (the stage runs at 0): when both want the CPU, the kernel serves the stage
 * first. With two server processes, 20,000 viewers and the phones on two cores, the stage's
 * buzz-to-lock p99 was 16-21 ms at 19 against 19-24 ms at 10 (four paired runs); the audience's
 * reach did not change when the stage was idle. On Linux the process then goes lower still, into
 * the idle class (idle-class.ts). */
export const AUDIENCE_NICENESS = 19;
const RESTART_MS = 1000;

/** The request line and headers as the client sent them, for the audience process to parse. */
function requestHead(req: IncomingMessage): string {
  const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

const SERVICE_UNAVAILABLE = 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** A server with no audience process answers its path at once, so pages fall back to the stage's. */
export function refuseAudiencePath(http: HttpServer): void {
  http.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    if (req.url?.startsWith(AUDIENCE_PATH)) socket.end(SERVICE_UNAVAILABLE);
  });
}

/** The audience processes (DEFAULT_AUDIENCE_PROCESSES): each viewer's connection goes to the next
 * running one, so a broadcast to ten thousand is written by all of them at once. */
export class AudienceProcesses {
  private readonly processes: AudienceProcess[];
  private next = 0;
  /** Resolves when every one first listens for viewers. */
  readonly started: Promise<void>;

  constructor(stage: AudienceStage, options: AudienceProcessOptions, count: number) {
    this.processes = Array.from({ length: Math.max(1, count) }, () => new AudienceProcess(stage, options));
    this.started = Promise.all(this.processes.map((p) => p.started)).then(() => undefined);
  }

  /** Takes the upgrade requests for AUDIENCE_PATH off the stage's HTTP server. */
  attach(http: HttpServer): void {
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(AUDIENCE_PATH)) return;
      const { length } = this.processes;
      const order = Array.from({ length }, (_, i) => this.processes[(this.next + i) % length]);
      this.next = (this.next + 1) % length;
      (order.find((p) => p.running) ?? order[0]).handOver(req, socket, head);
    });
  }

  /** Whether any of them has viewers of a contest. */
  watches(contestId: string): boolean {
    return this.processes.some((p) => p.watches(contestId));
  }

  /** The news, once to each one with viewers of the contest. */
  send(contestId: string, news: AudienceNews): void {
    for (const p of this.processes) p.send(contestId, news);
  }

  /** Heap and sockets of all of them together. */
  async stats(collect = false): Promise<{ heapUsed: number; sockets: number; processes: number }> {
    const each = await Promise.all(this.processes.map((p) => p.stats(collect)));
    return { heapUsed: each.reduce((n, s) => n + s.heapUsed, 0), sockets: each.reduce((n, s) => n + s.sockets, 0), processes: each.length };
  }

  /** One of them, for tests that stop it. */
  process(index: number): AudienceProcess | undefined {
    return this.processes[index];
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.close()));
  }
}

/** One audience process. */
export class AudienceProcess {
  private child: ChildProcess | null = null;
  private ready = false;
  private closed = false;
  private cancelRestart = () => {};
  /** The contests it watches, each with the number of its latest watch. */
  private readonly watched = new Map<string, number>();
  /** News written to the pipe whose write has not finished yet, and the news waiting behind it. */
  private newsOnItsWay = 0;
  private readonly backlog = new NewsQueue();
  private readonly statsWaiting: Array<(stats: { heapUsed: number; sockets: number }) => void> = [];
  private markStarted = () => {};
  /** Resolves whether the process (the latest started) went into Linux's idle class (idle-class.ts). */
  lowered: Promise<boolean> = Promise.resolve(false);
  /** Resolves when the process first listens for viewers. */
  readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));

  constructor(
    private readonly stage: AudienceStage,
    private readonly options: AudienceProcessOptions,
  ) {
    this.spawn();
  }

  /** Whether it is running and listening for viewers. */
  get running(): boolean {
    return this.ready && this.child !== null;
  }

  /** Hands it one upgrade request for AUDIENCE_PATH, read by the stage's HTTP server. */
  handOver(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Not running (starting again after a crash): the page retries, then falls back to the stage.
    if (!this.ready || !this.child || !(socket instanceof NetSocket)) return void socket.end(SERVICE_UNAVAILABLE);
    const message: ToAudience = { t: 'upgrade', request: requestHead(req), head: head.toString('base64') };
    // Sent as a connection of no server, and closed here once sent: otherwise Node keeps cluster's
    // books on it, and the stage's server.close() polls the audience process about it (and waits
    // forever once that process has exited).
    Object.assign(socket, { server: null });
    this.child.send(message, socket, { keepOpen: true }, () => socket.destroy());
  }

  /** Whether the process has viewers of a contest, so its news is worth building. */
  watches(contestId: string): boolean {
    return this.ready && this.watched.has(contestId);
  }

  /** One piece of news for every viewer of a contest, sent once. While the news before it is still
   * on its way (the process, at the lowest priority, is not reading its pipe: the stage is busy),
   * it waits here merged with the rest (news-queue.ts), so the stage's memory never fills with
   * views nobody will see; all of it goes in one go once the pipe has taken the last. */
  send(contestId: string, news: AudienceNews): void {
    if (!this.watches(contestId)) return;
    if (this.newsOnItsWay) return this.backlog.add(contestId, news);
    this.sendNews(contestId, news);
  }

  private sendNews(contestId: string, news: AudienceNews): void {
    const child = this.child;
    if (!child?.connected) return;
    this.newsOnItsWay += 1;
    child.send({ t: 'news', contestId, ...news } satisfies ToAudience, () => {
      // A process that exited meanwhile took its count with it (spawn() starts again from 0).
      if (this.child !== child) return;
      this.newsOnItsWay -= 1;
      if (this.newsOnItsWay > 0) return;
      for (const due of this.backlog.take()) if (this.watches(due.contestId)) this.sendNews(due.contestId, due.news);
    });
  }

  /** Heap and sockets of the audience process (the benchmarks' memory figure). */
  stats(collect = false): Promise<{ heapUsed: number; sockets: number }> {
    return new Promise((resolve) => {
      this.statsWaiting.push(resolve);
      this.tell({ t: 'stats', collect });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelRestart();
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    await exited;
  }

  /** A process that died a moment ago may still look connected: its pipe's error goes to the
   * callback, where without one it would be thrown as the stage's 'error' and stop the contest.
   * The restart (spawn) asks again for what the new process needs. */
  private tell(message: ToAudience): void {
    if (this.child?.connected) this.child.send(message, undefined, {}, () => {});
  }

  private spawn(): void {
    const ext = extname(fileURLToPath(import.meta.url));
    const child = fork(fileURLToPath(new URL(`./audience-worker${ext}`, import.meta.url)), [], {
      // Run from TypeScript (tsx, vitest): the worker is TypeScript too.
      execArgv: [...(ext === '.ts' ? ['--import', 'tsx'] : []), ...HEAP_FLAGS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.newsOnItsWay = 0;
    this.backlog.take();
    try {
      if (child.pid) setPriority(child.pid, AUDIENCE_NICENESS);
    } catch (error) {
      this.options.log(`audience process: could not lower its priority: ${String(error)}`);
    }
    child.on('message', (message: unknown) => {
      const checked = fromAudienceSchema.safeParse(message);
      if (checked.success) return this.heard(checked.data);
      this.options.log(`audience process: a malformed message was ignored: ${checked.error.issues[0]?.message ?? ''}`);
      // A comment's sender still waits for its answer: it is refused, not left hanging.
      const id = (message as { t?: unknown; id?: unknown } | null)?.id;
      if ((message as { t?: unknown } | null)?.t === 'comment' && Number.isSafeInteger(id)) this.tell({ t: 'answer', id: id as number, ack: { error: ErrorCode.BadPayload } });
    });
    child.once('exit', (code, signal) => {
      this.ready = false;
      this.watched.clear();
      for (const resolve of this.statsWaiting.splice(0)) resolve({ heapUsed: 0, sockets: 0 });
      if (this.closed) return;
      this.options.log(`audience process exited (${signal ?? code}); starting it again`);
      this.cancelRestart = this.options.clock.schedule(this.options.clock.now() + RESTART_MS, () => this.spawn());
    });
    const { edge, publicUrl, likeRates } = this.options;
    this.tell({ t: 'init', edge, publicUrl, likeRates });
  }

  private lower(pid: number): void {
    this.lowered = idleClass(pid).then((why) => {
      if (why !== null && process.platform === 'linux') this.options.log(`audience process: runs at nice 19 only, not in the idle class: ${why}`);
      return why === null;
    });
  }

  private heard(message: FromAudience): void {
    switch (message.t) {
      case 'ready':
        this.ready = true;
        // Into the idle class once started: it starts at nice 19 only, so that on a busy machine
        // it is listening (and viewers are served) without waiting for every idle cycle.
        if (this.child?.pid) this.lower(this.child.pid);
        return this.markStarted();
      case 'watch': {
        // Its news is sent from now on, also while the opening is built. The opening is built
        // after every piece of news that reaches the pipe before it, so it is never older than
        // them, and the audience process puts it in their place (room-view.ts). News still
        // waiting here is older too: it is dropped, or it would follow the opening and undo it.
        // (An owner elsewhere, with --redis: its news is passed on only once its opening was
        // heard, and the opening is kept up to date with it, also with news heard while it was
        // asked for, shared-audience.ts.)
        // An answer to a watch that a newer one (or an unwatch) has overtaken changes nothing
        // here: the process only settles that watch's waiters with it.
        const { contestId, ask } = message;
        this.watched.set(contestId, ask);
        const asker = this.child;
        void Promise.resolve(this.stage.opening(contestId)).then((opening) => {
          // The process that asked has died meanwhile: the one started in its place asks anew.
          if (this.child !== asker) return;
          if (this.watched.get(contestId) === ask) {
            if (!opening) this.watched.delete(contestId);
            this.backlog.drop(contestId);
          }
          this.tell({ t: 'opening', contestId, ask, opening });
        });
        return;
      }
      case 'unwatch':
        // Nobody there reads it: news from before a later 'watch' must not reach that room.
        this.watched.delete(message.contestId);
        return this.backlog.drop(message.contestId);
      case 'likes':
        for (const [contestId, count] of message.counts) this.stage.like(contestId, count);
        return;
      case 'comment': {
        const { id } = message;
        void Promise.resolve(this.stage.comment(message.commenter, message.text)).then((ack) => this.tell({ t: 'answer', id, ack }));
        return;
      }
      case 'forget':
        return this.stage.forget(message.socketId);
      case 'stats':
        return this.statsWaiting.shift()?.({ heapUsed: message.heapUsed, sockets: message.sockets });
    }
  }
}
