// Where a contest's printable prize list is (获奖名单, A4): it names every seat's result before the
// ceremony reveals it, so the link carries the host's or the organiser's key, as the cards do.
import type { Locale } from '../../shared/i18n/index.js';

/** The results page of a contest, opened with `key` (the host key or the organiser key). */
export function resultsHref(contestId: string | null | undefined, key: string | null | undefined, locale: Locale = 'zh'): string | null {
  if (!contestId || !key) return null;
  return `/results/?c=${encodeURIComponent(contestId)}&key=${encodeURIComponent(key)}${locale === 'en' ? '&lang=en' : ''}`;
}
