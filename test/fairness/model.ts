// A deterministic model of a hall's network for buzz races: links with per-phone delays, jitter
// and spikes; phone clocks that are off by seconds and drift; the clock sync each arbiter does;
// and races with known true press times. Everything comes from one seeded generator.
import seedrandom from 'seedrandom';

export type Rng = () => number;
export const rngFrom = (seed: string): Rng => seedrandom(seed);

const uniform = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const exponential = (rng: Rng, mean: number) => -mean * Math.log(1 - rng());

/** One direction of one phone's link: a delay for each packet sent at a given time. */
export type Direction = (rng: Rng) => number;

export interface Link {
  up: Direction;
  down: Direction;
}

export interface Profile {
  name: string;
  /** Builds one phone's link. */
  link(rng: Rng): Link;
}

/** Wi-Fi in good order: 5-30 ms each way per phone, a millisecond or two of jitter. */
const goodWifi: Profile = {
  name: 'good-wifi',
  link(rng) {
    const base = uniform(rng, 5, 30);
    const skew = uniform(rng, -2, 2);
    return { up: (r) => base + skew + exponential(r, 1.5), down: (r) => base - skew + exponential(r, 1.5) };
  },
};

/** A phone saving power: the access point holds packets for the next wake-up, so some take
 * 100-300 ms longer, in either direction. */
const powerSave: Profile = {
  name: 'power-save',
  link(rng) {
    const base = uniform(rng, 5, 30);
    const spike = (r: Rng) => (r() < 0.15 ? uniform(r, 100, 300) : 0);
    return { up: (r) => base + exponential(r, 2) + spike(r), down: (r) => base + exponential(r, 2) + spike(r) };
  },
};

/** A phone on mobile data: 40-120 ms each way, more jitter. */
const lte: Profile = {
  name: 'lte',
  link(rng) {
    const base = uniform(rng, 40, 120);
    return { up: (r) => base + exponential(r, 6), down: (r) => base + exponential(r, 6) };
  },
};

/** Uplink and downlink that differ: fast up, slow down, or the reverse. */
const asymmetric: Profile = {
  name: 'asymmetric',
  link(rng) {
    const fast = uniform(rng, 5, 15);
    const slow = uniform(rng, 25, 60);
    const upIsFast = rng() < 0.5;
    const [up, down] = upIsFast ? [fast, slow] : [slow, fast];
    return { up: (r) => up + exponential(r, 1.5), down: (r) => down + exponential(r, 1.5) };
  },
};

export const PROFILES: Record<string, Profile> = { 'good-wifi': goodWifi, 'power-save': powerSave, lte, asymmetric };

/** A phone's own clock: off from the server's by seconds, and drifting. */
export interface PhoneClock {
  offsetMs: number;
  driftPpm: number;
}

export function phoneClock(rng: Rng): PhoneClock {
  return { offsetMs: uniform(rng, -5000, 5000), driftPpm: uniform(rng, -100, 100) };
}

/** What the phone's clock reads at true (server) time t. */
export const localTime = (clock: PhoneClock, t: number): number => t + clock.offsetMs + (t * clock.driftPpm) / 1e6;

export { exponential, uniform };
