// The contest file's ranking (R2, R3, R5, R8): how each stage is normalised, the decimals of the
// ranking, and the tie-breaks in order, with a stage tie-break naming its stage as the file does.
import { z } from 'zod';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { RankingRules, TieBreak } from '../../shared/contest/ranking-types.js';

/** R2: a stage's `normalise`; absent: `none`. */
export const normaliseField = z.enum(['none', 'max', 'best']).optional();

const tieBreak = z.discriminatedUnion('by', [
  z.object({ by: z.literal('stage'), stage: z.string().trim().min(1).max(40) }).strict(),
  z.object({ by: z.literal('buzz-right') }).strict(),
  z.object({ by: z.literal('wrong-buzzes') }).strict(),
  z.object({ by: z.literal('false-starts') }).strict(),
]);

/** R3, R5: the file's `ranking`; absent: two decimals, no tie-breaks. */
export const rankingField = z
  .object({
    decimals: z.number().int().min(0).max(4).default(2),
    tieBreaks: z.array(tieBreak).max(10).default([]),
  })
  .strict()
  .optional();

type FileRanking = z.output<typeof rankingField>;

/** R8's own messages, by the code a refinement raises. */
export const RANKING_MESSAGES: Record<string, MessageKey> = {
  'tie-break-stage': 'ranking.definition.tie-break-stage',
  'tie-break-stage-twice': 'ranking.definition.tie-break-stage-twice',
  'tie-break-twice': 'ranking.definition.tie-break-twice',
};

/** R8: each tie-break once, and a stage tie-break naming exactly one of the file's stages. */
export function checkRanking(file: { stages: { name: string }[]; ranking?: FileRanking }, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  file.ranking?.tieBreaks.forEach((rule, i) => {
    const path = ['ranking', 'tieBreaks', i];
    const key = rule.by === 'stage' ? `stage:${rule.stage}` : rule.by;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'tie-break-twice', path });
    seen.add(key);
    if (rule.by !== 'stage') return;
    const named = file.stages.filter((stage) => stage.name === rule.stage).length;
    if (named !== 1) ctx.addIssue({ code: 'custom', message: named ? 'tie-break-stage-twice' : 'tie-break-stage', path: [...path, 'stage'] });
  });
}

/** The definition's ranking rules: a stage tie-break names its stage by id (`stage-N`, as
 * drawContest gives them); absent in the file, absent in the definition. */
export function rankingOf(file: { stages: { name: string }[]; ranking?: FileRanking }): RankingRules | undefined {
  if (!file.ranking) return undefined;
  const stageId = (name: string) => `stage-${file.stages.findIndex((stage) => stage.name === name) + 1}`;
  const tieBreaks = file.ranking.tieBreaks.map((rule): TieBreak => (rule.by === 'stage' ? { by: 'stage', stageId: stageId(rule.stage) } : rule));
  return { decimals: file.ranking.decimals, tieBreaks };
}
