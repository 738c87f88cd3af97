// The download links of the show's record, in the console's language.
import type { Locale } from '../../shared/i18n/index.js';

export const EXPORT_TABLES = ['results', 'rounds', 'ledger', 'presses', 'answers', 'ties', 'judges', 'prizes'] as const;

export function exportLinks(contestId: string, hostKey: string, locale: Locale) {
  const base = `/api/contests/${encodeURIComponent(contestId)}`;
  const query = `key=${encodeURIComponent(hostKey)}&lang=${locale}`;
  return {
    xlsx: `${base}/export.xlsx?${query}`,
    csv: EXPORT_TABLES.map((table) => ({ table, href: `${base}/export/${table}.csv?${query}` })),
  };
}
