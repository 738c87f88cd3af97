// Each seat's link as the host console shows it (fair buzzing, P2): a round trip, a quality
// badge, and a warning naming every seat whose link is too slow to judge fairly. Plain
// TypeScript over the view and the server's `seat:links` report, so it is tested without a DOM.
import type { SeatId } from '../../shared/contest/types.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { LinkQuality } from '../../shared/fairness/link-meter.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { SeatLink } from '../../shared/protocol.js';

export interface LinkBadge {
  quality: LinkQuality;
  label: MessageKey;
  /** Best round trip, whole milliseconds; null until measured. */
  rttMs: number | null;
  oneWayMs: number | null;
}

/** The badge for a seat: unknown until the server has reported a phone of it. */
export function linkBadge(link: SeatLink | undefined): LinkBadge {
  const quality = link?.quality ?? 'unknown';
  const round = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms));
  return { quality, label: `linkQuality.${quality}`, rttMs: round(link?.rttMs), oneWayMs: round(link?.oneWayMs) };
}

/** Names of the seats whose link is poor, in seat order, for the warning banner. */
export function poorLinkSeats(view: Pick<ContestView, 'seats'>, links: Readonly<Record<SeatId, SeatLink>>): string[] {
  return view.seats.filter((seat) => links[seat.id]?.quality === 'poor').map((seat) => seat.name);
}
