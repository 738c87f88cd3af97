// The server's measure of every phone's link (P2): it pings each contestant socket itself every
// second and times the round trip on its own clock, so a phone cannot make its link look faster
// than it is. The evidence goes into each press command; the host sees each seat's link.
import type { LinkEvidence } from '../shared/contest/arbiter.js';
import type { SeatId } from '../shared/contest/types.js';
import { LinkMeter, linkQuality } from '../shared/fairness/link-meter.js';
import type { SeatLink } from '../shared/protocol.js';
import type { Clock } from './clock.js';

export const PING_EVERY_MS = 1000;
export const PING_TIMEOUT_MS = 3000;

/** A phone's socket as the link book needs it: who it is, and a way to ping it. */
export interface Pingable {
  id: string;
  seatId(): SeatId | null;
  /** Sends a ping; calls `answered` when the phone answers, never if it does not. */
  ping(answered: () => void): void;
}

export class LinkBook {
  private readonly phones = new Map<string, { phone: Pingable; meter: LinkMeter; cancel: () => void }>();

  constructor(private readonly clock: Clock) {}

  /** Starts timing a phone's round trips, now and every second until it leaves. */
  add(phone: Pingable): void {
    const entry = { phone, meter: new LinkMeter(), cancel: () => {} };
    this.phones.set(phone.id, entry);
    const tick = () => {
      const sent = this.clock.now();
      phone.ping(() => entry.meter.add(this.clock.now() - sent));
      entry.cancel = this.clock.schedule(this.clock.now() + PING_EVERY_MS, tick);
    };
    tick();
  }

  remove(id: string): void {
    this.phones.get(id)?.cancel();
    this.phones.delete(id);
  }

  /** What the arbiter knows of this phone's link; null until it has answered a ping. */
  evidence(id: string): LinkEvidence | null {
    const bound = this.phones.get(id)?.meter.bound();
    return bound ? { oneWayMs: bound.oneWayMs, errorMs: bound.errorMs, syncErrorMs: bound.syncErrorMs } : null;
  }

  /** Per seat with a connected phone: the slowest of its phones, which the decision must wait for. */
  armed(seatIds: readonly SeatId[]): Record<SeatId, LinkEvidence | null> {
    const out: Record<SeatId, LinkEvidence | null> = {};
    for (const { phone } of this.phones.values()) {
      const seatId = phone.seatId();
      if (!seatId || !seatIds.includes(seatId)) continue;
      const link = this.evidence(phone.id);
      const had = out[seatId];
      if (had === undefined) out[seatId] = link;
      else if (had !== null) out[seatId] = link === null || link.oneWayMs > had.oneWayMs ? link : had;
    }
    return out;
  }

  /** Each seat's link for the host console: its slowest phone. */
  seatLinks(seatIds: readonly SeatId[]): Record<SeatId, SeatLink> {
    const out: Record<SeatId, SeatLink> = {};
    for (const { phone, meter } of this.phones.values()) {
      const seatId = phone.seatId();
      const bound = meter.bound();
      if (!seatId || !seatIds.includes(seatId)) continue;
      const link: SeatLink = { rttMs: bound?.bestRttMs ?? null, oneWayMs: bound?.oneWayMs ?? null, quality: linkQuality(bound) };
      const had = out[seatId];
      // Unknown counts as worst: the host should see the phone that has not answered yet.
      const rank = (l: SeatLink) => l.oneWayMs ?? Infinity;
      if (!had || rank(link) > rank(had)) out[seatId] = link;
    }
    return out;
  }

  close(): void {
    for (const id of [...this.phones.keys()]) this.remove(id);
  }
}
