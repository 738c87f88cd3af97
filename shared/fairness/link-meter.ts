// The server's own measure of one phone's link, from round trips it times itself (a phone
// cannot make a round trip shorter than its link allows). It gives the bound within which the
// server trusts that phone's claimed press times, and how long to wait for its buzz to arrive.

export interface LinkBound {
  /** The longest one-way trip an honest buzz from this phone is expected to take. */
  oneWayMs: number;
  /** How far apart two calm round trips are: the measurement's own noise, for near-ties. */
  errorMs: number;
  /** How far the phone's clock sync can be off at worst (uneven up and down links). */
  syncErrorMs: number;
  /** Fastest round trip seen: the phone's clock sync can be off by about half of it. */
  bestRttMs: number;
  samples: number;
}

export const LINK_WINDOW = 20;
/** Timer resolution and event-loop noise on either side. */
export const MIN_ERROR_MS = 1;
/** Which of the recent round trips tells a steady link from a spiky one. */
export const TRUSTED_QUANTILE = 0.9;
/** Round trips that vary less than this come from a steady link. */
export const STEADY_SPREAD_MS = 25;

/** Quality bands shown to the host: a seat whose bound is above POOR_LINK_MS cannot be judged fairly. */
export const FAIR_LINK_MS = 60;
export const POOR_LINK_MS = 150;
export type LinkQuality = 'good' | 'fair' | 'poor' | 'unknown';

export class LinkMeter {
  private rtts: number[] = [];

  constructor(private readonly window = LINK_WINDOW) {}

  add(rttMs: number): void {
    if (!(rttMs >= 0)) return;
    this.rtts.push(rttMs);
    if (this.rtts.length > this.window) this.rtts.shift();
  }

  bound(): LinkBound | null {
    if (this.rtts.length === 0) return null;
    const sorted = [...this.rtts].sort((a, b) => a - b);
    const best = sorted[0];
    const secondBest = sorted[1] ?? best;
    const high = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * TRUSTED_QUANTILE))];
    const worst = sorted[sorted.length - 1];
    const spread = high - best;
    return {
      // On a steady link the extra delay splits between the two directions; on a spiky one
      // (power-save) a whole spike, the worst seen, can sit on the way up.
      oneWayMs: best / 2 + (spread <= STEADY_SPREAD_MS ? spread / 2 : worst - best),
      errorMs: (secondBest - best) / 2 + MIN_ERROR_MS,
      syncErrorMs: best / 2,
      bestRttMs: best,
      samples: this.rtts.length,
    };
  }
}

export function linkQuality(bound: LinkBound | null): LinkQuality {
  if (!bound) return 'unknown';
  if (bound.oneWayMs <= FAIR_LINK_MS) return 'good';
  return bound.oneWayMs <= POOR_LINK_MS ? 'fair' : 'poor';
}
