// A phone's estimate of the server's clock, from probes over the socket. Only the fastest
// round trips are trusted: a probe delayed by Wi-Fi can only make the offset look wrong, and
// the one with the least delay has the least room to be wrong (NTP's minimum-delay filter).

export interface ClockProbe {
  /** Phone clock when the probe left, and when its answer came back. */
  sentLocal: number;
  receivedLocal: number;
  /** Server clock when it answered. */
  serverAt: number;
}

export interface ClockEstimate {
  /** server time = local time + offset */
  offsetMs: number;
  /** How far off the offset can be: half the best round trip. */
  errorMs: number;
  /** The best round trip in the window. */
  rttMs: number;
  samples: number;
}

/** How many recent probes the estimate is taken from: long enough to hold a calm moment,
 * short enough that a drifting phone clock is followed. */
export const CLOCK_WINDOW = 16;

export class ClockSync {
  private probes: ClockProbe[] = [];

  constructor(private readonly window = CLOCK_WINDOW) {}

  add(probe: ClockProbe): void {
    if (probe.receivedLocal < probe.sentLocal) return;
    this.probes.push(probe);
    if (this.probes.length > this.window) this.probes.shift();
  }

  /** Forgets every probe: after a sleep the phone's timebase may have paused, so older round
   * trips no longer describe its clock. */
  clear(): void {
    this.probes = [];
  }

  estimate(): ClockEstimate | null {
    if (this.probes.length === 0) return null;
    let best = this.probes[0];
    for (const p of this.probes) if (p.receivedLocal - p.sentLocal < best.receivedLocal - best.sentLocal) best = p;
    const rttMs = best.receivedLocal - best.sentLocal;
    return { offsetMs: best.serverAt - (best.sentLocal + rttMs / 2), errorMs: rttMs / 2, rttMs, samples: this.probes.length };
  }

  /** A local instant in server time; null until the first probe has come back. */
  toServer(localTime: number): number | null {
    const e = this.estimate();
    return e ? localTime + e.offsetMs : null;
  }
}
