// The judged round kind (issue 12): its name, its ledger line and the engine's refusals; merged into en.ts.
import type { judgedEngineZh } from './judged-engine.zh.js';

export const judgedEngineEn: Record<keyof typeof judgedEngineZh, string> = {
  'round.kind.judged': 'Judged',
  'ledger.judged': 'Judges’ score',
  'error.bad-score': 'The score is outside the round’s range, off its step, or its parts do not add up to it',
  'error.not-current-seat': 'That contestant is not the one speaking now: reload the page',
  'error.scoring-closed': 'Scoring for this contestant is closed',
  'error.scores-missing': 'Not every judge has scored yet',
  'error.unknown-judge': 'There is no such judge',
  'error.judge-excluded': 'This judge does not score this contestant (conflict of interest or absent)',
};
