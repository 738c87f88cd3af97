// The contest file's `awards` (奖项): prize tiers by count or by score threshold, and what a tie
// across a count boundary gets (AW1-AW3). Checked here, so contest-file.ts only names it.
import { z } from 'zod';
import type { MessageKey } from '../../shared/i18n/index.js';
import { MAX_PRIZE_TIERS } from '../../shared/protocol.js';
import type { AwardRules } from '../../shared/contest/ranking-types.js';

const tier = z
  .object({
    name: z.string().trim().min(1).max(20),
    count: z.number().int().min(1).max(500).optional(),
    minTotal: z.number().finite().min(-100_000).max(100_000).optional(),
  })
  .strict();

/** `awards` as the file writes it; absent: the contest gives no prizes. */
export const awardsFileSchema = z
  .object({
    by: z.enum(['count', 'threshold']).default('count'),
    tiers: z.array(tier).min(1, { message: 'awards-empty' }).max(MAX_PRIZE_TIERS),
    boundaryTie: z.enum(['higher', 'host']).default('higher'),
  })
  .strict()
  .superRefine((awards, ctx) => {
    awards.tiers.forEach((t, i) => {
      if (awards.by === 'count' && t.count === undefined) ctx.addIssue({ code: 'custom', message: 'awards-count', path: ['tiers', i, 'count'] });
      if (awards.by === 'threshold' && t.minTotal === undefined) ctx.addIssue({ code: 'custom', message: 'awards-threshold', path: ['tiers', i, 'minTotal'] });
      const above = awards.tiers[i - 1]?.minTotal;
      if (awards.by === 'threshold' && i > 0 && t.minTotal !== undefined && above !== undefined && t.minTotal >= above) {
        ctx.addIssue({ code: 'custom', message: 'awards-descending', path: ['tiers', i, 'minTotal'] });
      }
    });
    if (new Set(awards.tiers.map((t) => t.name)).size !== awards.tiers.length) ctx.addIssue({ code: 'custom', message: 'awards-duplicate', path: ['tiers'] });
  });

/** The refinements above, by the message key each one's text is under. */
export const AWARDS_MESSAGES: Record<string, MessageKey> = {
  'awards-empty': 'awards.definition.empty',
  'awards-count': 'awards.definition.count',
  'awards-threshold': 'awards.definition.threshold',
  'awards-descending': 'awards.definition.descending',
  'awards-duplicate': 'awards.definition.duplicate',
};

/** The definition's prize rules from the checked file: only the field its kind uses is kept. */
export function awardRulesOf(file: z.output<typeof awardsFileSchema>): AwardRules {
  const key = file.by === 'count' ? 'count' : 'minTotal';
  return { by: file.by, boundaryTie: file.boundaryTie, tiers: file.tiers.map((t) => ({ name: t.name, [key]: t[key] })) };
}
