// Where a contest's printable judge cards are: a page of secrets (every judge's link and code),
// so the link carries the host's or the organiser's key, as the seat cards' does.
import type { Locale } from '../../shared/i18n/index.js';

/** The judge-cards page of a contest, opened with `key` (the host key or the organiser key). */
export function judgeCardsHref(contestId: string | null | undefined, key: string | null | undefined, locale: Locale = 'zh'): string | null {
  if (!contestId || !key) return null;
  return `/judge-cards/?c=${encodeURIComponent(contestId)}&key=${encodeURIComponent(key)}${locale === 'en' ? '&lang=en' : ''}`;
}
