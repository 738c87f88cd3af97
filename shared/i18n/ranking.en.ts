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
};
