// How the pages put fair buzzing into words (issue 11, rules P5, P8): why a buzz went where it
// did, how sure each press's time is, whether a lead is a real one, and who is in a tie. Plain
// functions over the view, shared by the host console and the screen, tested without a DOM.
import type { DecidedBy } from '../../shared/contest/arbiter.js';
import type { BuzzRecord } from '../../shared/contest/types.js';
import type { BuzzInQuestionView, ContestView } from '../../shared/contest/views.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { formatLead, seatName, type Message } from './contest-display.js';

/** The press log's words for the reason a buzz was decided the way it was. */
export function decidedByLabel(decidedBy: DecidedBy): MessageKey {
  return `decidedBy.${decidedBy}`;
}

/** Milliseconds as the press log shows them: at most one decimal. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;

export interface PressUncertainty {
  /** ± the noise its time was judged with; null when judged by arrival (no stamp to doubt). */
  noise: Message | null;
  /** How far off its stamp could be at worst (half its fastest round trip); absent in old logs. */
  worst: Message | null;
  /** P8: it arrived later than the credit allows, so it was judged later than it claimed. */
  held: Message | null;
}

/** A press's uncertainty, for its row in the press log. */
export function pressUncertainty(buzz: Pick<BuzzRecord, 'boundMs' | 'errorMs' | 'worstErrorMs' | 'heldMs'>): PressUncertainty {
  const byStamp = buzz.boundMs !== null;
  return {
    noise: byStamp ? { key: 'log.plusMinus', params: { ms: roundMs(buzz.errorMs) } } : null,
    worst: byStamp && buzz.worstErrorMs !== undefined ? { key: 'log.worst', params: { ms: roundMs(buzz.worstErrorMs) } } : null,
    held: buzz.heldMs ? { key: 'log.held', params: { ms: roundMs(buzz.heldMs) } } : null,
  };
}

/** `clear`: the lead is larger than it can be off by; `together`: it is not, so nobody may claim
 * who pressed first by that much (the screen says 几乎同时). */
export type LeadKind = 'clear' | 'together';

/** Whether the winner's lead can be shown as a lead; null when there is none to show. */
export function leadKind(q: Pick<BuzzInQuestionView, 'leadMs' | 'leadErrorMs'> | null): LeadKind | null {
  if (!q || q.leadMs === null) return null;
  return q.leadErrorMs !== null && q.leadMs <= q.leadErrorMs ? 'together' : 'clear';
}

/** The lead as the big screen says it: 领先 0.034 秒, or 几乎同时按下 when it is inside its error. */
export function screenLead(q: Pick<BuzzInQuestionView, 'leadMs' | 'leadErrorMs'> | null): Message | null {
  const kind = leadKind(q);
  if (!kind || !q || q.leadMs === null) return null;
  return kind === 'together' ? { key: 'lead.almostTogether' } : { key: 'lead.seconds', params: { s: formatLead(q.leadMs) } };
}

/** The lead as the press log states it for disputes: with its worst error whenever there is one. */
export function loggedLead(view: Pick<ContestView, 'seats'>, q: Pick<BuzzInQuestionView, 'winner' | 'leadMs' | 'leadErrorMs'>): Message | null {
  const kind = leadKind(q);
  if (!kind || !q.winner || q.leadMs === null) return null;
  const name = seatName(view, q.winner);
  const s = formatLead(q.leadMs);
  if (!q.leadErrorMs) return { key: 'lead.of', params: { name, s } };
  const err = formatLead(q.leadErrorMs);
  return { key: kind === 'together' ? 'lead.together' : 'lead.withError', params: { name, s, err } };
}

/** The seats of a tie, or of its re-buzz, by name, joined with the page's list separator. */
export function tiedNames(view: Pick<ContestView, 'seats'>, q: Pick<BuzzInQuestionView, 'tied'>, separator: string): string {
  return q.tied.map((id) => seatName(view, id)).join(separator);
}

/** P5: buzzers re-opened for the seats of a tie, and only for them. */
export function isRebuzz(q: Pick<BuzzInQuestionView, 'phase' | 'tied'> | null): boolean {
  return q?.phase === 'open' && q.tied.length > 0;
}
