// One page's live link to its contest: the socket, the latest view, and the connection state.
// Components read this class's runes; only this file touches the socket.
import { io, type Socket } from 'socket.io-client';
import type { ContestEvent, HostCommand } from '../../shared/contest/commands.js';
import type { ContestView } from '../../shared/contest/views.js';
import {
  type BuzzPressPayload,
  ErrorCode,
  PROTOCOL_VERSION,
  type AckOf,
  type ClientToServerEvents,
  type CommentsUpdate,
  type ContestUpdate,
  type Handshake,
  type JudgesAccess,
  type SeatLink,
  type ServerToClientEvents,
} from '../../shared/protocol.js';
import type { SeatId } from '../../shared/contest/types.js';
import { RECONNECTION, TRANSPORTS } from '../../shared/reconnection.js';
import { AUDIENCE_ROUTE_TRIES } from '../../shared/audience-route.js';
import { PressClock } from './press-clock.js';
import { maySend } from '../../shared/role-sends.js';
import { ServerClock } from './server-clock.js';
import { sendOnce, type RequestLink } from './once-request.js';
import { applyUpdate } from '../../shared/view-changes.js';

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'refused';

type HandshakeWithoutVersion = Handshake extends infer H ? (H extends unknown ? Omit<H, 'v'> : never) : never;

const ACK_TIMEOUT_MS = 5000;
/** How long a request that changes the contest keeps being re-sent across reconnects: long
 * enough for a restarted server to be back, short enough that the person has not moved on. */
const RETRY_WINDOW_MS = 15_000;
/** Requests that change the contest: sent with a request id, applied once (D2). */
const CHANGES_CONTEST: ReadonlySet<keyof ClientToServerEvents> = new Set(['host:command', 'question:swap', 'buzz:press', 'answer:submit', 'stake:choose', 'judge:score']);

export class Connection {
  view = $state<ContestView | null>(null);
  /** The last view as the server sent it, for the next update's changes to be merged into. */
  private held: ContestView | null = null;
  status = $state<LinkStatus>('connecting');
  /** Error code of a refused connection, for the page to translate. */
  refusal = $state<string | null>(null);
  /** Local time, ticking, so countdowns re-render; read through serverNow(). */
  localNow = $state(Date.now());

  /** Host only: the judges' links, codes and devices, as the server last reported them. */
  judgesAccess = $state<JudgesAccess | null>(null);

  /** 弹幕 this page may see (the host: all, hidden ones marked), as the server last sent them. */
  comments = $state<CommentsUpdate | null>(null);

  /** Host only: each seat's link, as the server last reported it (every couple of seconds). */
  links = $state<Record<SeatId, SeatLink>>({});

  readonly clock = new ServerClock();
  /** Contestant only: the fine clock sync that stamps a press in server time (P1). */
  readonly pressClock: PressClock | null;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  // Plain Set on purpose: listeners are wiring, not state any component renders.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly listeners = new Set<(events: ContestEvent[], view: ContestView) => void>();
  private ticker: ReturnType<typeof setInterval> | undefined;

  /** `ownPath`: a socket.io path of the page's own (the audience's, shared/audience-route.ts),
   * WebSocket only; after a few failed tries the page falls back to the stage's path. */
  constructor(auth: () => HandshakeWithoutVersion, url?: string, ownPath?: string) {
    this.pressClock = maySend(auth().role, 'buzz:press') ? new PressClock(() => this.probe()) : null;
    // The host's console lists the judges' links: the first list is asked for, the rest pushed.
    const host = maySend(auth().role, 'judges:access');
    this.socket = io(url ?? window.location.origin, {
      // Re-read auth on every reconnect: a phone that just claimed a seat sends its new token.
      auth: (cb) => cb({ ...auth(), v: PROTOCOL_VERSION }),
      // WebSocket straight away, and a jittered backoff: a hall of phones is back in 3 s.
      ...(ownPath ? { path: ownPath, transports: ['websocket'] } : TRANSPORTS),
      ...RECONNECTION,
    });
    let failedTries = 0;
    this.socket.on('connect', () => {
      failedTries = 0;
      this.status = 'online';
      this.refusal = null;
      this.pressClock?.start();
      if (host) void this.request('judges:access', {}).then((ack) => 'data' in ack && (this.judgesAccess = ack.data));
    });
    this.socket.on('disconnect', () => {
      this.status = 'offline';
      this.pressClock?.stop();
    });
    this.socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code) {
        // A refusal (bad key, unknown contest) will not fix itself by retrying.
        this.status = 'refused';
        this.refusal = code;
        this.socket.disconnect();
      } else {
        this.status = 'offline';
        // Its own path failed a few times in a row: the next try (the manager reads its options on
        // each) goes to the stage's path, with the usual transports, and stays there.
        if (ownPath && ++failedTries === AUDIENCE_ROUTE_TRIES) Object.assign(this.socket.io.opts, { path: '/socket.io', ...TRANSPORTS });
      }
    });
    // The server times its round trip to each phone on its own clock (fair buzzing, P2):
    // answering at once is all a page does.
    this.socket.on('clock:ping', (ack) => ack());
    this.socket.on('judges:access', (access) => {
      this.judgesAccess = access;
    });
    this.socket.on('comments:update', (update) => {
      this.comments = update;
    });
    this.socket.on('seat:links', (links) => {
      this.links = links;
    });
    this.socket.on('contest:update', (update: ContestUpdate) => {
      this.clock.observe(update.serverNow, Date.now());
      // Most updates carry only what changed (shared/view-changes.ts): merged into the plain view
      // this page holds, not into the reactive copy the screens read.
      const view = applyUpdate(this.held, update);
      if (!view) {
        // Changes that do not merge into the view held (a list it lacks, entries it was not
        // sent): it missed the view they follow, and connecting again brings the whole view, as
        // any reconnect does.
        if (this.held) this.socket.disconnect().connect();
        return;
      }
      this.held = view;
      this.view = view;
      for (const listener of this.listeners) listener(update.events, view);
    });
    this.ticker = setInterval(() => (this.localNow = Date.now()), 200);
  }

  /** The server's time now, as well as this page can tell. */
  serverNow(): number {
    return this.clock.now(this.localNow);
  }

  /** A press at its own time (an event's timeStamp, on performance.now()'s clock), stamped in
   * server time once the first clock probe has come back; before that, judged at arrival. */
  pressPayload(localTime: number): BuzzPressPayload {
    return this.pressClock?.pressPayload(localTime) ?? {};
  }

  private async probe(): Promise<number | null> {
    const ack = await this.request('clock:probe', {});
    return 'data' in ack ? ack.data.serverNow : null;
  }

  /** Subscribes to the moments (buzz won, false start...) for sounds and vibration. */
  onEvents(listener: (events: ContestEvent[], view: ContestView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The host freed this phone's seat; `removed`: this phone alone (S5). */
  onReleased(listener: (removed: boolean) => void): void {
    this.socket.on('seat:released', (payload) => listener(payload?.removed === true));
  }

  /** A judge's page: the host changed the panel and this judge is no longer on it. */
  onJudgeReleased(listener: () => void): void {
    this.socket.on('judge:released', listener);
  }

  /** The contest's like total (点赞), on joining and then at most every 500 ms. */
  onLikes(listener: (total: number) => void): () => void {
    const heard = ({ total }: { total: number }) => listener(total);
    this.socket.on('likes:total', heard);
    return () => this.socket.off('likes:total', heard);
  }

  /** S6: the host decided this phone's request to join. */
  onDecided(listener: ServerToClientEvents['seat:decided']): void {
    this.socket.on('seat:decided', listener);
  }

  /** Sends a request and resolves with its acknowledgement, or a timeout error. */
  request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>> {
    // socket.io would buffer an emit made while offline and deliver it on reconnect, judged
    // then: a stale press or ruling. Refuse it here instead, visibly.
    if (!this.socket.connected) return Promise.resolve({ error: ErrorCode.Offline } as AckOf<E>);
    if (CHANGES_CONTEST.has(event)) {
      const timeout = { error: ErrorCode.Timeout } as AckOf<E>;
      const setTimer = (fn: () => void, ms: number) => {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      };
      return sendOnce(this.requestLink(), event, payload, RETRY_WINDOW_MS, setTimer, timeout);
    }
    return new Promise((resolve) => {
      // socket.io's typed emit cannot see through the generic E; the contract types the result.
      const emitter = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as Socket;
      emitter.emit(event, payload, (err: Error | null, ack: AckOf<E>) => resolve(err ? ({ error: ErrorCode.Timeout } as AckOf<E>) : ack));
    });
  }

  private requestLink(): RequestLink {
    // socket.io's typed emit cannot see through a runtime event name; the contract types it.
    const socket = this.socket as unknown as Socket;
    return {
      get connected() {
        return socket.connected;
      },
      emit: (event, payload, ack) => socket.emit(event, payload, ack),
      onConnect(listener) {
        socket.on('connect', listener);
        return () => socket.off('connect', listener);
      },
    };
  }

  command(command: HostCommand): Promise<AckOf<'host:command'>> {
    return this.request('host:command', command);
  }

  reconnect(): void {
    this.socket.disconnect().connect();
  }

  close(): void {
    clearInterval(this.ticker);
    this.pressClock?.stop();
    this.socket.close();
  }
}
