// A tie-break in words (R5, R6), the same on the screen, the host console, the export and the
// print page: 按“述行动”得分, 按抢答答对次数...
import type { MessageKey } from '../i18n/index.js';
import type { TieBreak } from './ranking-types.js';

/** The message naming a tie-break; a stage one names its stage by the stage's own name. */
export function tieBreakWords(rule: TieBreak, stages: readonly { id: string; name: string }[]): { key: MessageKey; params?: Record<string, string> } {
  if (rule.by !== 'stage') return { key: `ranking.rule.${rule.by}` };
  return { key: 'ranking.rule.stage', params: { stage: stages.find((s) => s.id === rule.stageId)?.name ?? rule.stageId } };
}
