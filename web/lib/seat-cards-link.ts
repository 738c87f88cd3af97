// Where a contest's printable seat cards are: a page of secrets (every join code), so the link
// carries the host's or the organiser's key, as export downloads do.
import type { Locale } from '../../shared/i18n/index.js';

/** The seat-cards page of a contest, opened with `key` (the host key or the organiser key). */
export function seatCardsHref(contestId: string | null | undefined, key: string | null | undefined, locale: Locale = 'zh'): string | null {
  if (!contestId || !key) return null;
  return `/cards/?c=${encodeURIComponent(contestId)}&key=${encodeURIComponent(key)}${locale === 'en' ? '&lang=en' : ''}`;
}
