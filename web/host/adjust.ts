// Reading the host's score-adjustment form (B11) into a command, with a reason for each refusal.
import type { HostCommand } from '../../shared/contest/commands.js';
import type { Message } from '../lib/contest-display.js';
import { MAX_ADJUST_POINTS, MAX_REASON_LENGTH } from '../../shared/protocol.js';

export type AdjustCommand = Extract<HostCommand, { type: 'score:adjust' }>;

export type AdjustParse = { ok: true; command: AdjustCommand } | { ok: false; error: Message };

/** Checks the form as the server will (non-zero whole number, reason given), before sending. */
export function parseAdjustment(input: { seatId: string; delta: string; reason: string }): AdjustParse {
  if (!input.seatId) return { ok: false, error: { key: 'host.adjust.needSeat' } };
  const text = input.delta.trim().replace(/^[\u2212\uff0d]/, '-').replace(/^\uff0b/, '+');
  const badDelta = { ok: false, error: { key: 'host.adjust.badDelta', params: { max: MAX_ADJUST_POINTS } } } as const;
  if (!/^[+-]?\d+$/.test(text)) return badDelta;
  const delta = Number.parseInt(text, 10);
  if (delta === 0 || Math.abs(delta) > MAX_ADJUST_POINTS) return badDelta;
  const reason = input.reason.trim();
  if (!reason) return { ok: false, error: { key: 'host.adjust.needReason' } };
  if (reason.length > MAX_REASON_LENGTH) return { ok: false, error: { key: 'host.adjust.reasonTooLong', params: { max: MAX_REASON_LENGTH } } };
  return { ok: true, command: { type: 'score:adjust', seatId: input.seatId, delta, reason } };
}
