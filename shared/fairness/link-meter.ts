// The server's own measure of one phone's link, from round trips it times itself (a phone
// cannot make a round trip shorter than its link allows). It tells how far the phone's stamps
// wander (for ties), how far they can be off at worst, and whether the link is one the credit
// can judge fairly: the lobby's link check (P8).
import { DEFAULT_MAX_CREDIT_MS } from '../contest/arbiter.js';

export interface LinkBound {
  /** The longest one-way trip an honest buzz from this phone is expected to take. */
  oneWayMs: number;
  /** How far apart two calm round trips are: the measurement's own noise, for near-ties. */
  errorMs: number;
  /** How far the phone's clock sync can be off at worst (uneven up and down links). */
  syncErrorMs: number;
  /** Fastest round trip seen: the phone's clock sync can be off by about half of it. */
  bestRttMs: number;
  /** How much longer than the fastest one round trip in four takes: a link that is slow most of
   * the time (a phone saving power), not one with an odd spike. */
  typicalSpreadMs: number;
  /** Round trips in the window held far longer than the fastest: a congested link's spikes. */
  bigSpikes: number;
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

/** P8, what the lobby's link check warns the host of, worst first:
 * `late-presses`: presses keep arriving later than the credit allows: they are judged late;
 * `spiky`: one trip in four is held longer than the strict credit forgives (a phone saving
 * power), or several trips are held far longer (a congested channel): honest presses will be;
 * `uneven`: even its fastest trip is so slow that an uneven up and down link could put its
 * stamps off by more than UNEVEN_RISK_MS, and nobody can measure which way. */
export type LinkWarning = 'late-presses' | 'spiky' | 'uneven';
/** Round trips needed before a link is judged spiky: one slow trip is not a pattern. */
export const WARN_AFTER_SAMPLES = 5;
export const SPIKY_SPREAD_MS = DEFAULT_MAX_CREDIT_MS;
/** The quantile of round trips that shows how the link usually is: good Wi-Fi's odd spike (one
 * packet in a hundred) stays above it, a dozing phone's beacon waits do not. */
export const TYPICAL_QUANTILE = 0.75;
/** A trip this much slower than the fastest is a spike no credit worth having forgives; two in
 * the window (twenty seconds) mark a congested channel. Good Wi-Fi's spikes stay under it. */
export const BIG_SPIKE_MS = 75;
export const BIG_SPIKES_WARN = 2;
export const UNEVEN_RISK_MS = 10;
/** Of a phone's last presses, this many held past the credit make it `late-presses`. */
export const HELD_PRESSES_WINDOW = 5;
export const HELD_PRESSES_WARN = 2;

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
      typicalSpreadMs: sorted[Math.floor(sorted.length * TYPICAL_QUANTILE)] - best,
      bigSpikes: sorted.filter((rtt) => rtt > best + BIG_SPIKE_MS).length,
      samples: this.rtts.length,
    };
  }
}

export function linkQuality(bound: LinkBound | null): LinkQuality {
  if (!bound) return 'unknown';
  if (bound.oneWayMs <= FAIR_LINK_MS) return 'good';
  return bound.oneWayMs <= POOR_LINK_MS ? 'fair' : 'poor';
}

/** P8: the warning the host sees for one phone, from its round trips and its recent presses. */
export function linkWarning(bound: LinkBound | null, heldPresses: number): LinkWarning | null {
  if (heldPresses >= HELD_PRESSES_WARN) return 'late-presses';
  if (!bound) return null;
  if (bound.samples >= WARN_AFTER_SAMPLES && (bound.typicalSpreadMs > SPIKY_SPREAD_MS || bound.bigSpikes >= BIG_SPIKES_WARN)) return 'spiky';
  if (bound.bestRttMs / 2 > UNEVEN_RISK_MS) return 'uneven';
  return null;
}

const WARNING_RANK: Record<LinkWarning, number> = { 'late-presses': 3, spiky: 2, uneven: 1 };

/** The worse of two warnings: a seat shows its worst phone's. */
export function worseWarning(a: LinkWarning | null, b: LinkWarning | null): LinkWarning | null {
  if (!a) return b;
  if (!b) return a;
  return WARNING_RANK[a] >= WARNING_RANK[b] ? a : b;
}
