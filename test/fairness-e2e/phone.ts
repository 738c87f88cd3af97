// A contestant's phone for the end-to-end benchmark: a real socket through the latency proxy,
// the page's own clock sync (PressClock) on a phone clock that is off by seconds and drifts,
// answering the server's pings as the page does. The driver tells it when its finger touches
// the glass (true server time, known only to the driver); cheaters bend what they send.
import { io as connect, type Socket } from 'socket.io-client';
import { uniform, type Rng } from '../fairness/model.js';
import { PressClock, type ProbeTimers } from '../../web/lib/press-clock.js';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ContestUpdate, type ServerToClientEvents } from '../../shared/protocol.js';
import type { ContestView } from '../../shared/contest/views.js';
import { applyUpdate } from '../../shared/view-changes.js';
import type { FakeClock } from '../support/fake-clock.js';

export type Cheat = 'honest' | 'static' | 'slow-ping' | 'reactive';
export const CHEATERS: Exclude<Cheat, 'honest'>[] = ['static', 'slow-ping', 'reactive'];

/** How much earlier than it pressed each kind of phone claims; how late it answers pings. */
export const CLAIM_LIE_MS: Record<Cheat, number> = { honest: 0, static: 200, 'slow-ping': 250, reactive: 300 };
export const SLOW_PING_MS = 250;

/** A phone's own clock against the server's: off by up to ±5 s, drifting up to ±100 ppm. */
export interface PhoneClock {
  offsetMs: number;
  driftPpm: number;
}

/** Draws a phone's clock error, as phones in a hall have. */
export function drawPhoneClock(rng: Rng): PhoneClock {
  return { offsetMs: uniform(rng, -5000, 5000), driftPpm: uniform(rng, -100, 100) };
}

/** One press as the driver knows it. */
export interface TruePress {
  /** When the driver drew the touch for; a reactive cheater may press before it. */
  plannedAt: number;
  /** Server time at which the finger touched the glass. */
  trueAt: number;
  /** What the phone sent as its press time (server time), or null if it sent none. */
  claimedAt: number | null;
  /** A reactive cheater's press, made when something arrived rather than at its drawn time. */
  reacted: boolean;
}

export class BenchPhone {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly pressClock: PressClock;
  view: ContestView | null = null;
  /** This race's press, once made. */
  press: TruePress | null = null;
  private armed = false;
  private cancelPlanned: (() => void) | null = null;
  private plannedAt = NaN;
  private readonly epoch: number;

  constructor(
    url: string,
    contestId: string,
    private readonly clock: FakeClock,
    private readonly phoneClock: PhoneClock,
    readonly cheat: Cheat,
  ) {
    this.epoch = clock.now();
    const timers: ProbeTimers = {
      now: () => this.local(),
      // The phone's timers run on its own drifting clock.
      after: (ms, fn) => clock.schedule(clock.now() + ms / (1 + phoneClock.driftPpm / 1e6), fn),
    };
    this.socket = connect(url, { auth: { v: PROTOCOL_VERSION, role: 'contestant', contestId }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.pressClock = new PressClock(async () => {
      // As the page's request does: a probe lost with its socket is no sample, not a crash.
      const ack = await this.socket.emitWithAck('clock:probe', {}).catch(() => null);
      return ack && 'data' in ack ? ack.data.serverNow : null;
    }, timers);
    this.socket.on('connect', () => this.pressClock.start());
    this.socket.on('disconnect', () => this.pressClock.stop());
    this.socket.on('clock:ping', (ack) => {
      if (cheat === 'slow-ping') clock.schedule(clock.now() + SLOW_PING_MS, ack);
      else ack();
    });
    this.socket.on('contest:update', (update: ContestUpdate) => {
      const wasOpen = this.view?.question?.phase === 'open';
      this.view = applyUpdate(this.view, update);
      // A reactive cheater presses on any news while the buzzers are open: the news that opened
      // them is not news about a rival, nor the decision, nor a ping (every phone gets one a second).
      if (cheat === 'reactive' && wasOpen && this.view?.question?.phase === 'open') this.react();
    });
    this.socket.onAny((event) => {
      if (cheat === 'reactive' && event !== 'contest:update' && event !== 'clock:ping' && this.view?.question?.phase === 'open') this.react();
    });
  }

  /** The phone's own clock (performance.now() in a page) at this moment of server time. */
  local(at = this.clock.now()): number {
    return at + this.phoneClock.offsetMs + ((at - this.epoch) * this.phoneClock.driftPpm) / 1e6;
  }

  /** Claims a seat with its join code; resolves with the seat or throws the refusal. */
  async claim(joinCode: string): Promise<string> {
    const ack = await this.socket.emitWithAck('seat:claim', { joinCode });
    if (!('data' in ack)) throw new Error(`claim refused: ${ack.error}`);
    return ack.data.seatId;
  }

  /** A new race: the finger touches the glass at `trueAt` (server time), unless it reacts first. */
  arm(trueAt: number): void {
    this.press = null;
    this.armed = true;
    this.plannedAt = trueAt;
    this.cancelPlanned = this.clock.schedule(trueAt, () => this.pressNow(false));
  }

  /** Between races: nothing more is pressed. */
  disarm(): void {
    this.armed = false;
    this.cancelPlanned?.();
    this.cancelPlanned = null;
  }

  close(): void {
    this.disarm();
    this.pressClock.stop();
    this.socket.close();
  }

  private react(): void {
    if (this.armed && this.press === null) this.pressNow(true);
  }

  private pressNow(reacted: boolean): void {
    if (!this.armed || this.press !== null) return;
    this.cancelPlanned?.();
    const trueAt = this.clock.now();
    // Built as the page builds it, from the touch's own time on the phone's clock.
    const payload = this.pressClock.pressPayload(this.local(trueAt) - CLAIM_LIE_MS[this.cheat]);
    this.press = { plannedAt: this.plannedAt, trueAt, claimedAt: payload.pressedAt ?? null, reacted };
    this.socket.emitWithAck('buzz:press', payload).catch(() => {});
  }
}
