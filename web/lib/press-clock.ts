// The phone's estimate of the server's clock (fair buzzing, P1), so a press can be stamped with
// the moment the finger touched the glass, in server time. Probes go out in a quick burst when
// the socket (re)connects, then once a second while the page is open; ClockSync keeps the
// fastest round trips. Plain TypeScript: the socket and the timers are injected, so the tests
// drive it with fake probe results and never wait on real time.
import { ClockSync, type ClockEstimate } from '../../shared/fairness/clock-sync.js';
import type { BuzzPressPayload } from '../../shared/protocol.js';

/** Sends one probe; resolves with the server's time, or null if it failed or timed out. */
export type SendProbe = () => Promise<number | null>;

export interface ProbeTimers {
  /** The local clock the press stamps use: performance.now() in a page. */
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel. */
  after(ms: number, fn: () => void): () => void;
}

export const BURST_PROBES = 5;
export const BURST_GAP_MS = 150;
export const PROBE_EVERY_MS = 1000;

export const pageTimers: ProbeTimers = {
  now: () => performance.now(),
  after: (ms, fn) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export class PressClock {
  private readonly sync = new ClockSync();
  private cancel: (() => void) | null = null;
  /** Bumped on every start and stop: an answer to an older schedule's probe is still a valid
   * sample (the server's clock did not change), but it must not restart the schedule. */
  private generation = 0;

  constructor(
    private readonly send: SendProbe,
    private readonly timers: ProbeTimers = pageTimers,
  ) {}

  /** On connect and on every reconnect: a burst of probes, then one a second. */
  start(): void {
    this.stop();
    // A reconnect often follows a sleep, during which performance.now() may have stopped: an old
    // fast probe would then stamp presses too early. Start the estimate afresh.
    this.sync.clear();
    const generation = this.generation;
    let sent = 0;
    const tick = () => {
      if (generation !== this.generation) return;
      sent += 1;
      void this.probe();
      this.cancel = this.timers.after(sent < BURST_PROBES ? BURST_GAP_MS : PROBE_EVERY_MS, tick);
    };
    tick();
  }

  stop(): void {
    this.generation += 1;
    this.cancel?.();
    this.cancel = null;
  }

  /** A local instant (an event's timeStamp) in server time; null until a probe has come back. */
  toServer(localTime: number): number | null {
    return this.sync.toServer(localTime);
  }

  /** The `buzz:press` payload for a touch at `localTime`, exactly as the page sends it: the
   * benchmark's phones build theirs here too. Without an estimate, no stamp: judged at arrival. */
  pressPayload(localTime: number): BuzzPressPayload {
    const pressedAt = this.toServer(localTime);
    return pressedAt === null ? {} : { pressedAt };
  }

  estimate(): ClockEstimate | null {
    return this.sync.estimate();
  }

  private async probe(): Promise<void> {
    const sentLocal = this.timers.now();
    const serverAt = await this.send();
    const receivedLocal = this.timers.now();
    if (serverAt !== null && Number.isFinite(serverAt)) this.sync.add({ sentLocal, receivedLocal, serverAt });
  }
}
