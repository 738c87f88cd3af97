// The final ranking (issue 13, R1-R8), in English; merged into en.ts.
import type { rankingZh } from './ranking.zh.js';

export const rankingEn: Record<keyof typeof rankingZh, string> = {
  'definition.field.normalise': 'Normalisation',
  'definition.field.ranking': 'Ranking rules',
  'definition.field.tieBreaks': 'Tie-breaks',
  'definition.field.tieBreaks.item': 'Tie-break {n}',
  'definition.field.stage': 'Stage name',
  'definition.field.by': 'Compared by',
  'ranking.definition.tie-break-stage': 'No stage has this name: it must match a stage\'s name exactly',
  'ranking.definition.tie-break-stage-twice': 'Several stages have this name: cannot tell which stage to compare',
  'ranking.definition.tie-break-twice': 'Each tie-break may appear only once',
  'ranking.normalise.none': 'None (raw points)',
  'ranking.normalise.max': 'To 100 by the most possible',
  'ranking.normalise.best': 'To 100 by the best seat',
  'ranking.tieBreak.stage': 'Higher score in a stage',
  'ranking.tieBreak.buzz-right': 'More right buzz-in answers',
  'ranking.tieBreak.wrong-buzzes': 'Fewer wrong buzz-in answers',
  'ranking.tieBreak.false-starts': 'Fewer false starts',
  'editor.ranking.normaliseNote': 'When stages are scored on different scales, bring each to 100 before its weight applies',
  'editor.ranking.decimalsNote': 'Decimals of the normalised, weighted and total scores (rounded half up)',
  'editor.ranking.none': 'No tie-breaks: seats level on the total share their place',
  'editor.ranking.add': 'Add a tie-break',
  'editor.ranking.note': 'Applied in order to seats level on the total; seats level on all of them stay tied, never ordered by seat',
};
