// A real server on a random loopback port, with a fake clock and an in-memory store, and real
// socket.io clients to drive it. No mocks: what the tests see is what a phone would see.
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { io as connect, type Socket } from 'socket.io-client';
import type { ContestDefinition } from '../../shared/contest/types.js';
import type { ContestView } from '../../shared/contest/views.js';
import {
  PROTOCOL_VERSION,
  type AckOf,
  type ClientToServerEvents,
  type ContestUpdate,
  type WholeUpdate,
  type Handshake,
  type ServerToClientEvents,
} from '../../shared/protocol.js';
import { createApp, type App, type AppOptions } from '../../server/app.js';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import type { EdgeOptions } from '../../server/edge/guard.js';
import type { Question } from '../../shared/contest/question.js';
import type { ContestRoom } from '../../server/rooms/room.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { applyUpdate } from '../../shared/view-changes.js';
import { RECONNECTION } from '../../shared/reconnection.js';
import { definition } from './definitions.js';
import { FakeClock } from './fake-clock.js';

export interface Harness {
  url: string;
  app: App;
  clock: FakeClock;
  store: Store;
  contestId: string;
  room: ContestRoom;
  hostKey: string;
  /** The seats' join codes as they are now. */
  readonly joinCodes: Record<string, string>;
  clients: TestClient[];
  host(options?: { reconnect?: boolean }): Promise<TestClient>;
  screen(options?: { reconnect?: boolean }): Promise<TestClient>;
  /** A phone that has claimed `seatId` with its join code. */
  contestant(seatId: string, options?: { reconnect?: boolean }): Promise<TestClient>;
  /** A page's socket; with `reconnect`, it comes back by itself as a page does, re-sending its token. */
  connect(auth: Record<string, unknown>, options?: ConnectOptions): TestClient;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** It comes back by itself as a page does, re-sending its token. */
  reconnect?: boolean;
  /** socket.io's path: the audience's own (AUDIENCE_PATH), or the stage's when not given. */
  path?: string;
}

export interface HarnessOptions {
  definition?: ContestDefinition;
  /** A contest file, checked and drawn as `--contest` does (instead of `definition`). */
  file?: unknown;
  clock?: FakeClock;
  store?: Store;
  web?: RequestHandler;
  /** Questions for draws and swaps; the bundled bank if not given. */
  bank?: Question[];
  /** Where the server's log lines go; dropped if not given. */
  log?: (message: string) => void;
  /** Listen on this port (a restart keeps its address); a free one if not given. */
  port?: number;
  /** The edge's limits and allow-lists; the hall's defaults if not given. */
  edge?: Partial<EdgeOptions>;
  /** The audience's fan-out turns and like limits (app.ts), for the audience tests. */
  audience?: Pick<AppOptions, 'audienceTurn' | 'likeRates' | 'audienceProcess' | 'audienceProcesses'>;
  /** --redis's part, for tests that play it without Redis. */
  scale?: AppOptions['scale'];
}

export async function startServer(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? new FakeClock();
  const store = options.store ?? openStore(':memory:');
  let url = '';
  const bank = options.bank ?? loadBank(BUNDLED_BANK).questions;
  const app = createApp({ store, bank: { all: () => bank }, clock, publicUrl: 'http://qiangda.test', web: options.web, log: options.log ?? (() => {}), edge: options.edge, ...options.audience, ...(options.scale && { scale: options.scale }) });
  await app.audience?.started;
  await new Promise<void>((resolve) => app.http.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
  const contestId = app.contests.newest() ?? (options.file === undefined ? app.contests.create(options.definition ?? definition()) : createdFrom(app, options.file));
  const room = app.contests.get(contestId) as ContestRoom;
  // Read afresh each time: freeing a seat or a phone gives the seat a new code (S5).
  // From the room, not the store: tests that count the store's calls must not see these.
  const currentCodes = (): Record<string, string> => ({ ...room.facts().joinCodes });
  const clients: TestClient[] = [];

  const harness: Harness = {
    url,
    app,
    clock,
    store,
    contestId,
    room,
    hostKey: room.hostKey,
    get joinCodes() {
      return currentCodes();
    },
    clients,
    connect(auth, connectOptions = {}) {
      const client = new TestClient(url, { v: PROTOCOL_VERSION, contestId, ...auth }, connectOptions.reconnect ?? false, connectOptions.path);
      clients.push(client);
      return client;
    },
    async host(connectOptions) {
      const c = harness.connect({ role: 'host', hostKey: room.hostKey }, connectOptions);
      await c.ready();
      return c;
    },
    async screen(connectOptions) {
      const c = harness.connect({ role: 'screen' }, connectOptions);
      await c.ready();
      return c;
    },
    async contestant(seatId, connectOptions) {
      const c = harness.connect({ role: 'contestant' }, connectOptions);
      await c.ready();
      const ack = await c.request('seat:claim', { joinCode: currentCodes()[seatId] });
      if (!('data' in ack)) throw new Error(`claim ${seatId} refused: ${ack.error}`);
      c.deviceToken = ack.data.deviceToken;
      await c.until((v) => v.me === seatId);
      return c;
    },
    async close() {
      for (const c of clients) c.socket.close();
      await app.close();
      if (!options.store) store.close();
    },
  };
  return harness;
}

/** A new contest from a file, as `npm start -- --contest FILE` makes it; a refused file fails the test with its issues. */
function createdFrom(app: App, file: unknown): string {
  const created = app.contests.createFromFile(file);
  if (!created.ok) throw new Error(`contest file refused:\n${created.issues.map((i) => i.en).join('\n')}`);
  return created.id;
}

/** One page's socket, remembering the latest view and everything it was told. */
export class TestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  view: ContestView | null = null;
  /** Every update as the page holds it after it: the whole view, changes merged in. */
  updates: WholeUpdate[] = [];
  /** Every update as it came: whole, or only the changed fields and list entries. */
  received: ContestUpdate[] = [];
  deviceToken: string | undefined;
  private waiters: { test: (v: ContestView) => boolean; resolve: (v: ContestView) => void }[] = [];

  constructor(url: string, auth: Partial<Handshake> & Record<string, unknown>, reconnect = false, path?: string) {
    this.socket = connect(url, {
      ...(path && { path }),
      // Read on every (re)connect, as a page does: once it holds a seat, it sends its token.
      auth: (cb) => cb(this.deviceToken ? { ...auth, deviceToken: this.deviceToken } : auth),
      transports: ['websocket'],
      forceNew: true,
      ...(reconnect ? RECONNECTION : { reconnection: false }),
    });
    this.socket.on('contest:update', (update) => {
      this.received.push(update);
      // As a page does (shared/view-changes.ts); changes that do not merge into the view held
      // (none held yet, or a list it lacks) are a server bug.
      const view = applyUpdate(this.view, update);
      if (!view) throw new Error('contest:update: changes that do not merge into the view held');
      this.updates.push({ view, events: update.events, serverNow: update.serverNow });
      this.view = view;
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(view)) return true;
        w.resolve(view);
        return false;
      });
    });
  }

  /** Resolves once connected and holding a first view; rejects with the refusal code. */
  ready(): Promise<ContestView> {
    return new Promise((resolve, reject) => {
      if (this.view) return resolve(this.view);
      this.socket.once('connect_error', (err) => reject(new Error((err as Error & { data?: { code: string } }).data?.code ?? err.message)));
      this.until(() => true).then(resolve);
    });
  }

  /** Resolves with the first view (current or future) that passes `test`. */
  until(test: (v: ContestView) => boolean): Promise<ContestView> {
    if (this.view && test(this.view)) return Promise.resolve(this.view);
    return this.next(test);
  }

  /** Resolves with the first view still to come that passes `test`, never the one held now. */
  next(test: (v: ContestView) => boolean = () => true): Promise<ContestView> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>> {
    return (this.socket as unknown as Socket).emitWithAck(event, payload) as Promise<AckOf<E>>;
  }

  /** Emits anything at all, for the bad-input tests. */
  raw(event: string, ...args: unknown[]): Promise<unknown> {
    return (this.socket as unknown as Socket).timeout(2000).emitWithAck(event, ...args);
  }
}
