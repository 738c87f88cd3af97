// The workbook's 获奖名单 sheet (AW1-AW4): each prize from the first with its seats in ranking
// order, their place and weighted total, and whether the host decided the prize (a boundary tie).
import { contestPrizes, rankingOrder } from '../../shared/contest/awards.js';
import { translate, type Locale } from '../../shared/i18n/index.js';
import type { ShowRecord } from './records.js';

/** A sheet of the workbook, as exports.ts takes it (not imported from there: it imports this). */
interface PrizesTable {
  name: 'prizes';
  title: string;
  header: string[];
  rows: (string | number)[][];
}

/** The prizes as a table, or null for a contest whose file gives none (its workbook is unchanged). */
export function prizesTable(record: ShowRecord, locale: Locale): PrizesTable | null {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const { definition } = record.state;
  const list = contestPrizes(record.state, record.standings);
  if (!list || !definition.awards) return null;
  const tiers = definition.awards.tiers;
  const seatName = (id: string) => definition.seats.find((s) => s.id === id)?.name ?? id;
  const prizeOf = new Map(list.prizes.map((p) => [p.seatId, p]));
  const ordered = rankingOrder(record.standings);
  // A seat waiting for the host's decision is listed after the prizes, so none goes unnoticed.
  const rows = [...tiers.map((_, i) => i), null].flatMap((tier) =>
    ordered
      .filter((s) => {
        const prize = prizeOf.get(s.seatId);
        return tier === null ? prize?.pending === true : prize?.tier === tier;
      })
      .map((s) => {
        const prize = prizeOf.get(s.seatId);
        return [tier === null ? t('export.prizePending') : tiers[tier].name, seatName(s.seatId), s.rank, s.weighted, prize?.byHost ? t('export.yes') : t('export.no')];
      }),
  );
  return {
    name: 'prizes',
    title: t('export.sheet.prizes'),
    header: [t('export.col.prize'), t('export.col.seat'), t('export.col.rank'), t('export.col.weighted'), t('export.col.prizeByHost')],
    rows,
  };
}
