// Several processes behind one address (--redis URL): pages connect to any of them, the Redis
// adapter carries every broadcast to every process's sockets, and each contest's engine runs in
// the one process holding its lease (lease.ts). A page on another process has its requests
// forwarded to the owner, which runs the usual socket handlers on a stand-in (remote-socket.ts)
// and answers through Redis. When the owner dies, a process with pages of that contest takes
// the lease once it expires, replays the contest from the shared SQLite file, and carries on.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { ErrorCode } from '../../shared/protocol.js';
import { translate } from '../../shared/i18n/index.js';
import { terminalLocale } from '../setup/terminal-locale.js';
import type { Contests } from '../rooms/contests.js';
import type { QiangdaServer, QiangdaSocket, SocketData } from '../realtime/realtime.js';
import type { Fences } from '../storage/fencing.js';
import type { ChangeOutcome, ContestChange } from '../http/contest-changes.js';
import { ContestLease, type LeaseStore } from './lease.js';
import { RemoteSocket } from './remote-socket.js';
import { SharedAudience, type AudienceParts } from './shared-audience.js';
import { AdapterParser } from './adapter-parser.js';

/** Default lease: a dead owner's contests move within LEASE_MS + LEASE_MS / 3 (the renew and
 * takeover period), 6.7 s; a live owner renews three times per lease. */
export const LEASE_MS = 5000;

/** How long a forwarded request waits for the owner's answer. */
const FORWARD_TIMEOUT_MS = 3000;

/** A change forwarded longer ago than this is not made: its sender has been told it was not, or
 * soon will be (an owner that stalled within its lease reads it late). The rest of the timeout
 * leaves its answer time to travel back. */
const LATE_CHANGE_MS = FORWARD_TIMEOUT_MS - 500;

const FORWARD = 'qiangda:forward';

/** The longest wait between attempts to reach Redis again. */
const RECONNECT_MAX_MS = 2000;

type Middleware = (socket: QiangdaSocket, next: (err?: Error) => void) => void;

/** What the app hands over: its server, its contests and how it serves a socket locally. */
export interface ScaleParts {
  io: QiangdaServer;
  contests: Contests;
  authenticate: Middleware;
  connect: (socket: QiangdaSocket, address: string) => void;
  /** Drops what this process keeps of a page beside its contest (its link's pings, its failed
   * claims), without telling the contest: for stand-ins of a contest another process now owns. */
  forget: (socketId: string) => void;
  log: (message: string) => void;
  /** The store's fencing: the epoch of each contest taken over is written to the shared file. */
  fences: Fences;
  /** Runs a change made over HTTP (a logo, a close) on this process's room of the contest. */
  change: (contestId: string, change: ContestChange) => ChangeOutcome;
  /** Likes, their limits and comments: viewers of other processes' contests are served with them. */
  audience: Omit<AudienceParts, 'io' | 'contests' | 'log'>;
}

type Forwarded =
  | { kind: 'auth'; contestId: string; auth: unknown }
  | { kind: 'attach'; contestId: string; socketId: string; data: SocketData; address: string }
  | { kind: 'event'; contestId: string; socketId: string; event: string; payload: unknown }
  | { kind: 'detach'; contestId: string; socketId: string }
  | { kind: 'change'; contestId: string; change: ContestChange; sentAt: number };

/** A handler's acknowledgement; for a forwarded event also the page's socket data as the owner
 * now holds it (a claimed seat), so the page's own process could serve it should the owner die. */
type Answer = { data?: unknown; error?: string; unknownSocket?: true; socketData?: SocketData } | null;

/** What this module asks of a Redis connection beyond the adapter's own use of it. */
interface RedisConnection extends LeaseStore {
  quit(): Promise<unknown>;
  on(event: 'ready' | 'error', listener: () => void): unknown;
}

function refuse(code: string): Error {
  return Object.assign(new Error(code), { data: { code } });
}

export class ScaleOut {
  /** Contests whose engine runs here. */
  private readonly owned = new Set<string>();
  /** The lease's epoch of each contest owned here (lease.ts), carried by its audience news. */
  private readonly epochs = new Map<string, number>();
  /** This process's sockets served by another process's engine, by id. */
  private readonly forwarded = new Map<string, { socket: QiangdaSocket; address: string; since: number; attached: boolean; forward: (event: string, ...args: unknown[]) => void }>();
  /** Stand-ins for other processes' sockets of the contests owned here. */
  private readonly proxies = new Map<string, RemoteSocket>();
  private parts: ScaleParts | null = null;
  /** Viewers here of contests owned elsewhere, and the news the owner sends them. */
  private audience: SharedAudience | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Until then (Redis just came back) no contest is taken from another process. */
  private quietUntil = 0;
  readonly lease: ContestLease;

  private constructor(
    private readonly pub: RedisConnection,
    private readonly sub: RedisConnection,
    leaseMs: number,
  ) {
    this.lease = new ContestLease(pub, `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`, leaseMs);
    // Redis back after an outage (perhaps emptied of leases): owners renew as soon as they are
    // back, and nobody takes a contest over until every live owner has had time to reconnect
    // (its last wait) and renew (twice), so a live owner keeps its contests.
    let wasDown = false;
    pub.on('error', () => (wasDown = true));
    pub.on('ready', () => {
      if (wasDown) this.quietUntil = Date.now() + RECONNECT_MAX_MS + 2 * leaseMs;
      wasDown = false;
      void this.renew();
    });
    // Both connections back after an outage: the viewers served here for other owners catch up
    // with what those owners announced meanwhile (shared-audience.ts).
    const away = new Set<RedisConnection>();
    let outage = false;
    for (const client of [pub, sub]) {
      client.on('error', () => {
        away.add(client);
        outage = true;
      });
      client.on('ready', () => {
        away.delete(client);
        if (!outage || away.size > 0) return;
        outage = false;
        this.audience?.catchUp();
      });
    }
  }

  /** Connects to Redis (`redis://host:port`); the app is then built with this. */
  static async connect(url: string, options: { leaseMs?: number; log?: (message: string) => void } = {}): Promise<ScaleOut> {
    const log = options.log ?? console.error;
    // Redis going away is not fatal: the clients reconnect on their own, and meanwhile the
    // stage carries on in the process that owns it.
    // Nothing is queued while Redis is away: a lease claim sent then must not take effect later.
    const pub = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, RECONNECT_MAX_MS) } });
    const sub = pub.duplicate();
    // Said once per outage, not once per reconnection attempt.
    for (const client of [pub, sub]) {
      let down = false;
      client.on('error', (error: Error) => {
        if (!down) log(translate(terminalLocale(), 'scale.redisError.terminal', { message: error.message }));
        down = true;
      });
      client.on('ready', () => (down = false));
    }
    await Promise.all([pub.connect(), sub.connect()]);
    return new ScaleOut(pub as unknown as RedisConnection, sub as unknown as RedisConnection, options.leaseMs ?? LEASE_MS);
  }

  /** The renew and takeover period: a third of the lease. */
  get periodMs(): number {
    return Math.max(50, Math.floor(this.lease.ttlMs / 3));
  }

  /** Whether this process runs the contest's engine (and its timers). */
  owns(contestId: string): boolean {
    return this.owned.has(contestId);
  }

  /** Called by the app once its parts exist, before any socket connects; the app tells the
   * returned audience what its own audience is told. */
  attach(parts: ScaleParts): SharedAudience {
    this.parts = parts;
    parts.io.adapter(createAdapter(quietPublishes(this.pub), this.sub, { requestsTimeout: FORWARD_TIMEOUT_MS, parser: new AdapterParser() }));
    (parts.io as unknown as Server).on(FORWARD, (message: Forwarded, reply: (answer: Answer) => void) => reply(this.answer(message)));
    this.timer = setInterval(() => void this.renew(), this.periodMs);
    // A write refused because another process took the contest over (this one stalled past its
    // lease and has not heard yet): the contest is given up at once, not at the next renewal.
    // On a later turn: the refusal is told from inside the write.
    parts.fences.onFencedOut((contestId) => void setImmediate(() => this.owned.has(contestId) && this.giveUp(contestId)));
    this.audience = new SharedAudience({ ...parts.audience, io: parts.io, contests: parts.contests, log: parts.log }, (id) => this.owns(id), (id) => this.epochs.get(id) ?? 0);
    return this.audience;
  }

  /** Sockets the owner holds for other processes' pages (stand-ins): an audience costs none. */
  get standIns(): number {
    return this.proxies.size;
  }

  /** Takes a contest's lease if it is free: then this process owns it, replayed afresh from the log. */
  async claim(contestId: string): Promise<boolean> {
    if (!this.owned.has(contestId) && Date.now() < this.quietUntil) return false;
    const fences = this.parts!.fences;
    // Not in this data folder (another machine's contest, or none at all): not ours to run.
    const floor = fences.floor(contestId);
    if (floor === null) return false;
    const epoch = await this.lease.claim(contestId, floor);
    if (!epoch) return false;
    this.epochs.set(contestId, epoch);
    if (this.owned.has(contestId)) return true;
    // The file names this epoch before the log is read for the takeover: a write of the old
    // owner (stalled past its lease) lands before it, and is replayed, or is refused (fencing.ts).
    if (fences.fence(contestId, epoch) && this.takeOver(contestId)) return true;
    // A later epoch is in the file (another process took the contest since), or it is gone.
    fences.drop(contestId);
    this.epochs.delete(contestId);
    await this.lease.release(contestId);
    return false;
  }

  /** Connection middleware: a contest owned here (or free) is served here; another's is asked of its owner. */
  authenticate(): Middleware {
    return (socket, next) => {
      const contestId = (socket.handshake.auth as { contestId?: unknown } | undefined)?.contestId;
      const local = () => this.parts!.authenticate(socket, next);
      if (typeof contestId !== 'string' || this.owned.has(contestId)) return local();
      // A viewer of a contest whose owner this process already hears from: no Redis call at all.
      const audience = this.audience!;
      if ((socket.handshake.auth as { role?: unknown }).role === 'audience' && audience.hears(contestId)) return audience.admit()(socket, next);
      void (async () => {
        let free: boolean;
        try {
          free = await this.claim(contestId);
        } catch {
          // No Redis: nobody can tell who owns the contest; the page retries.
          return next(refuse(ErrorCode.Internal));
        }
        if (free) return local();
        // A viewer is served here, from what the owner tells every process (shared-audience.ts).
        if ((socket.handshake.auth as { role?: unknown }).role === 'audience') return audience.admit()(socket, next);
        const answer = await this.ask({ kind: 'auth', contestId, auth: socket.handshake.auth });
        // No owner answered: an unknown contest is refused as such; a known one is between owners.
        if (!answer) return next(refuse(this.parts!.contests.list().some((c) => c.id === contestId) ? ErrorCode.Internal : ErrorCode.UnknownContest));
        if (answer.error !== undefined) return next(refuse(answer.error));
        socket.data = answer.data as SocketData;
        this.forwarded.set(socket.id, { socket, address: '', since: Date.now(), attached: false, forward: () => {} });
        next();
      })();
    };
  }

  /** A connected socket: served here, or its events forwarded to the contest's owner. */
  connection(socket: QiangdaSocket, address: string): void {
    if (this.audience?.admitted(socket)) return this.audience.serve(socket, address);
    const entry = this.forwarded.get(socket.id);
    if (!entry) return this.parts!.connect(socket, address);
    const { contestId } = socket.data;
    const socketId = socket.id;
    entry.address = address;
    entry.attached = true;
    entry.forward = (event, ...args) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (args.pop() as (answer: unknown) => void) : () => {};
      void this.ask({ kind: 'event', contestId, socketId, event, payload: args[0] }).then(async (answer) => {
        // A new owner that never saw this page (the old one died): introduce it, then ask again.
        if (answer?.unknownSocket && (await this.introduce(socket, address))) answer = await this.ask({ kind: 'event', contestId, socketId, event, payload: args[0] });
        if (answer?.socketData) socket.data = answer.socketData;
        ack(answer && !answer.unknownSocket ? stripAnswer(answer) : { error: ErrorCode.Internal });
      });
    };
    socket.onAny(entry.forward);
    socket.on('disconnect', () => {
      if (this.forwarded.get(socketId) !== entry) return;
      this.forwarded.delete(socketId);
      void this.ask({ kind: 'detach', contestId, socketId });
    });
    void this.ask({ kind: 'attach', contestId, socketId, data: socket.data, address });
  }

  /** Runs a change made over HTTP where the contest's engine runs (contest-changes.ts): here if
   * this process owns the contest or takes it now (nobody did), else on its owner through Redis.
   * Null: no process answered for it in time (a hand-over under way, an owner stalled, Redis
   * away); an owner that reads it late does not make it (LATE_CHANGE_MS), so nothing changed. */
  async change(contestId: string, change: ContestChange): Promise<ChangeOutcome | null> {
    if (this.parts!.fences.floor(contestId) === null) return 'unknown';
    let here = this.owned.has(contestId);
    if (!here) {
      try {
        here = await this.claim(contestId);
      } catch {
        return null;
      }
    }
    if (here) return this.parts!.change(contestId, change);
    const answer = await this.ask({ kind: 'change', contestId, change, sentAt: Date.now() });
    return (answer?.data as ChangeOutcome | undefined) ?? null;
  }

  /** Stops renewing and gives up the leases, so another process may take over at once. */
  async close(): Promise<void> {
    this.audience?.close();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.owned].map((id) => this.lease.release(id)));
    this.owned.clear();
    this.epochs.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  /** The owner's side: runs a forwarded request for a contest it owns; other processes say nothing (null). */
  private answer(message: Forwarded): Answer {
    const parts = this.parts;
    if (!parts || !this.owned.has(message.contestId)) return null;
    switch (message.kind) {
      case 'auth': {
        const probe = { handshake: { auth: message.auth }, data: {} } as unknown as QiangdaSocket;
        let answer: Answer = { error: ErrorCode.Internal };
        // authenticate is synchronous: it has answered by the time it returns.
        parts.authenticate(probe, (err) => {
          answer = err ? { error: (err as Error & { data?: { code?: string } }).data?.code ?? ErrorCode.Internal } : { data: probe.data };
        });
        return answer;
      }
      case 'attach': {
        const proxy = new RemoteSocket(parts.io as unknown as Server, message.socketId, message.data);
        this.proxies.set(message.socketId, proxy);
        parts.connect(proxy.asSocket(), message.address);
        return { data: null };
      }
      case 'event': {
        const proxy = this.proxies.get(message.socketId);
        if (!proxy) return { unknownSocket: true };
        let answer: Answer = { error: ErrorCode.Internal };
        const delivered = proxy.deliver(message.event, message.payload, (reply: Answer) => (answer = reply));
        return { ...(delivered ? answer : { error: ErrorCode.NotAuthorised }), socketData: proxy.data };
      }
      case 'change':
        return Date.now() - message.sentAt > LATE_CHANGE_MS ? null : { data: parts.change(message.contestId, message.change) };
      case 'detach': {
        this.proxies.get(message.socketId)?.deliver('disconnect');
        this.proxies.delete(message.socketId);
        return { data: null };
      }
    }
  }

  /** Asks every other process; the contest's owner is the one that answers. Null: no owner answered. */
  private ask(message: Forwarded): Promise<Answer> {
    return new Promise((resolve) => {
      // Redis away: its client holds the request until it is back; the page is answered now.
      const away = setTimeout(() => resolve(null), FORWARD_TIMEOUT_MS + 500);
      const done = (answer: Answer) => {
        clearTimeout(away);
        resolve(answer);
      };
      try {
        (this.parts!.io as unknown as Server).serverSideEmit(FORWARD, message, (_err: Error | null, answers: Answer[]) => done(answers?.find((a) => a !== null) ?? null));
      } catch {
        done(null);
      }
    });
  }

  /** Makes a page of this process known to a new owner, as the old owner last knew it. */
  private async introduce(socket: QiangdaSocket, address: string): Promise<boolean> {
    return (await this.ask({ kind: 'attach', contestId: socket.data.contestId, socketId: socket.id, data: socket.data, address })) !== null;
  }

  /** Every period: the owner renews its leases; a process with pages of a contest whose owner
   * is gone takes the lease over. While Redis is away nothing changes hands. */
  private async renew(): Promise<void> {
    for (const contestId of this.owned) {
      try {
        const epoch = await this.lease.claim(contestId, this.parts!.fences.floor(contestId) ?? 0);
        // The same epoch, unless Redis lost the lease meanwhile (a restart that kept nothing).
        // The file still names the epoch this process fenced with, so its writes go on.
        if (epoch) this.epochs.set(contestId, epoch);
        else this.giveUp(contestId);
      } catch {
        // Redis is away: the stage carries on here.
      }
    }
    // A socket refused by a later check never connected: it waits for nothing.
    for (const [socketId, entry] of this.forwarded) if (!entry.attached && Date.now() - entry.since > FORWARD_TIMEOUT_MS) this.forwarded.delete(socketId);
    const waiting = new Set([...this.forwarded.values()].map((f) => f.socket.data.contestId).concat(this.audience?.watched() ?? []));
    for (const contestId of waiting) {
      try {
        await this.claim(contestId);
      } catch {
        // Redis is away: try again next period.
      }
    }
  }

  /** Another process holds the contest now: its pages here drop their connection (and come
   * back by themselves, forwarded to the new owner); stand-ins for other processes' pages go. */
  private giveUp(contestId: string): void {
    const parts = this.parts!;
    this.owned.delete(contestId);
    this.epochs.delete(contestId);
    parts.fences.drop(contestId);
    parts.log(translate(terminalLocale(), 'scale.leaseLost.terminal', { contest: contestId }));
    for (const socket of parts.io.sockets.sockets.values()) {
      if (socket.data.contestId === contestId && !this.forwarded.has(socket.id)) socket.conn.close();
    }
    // Their disconnect is not delivered: it is the other process's page that is still there.
    // What this process keeps of them goes, or the link book would ping them through Redis
    // every second for as long as this process lives.
    for (const [socketId, proxy] of this.proxies) {
      if (proxy.data.contestId !== contestId) continue;
      parts.forget(socketId);
      this.proxies.delete(socketId);
    }
  }

  /** This process now owns the contest: its state replayed from the stored log, and its pages
   * here served here, as the old owner last knew them (their seat or judge). */
  private takeOver(contestId: string): boolean {
    const parts = this.parts!;
    this.owned.add(contestId);
    if (!parts.contests.reopen(contestId)) {
      this.owned.delete(contestId);
      return false;
    }
    parts.log(translate(terminalLocale(), 'scale.tookOver.terminal', { contest: contestId }));
    this.audience?.tookOver(contestId);
    for (const [socketId, entry] of this.forwarded) {
      if (entry.socket.data.contestId !== contestId) continue;
      this.forwarded.delete(socketId);
      // One still connecting is served here when it connects.
      if (!entry.attached) continue;
      entry.socket.offAny(entry.forward);
      parts.connect(entry.socket, entry.address);
    }
    return true;
  }
}

function stripAnswer(answer: NonNullable<Answer>): unknown {
  const rest: Record<string, unknown> = { ...answer };
  delete rest.unknownSocket;
  delete rest.socketData;
  return rest;
}

/** The adapter publishes without waiting for Redis's answer; while Redis is away such a publish
 * fails (its timeout, or the connection dropping) and must not end the process. */
function quietPublishes<C extends object>(client: C): C {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      return prop === 'publish' ? (...args: unknown[]) => (bound(...args) as Promise<unknown>).catch(() => 0) : bound;
    },
  });
}
