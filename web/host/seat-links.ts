// Each seat's link as the host console shows it (fair buzzing, P2, P8): a round trip, a quality
// badge, and the link check: every flagged seat with its warning in words and what to do. Plain
// TypeScript over the view and the server's `seat:links` report, so it is tested without a DOM.
import type { SeatId } from '../../shared/contest/types.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { LinkQuality, LinkWarning } from '../../shared/fairness/link-meter.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { Message } from '../lib/contest-display.js';
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

/** Names of the seats whose link is poor, in seat order, for the warning banner; a seat the link
 * check already flags (with what to do) is not named twice. */
export function poorLinkSeats(view: Pick<ContestView, 'seats'>, links: Readonly<Record<SeatId, SeatLink>>): string[] {
  return view.seats.filter((seat) => links[seat.id]?.quality === 'poor' && !links[seat.id]?.warning).map((seat) => seat.name);
}

/** A seat the lobby's link check flags (P8), with what its warning means for it. */
export interface FlaggedSeat {
  seatId: SeatId;
  name: string;
  warning: LinkWarning;
  /** The warning and what to do about it, in words for the host. */
  advice: Message;
  /** The short label beside the seat's link badge. */
  chip: MessageKey;
}

/** The warning in words, with what the staff can do, for one seat. */
export function linkAdvice(name: string, warning: LinkWarning, rttMs: number | null): Message {
  if (warning !== 'uneven') return { key: `linkCheck.${warning}`, params: { name } };
  const rtt = Math.round(rttMs ?? 0);
  return { key: 'linkCheck.uneven', params: { name, rtt, half: Math.round(rtt / 2) } };
}

/** Every seat whose link the server flags, in seat order: the lobby's link check, shown in the
 * round too, so a seat whose presses start arriving late is not missed. */
export function flaggedSeats(view: Pick<ContestView, 'seats'>, links: Readonly<Record<SeatId, SeatLink>>): FlaggedSeat[] {
  return view.seats.flatMap((seat) => {
    const link = links[seat.id];
    if (!link?.warning) return [];
    return [{ seatId: seat.id, name: seat.name, warning: link.warning, advice: linkAdvice(seat.name, link.warning, link.rttMs), chip: `linkCheck.chip.${link.warning}` as const }];
  });
}
