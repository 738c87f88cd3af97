// The server's measure of every phone's link (P2, P8): it pings each contestant socket itself every
// second and times the round trip on its own clock, so a phone cannot make its link look faster
// than it is. The evidence goes into each press command; the host sees each seat's link.
// Every contest names its seats `s1`, `s2`, ... alike, so phones are kept per contest: a phone
// of one contest never widens another's grace window or shows on another's console.
// A phone's figures are worked out once, when it answers a ping; presses and reports read them.
import type { LinkEvidence } from '../../shared/contest/arbiter.js';
import type { SeatId } from '../../shared/contest/types.js';
import { HELD_PRESSES_WINDOW, LinkMeter, type LinkBound, linkQuality, linkWarning, worseWarning } from '../../shared/fairness/link-meter.js';
import type { SeatLink } from '../../shared/protocol.js';
import type { Clock } from '../clock.js';

export const PING_EVERY_MS = 1000;
export const PING_TIMEOUT_MS = 3000;

/** A phone's socket as the link book needs it: who it is, its contest, and a way to ping it. */
export interface Pingable {
  id: string;
  contestId: string;
  seatId(): SeatId | null;
  /** Sends a ping; calls `answered` when the phone answers, never if it does not. */
  ping(answered: () => void): void;
}

interface Phone {
  phone: Pingable;
  meter: LinkMeter;
  /** The meter's figures as of its last answered ping: presses read these, never the samples. */
  bound: LinkBound | null;
  /** Its last presses: whether each arrived later than the credit allows (P8). */
  held: boolean[];
  cancel: () => void;
}

export class LinkBook {
  /** Contest id -> socket id -> phone: a press or a report reads only its own contest's phones. */
  private readonly contests = new Map<string, Map<string, Phone>>();
  /** Socket id -> its contest, to find a phone by its socket alone. */
  private readonly contestOf = new Map<string, string>();

  constructor(private readonly clock: Clock) {}

  /** Starts timing a phone's round trips, now and every second until it leaves. */
  add(phone: Pingable): void {
    const entry: Phone = { phone, meter: new LinkMeter(), bound: null, held: [], cancel: () => {} };
    let phones = this.contests.get(phone.contestId);
    if (!phones) this.contests.set(phone.contestId, (phones = new Map()));
    phones.set(phone.id, entry);
    this.contestOf.set(phone.id, phone.contestId);
    const tick = () => {
      const sent = this.clock.now();
      phone.ping(() => {
        entry.meter.add(this.clock.now() - sent);
        entry.bound = entry.meter.bound();
      });
      entry.cancel = this.clock.schedule(this.clock.now() + PING_EVERY_MS, tick);
    };
    tick();
  }

  remove(id: string): void {
    const contestId = this.contestOf.get(id);
    if (contestId === undefined) return;
    const phones = this.contests.get(contestId);
    phones?.get(id)?.cancel();
    phones?.delete(id);
    if (phones?.size === 0) this.contests.delete(contestId);
    this.contestOf.delete(id);
  }

  /** What the arbiter knows of this phone's link; null until it has answered a ping. */
  evidence(id: string): LinkEvidence | null {
    return toEvidence(this.find(id)?.bound ?? null);
  }

  /** P8: remembers whether this phone's press arrived later than its credit allows; a phone
   * whose presses keep doing so is flagged to the host. */
  notePress(id: string, held: boolean): void {
    const entry = this.find(id);
    if (!entry) return;
    entry.held.push(held);
    if (entry.held.length > HELD_PRESSES_WINDOW) entry.held.shift();
  }

  /** Per seat of this contest with a connected phone: the slowest of its phones, which the
   * decision must wait for. */
  armed(contestId: string, seatIds: readonly SeatId[]): Record<SeatId, LinkEvidence | null> {
    const out: Record<SeatId, LinkEvidence | null> = {};
    for (const { seatId, bound } of this.seated(contestId, seatIds)) {
      const link = toEvidence(bound);
      const had = out[seatId];
      if (had === undefined) out[seatId] = link;
      else if (had !== null) out[seatId] = link === null || link.oneWayMs > had.oneWayMs ? link : had;
    }
    return out;
  }

  /** Each seat's link for this contest's host console: its slowest phone. */
  seatLinks(contestId: string, seatIds: readonly SeatId[]): Record<SeatId, SeatLink> {
    const out: Record<SeatId, SeatLink> = {};
    // Unknown counts as worst: the host should see the phone that has not answered yet.
    const rank = (l: SeatLink) => l.oneWayMs ?? Infinity;
    for (const { seatId, bound, held } of this.seated(contestId, seatIds)) {
      // Counted here, not in seated(): the arbiter asks for the links on every press.
      const warning = linkWarning(bound, held.filter(Boolean).length);
      const link: SeatLink = { rttMs: bound?.bestRttMs ?? null, oneWayMs: bound?.oneWayMs ?? null, quality: linkQuality(bound), warning };
      const had = out[seatId];
      if (!had) out[seatId] = link;
      else out[seatId] = { ...(rank(link) > rank(had) ? link : had), warning: worseWarning(had.warning, warning) };
    }
    return out;
  }

  /** How many phones' links are being measured. */
  get size(): number {
    return this.contestOf.size;
  }

  close(): void {
    for (const id of [...this.contestOf.keys()]) this.remove(id);
  }

  private find(id: string): Phone | undefined {
    const contestId = this.contestOf.get(id);
    return contestId === undefined ? undefined : this.contests.get(contestId)?.get(id);
  }

  private *seated(contestId: string, seatIds: readonly SeatId[]) {
    const wanted = new Set(seatIds);
    for (const { phone, bound, held } of this.contests.get(contestId)?.values() ?? []) {
      const seatId = phone.seatId();
      if (seatId && wanted.has(seatId)) yield { seatId, bound, held };
    }
  }
}

function toEvidence(bound: LinkBound | null): LinkEvidence | null {
  return bound ? { oneWayMs: bound.oneWayMs, errorMs: bound.errorMs, syncErrorMs: bound.syncErrorMs } : null;
}
