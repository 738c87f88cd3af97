// The hall's networks, as link models for the latency proxy: each phone's TCP stream is delayed,
// each direction, by a model drawn per phone from one of the profiles. Everything comes
// from seeded generators, so a session's links are the same on every run.
import { uniform, type Rng } from '../fairness/model.js';
import type { Direction, LinkModel } from '../support/latency-proxy.js';

export type ProfileName = 'good-wifi' | 'power-save' | 'congested' | 'uneven';
export const PROFILE_NAMES: ProfileName[] = ['good-wifi', 'power-save', 'congested', 'uneven'];

/** A phone's link and what the driver knows of it: `impaired` links are the ones the lobby's
 * link check should flag (a sleeping phone, an uneven uplink); the rest it should leave alone. */
export interface PhoneLink {
  model: LinkModel;
  impaired: boolean;
  /** Every chunk handed on, for checking the harness against the server's log. */
  deliveries: Delivery[];
}

export interface Delivery {
  direction: Direction;
  sentAt: number;
  dueAt: number;
}

/** The links of one session's phones: `linkFor(i)` for the i-th phone to join. */
export interface SessionLinks {
  linkFor(phone: number): PhoneLink;
}

/** Hall Wi-Fi in good order: 1-4 ms each way, up to a millisecond of jitter, 1% spikes of 20-60 ms. */
function wifiDelay(rng: Rng): (direction: Direction) => number {
  const base = { up: uniform(rng, 1, 4), down: uniform(rng, 1, 4) };
  const jitter = uniform(rng, 0.3, 1);
  return (direction) => base[direction] + uniform(rng, 0, jitter) + (rng() < 0.01 ? uniform(rng, 20, 60) : 0);
}

function recorded(due: (direction: Direction, sentAt: number) => number, impaired: boolean): PhoneLink {
  const deliveries: Delivery[] = [];
  return {
    impaired,
    deliveries,
    model: { due, delivered: (direction, sentAt, dueAt) => void deliveries.push({ direction, sentAt, dueAt }) },
  };
}

export const BEACON_MS = 102.4;
/** How long a phone in power-save stays awake after a frame, before dozing again. */
const AWAKE_TAIL_MS: [number, number] = [15, 40];

/** Power-save: one beacon schedule per access point, every phone of the session on it. A frame
 * to or from a dozing phone waits for the next beacon; the phone then stays awake a little while. */
function powerSaveLinks(rng: Rng): SessionLinks {
  const phase = uniform(rng, 0, BEACON_MS);
  const nextBeacon = (t: number) => phase + Math.ceil((t - phase) / BEACON_MS) * BEACON_MS;
  return {
    linkFor() {
      const radio = wifiDelay(rng);
      const tail = uniform(rng, ...AWAKE_TAIL_MS);
      // Awake spans, each from a beacon (or a frame sent while awake) to its tail's end.
      let awake: { from: number; until: number }[] = [];
      const isAwake = (t: number) => awake.some((s) => s.from <= t && t <= s.until);
      const wake = (from: number, until: number) => {
        awake = awake.filter((s) => s.until >= from - 1000);
        awake.push({ from, until });
      };
      return recorded((direction, sentAt) => {
        // Downlink frames reach the access point first; uplink frames leave the phone at once.
        const atRadio = direction === 'down' ? sentAt + 0.3 : sentAt;
        const start = isAwake(atRadio) ? atRadio : nextBeacon(atRadio);
        const due = start + radio(direction);
        wake(start, due + tail);
        return due;
      }, true);
    },
  };
}

/** A lognormal delay with the given median; heavy-tailed like a busy channel's. */
const lognormal = (rng: Rng, median: number, sigma: number) => {
  const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * normal);
};

/** A congested hall: lognormal delays per direction, 5% spikes of 100-250 ms. */
function congestedLink(rng: Rng): PhoneLink {
  const median = { up: uniform(rng, 4, 12), down: uniform(rng, 4, 12) };
  return recorded((direction, sentAt) => sentAt + lognormal(rng, median[direction], 0.5) + (rng() < 0.05 ? uniform(rng, 100, 250) : 0), true);
}

export const UNEVEN_UPLINK_MS = 40;

/** Draws a session's links for a profile: in `uneven`, one phone (drawn) has 40 ms more uplink. */
export function sessionLinks(profile: ProfileName, rng: Rng, phones: number): SessionLinks {
  if (profile === 'power-save') return powerSaveLinks(rng);
  if (profile === 'congested') return { linkFor: () => congestedLink(rng) };
  const uneven = profile === 'uneven' ? Math.floor(rng() * phones) : -1;
  return {
    linkFor(phone) {
      const delay = wifiDelay(rng);
      const extraUp = phone === uneven ? UNEVEN_UPLINK_MS : 0;
      return recorded((direction, sentAt) => sentAt + delay(direction) + (direction === 'up' ? extraUp : 0), phone === uneven);
    },
  };
}
