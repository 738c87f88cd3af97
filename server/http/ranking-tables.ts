// The export's ranking (R1-R7): the results sheet with each stage's raw, normalised and weighted
// score, the total and the rank, and the tie-break sheet with every step's figures, so an
// organiser can answer a dispute (申诉) from the workbook alone.
import { tieBreakWords } from '../../shared/contest/ranking-words.js';
import { rankingRulesOf } from '../../shared/contest/standings.js';
import { rulesVersionOf } from '../../shared/contest/replay.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { ShowRecord } from './records.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Cell = string | number;

/** The results sheet: rank, seat, per stage raw / normalised / weighted, the weighted total, the
 * raw sum of every score change, whether the seat is tied and which tie-break placed it. */
export function resultsRows(record: ShowRecord, t: Translate): { header: string[]; rows: Cell[][]; notes: Cell[][] } {
  const { definition } = record.state;
  const seatName = (id: string) => definition.seats.find((s) => s.id === id)?.name ?? id;
  const ranked = [...record.standings].sort((a, b) => a.rank - b.rank);
  const stageColumns = definition.stages.flatMap((s) => [t('export.col.stageRaw', { stage: s.name }), t('export.col.stageNormalised', { stage: s.name }), t('export.col.stageWeighted', { stage: s.name })]);
  const ruleText = (rule: Parameters<typeof tieBreakWords>[0]) => {
    const words = tieBreakWords(rule, definition.stages);
    return t(words.key, words.params);
  };
  return {
    header: [t('export.col.rank'), t('export.col.seat'), ...stageColumns, t('export.col.weighted'), t('export.col.total'), t('export.col.tied'), t('export.col.decidedByRule')],
    rows: ranked.map((s) => [
      s.rank,
      seatName(s.seatId),
      ...s.stages.flatMap((stage) => [stage.raw, stage.normalised, stage.weighted]),
      s.weighted,
      s.total,
      s.tied ? t('export.yes') : '',
      s.decidedBy ? ruleText(s.decidedBy) : '',
    ]),
    notes: [
      [t('replay.export.rulesVersion'), rulesVersionOf(definition)],
      ...(record.refused.length
        ? record.refused.map((r) => [t('replay.export.refused', { n: r.index + 1, type: r.type, error: r.error })])
        : [[t('replay.export.complete')]]),
    ],
  };
}

/** The tie-break sheet (R7): for every group of seats level on the total, each step with each
 * compared seat's figure, and where each seat ended; a group with no step taken is listed too.
 * Under it, how the totals were worked out. */
export function tieRows(record: ShowRecord, t: Translate): { header: string[]; rows: Cell[][]; notes: Cell[][] } {
  const { definition } = record.state;
  const seatName = (id: string) => definition.seats.find((s) => s.id === id)?.name ?? id;
  const standing = new Map(record.standings.map((s) => [s.seatId, s]));
  const final = (id: string) => [standing.get(id)?.rank ?? '', standing.get(id)?.tied ? t('export.yes') : ''];
  const rows = record.ties.flatMap((tie, g) => {
    const level = standing.get(tie.seats[0])?.weighted ?? '';
    if (!tie.steps.length) return tie.seats.map((id) => [g + 1, level, '', t('export.ties.noRules'), seatName(id), '', ...final(id)]);
    return tie.steps.flatMap((step, n) => {
      const words = tieBreakWords(step.rule, definition.stages);
      return Object.entries(step.values).map(([id, value]) => [g + 1, level, n + 1, t(words.key, words.params), seatName(id), value, ...final(id)]);
    });
  });
  return {
    header: [t('export.col.group'), t('export.col.level'), t('export.col.step'), t('export.col.rule'), t('export.col.seat'), t('export.col.value'), t('export.col.finalRank'), t('export.col.tied')],
    rows,
    notes: [
      record.ties.length ? [t('export.ties.rulesNote')] : [t('export.ties.none')],
      // How the totals were worked out (R2, R3): each stage's normalisation and weight, the decimals.
      [t('export.decimals'), rankingRulesOf(definition).decimals],
      ...definition.stages.map((s) => [s.name, t(`ranking.normalise.${s.normalise ?? 'none'}`), t('export.weight', { weight: s.weight })]),
    ],
  };
}
