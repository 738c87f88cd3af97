// English messages for fair buzzing: ties, held presses, link warnings; merged into en.ts.
import type { fairBuzzZh } from './fair-buzz.zh.js';

export const fairBuzzEn: Record<keyof typeof fairBuzzZh, string> = {
  'decision.tied': 'Pressed together (tie)',
  'press.tied': 'Pressed together with another seat: wait for the host',
  'error.not-tied': 'The buzz can go only to a seat in the tie',
  'phase.tied': 'Pressed together',
  'buzzer.tied.host': 'Pressed together! The host decides',
  'buzzer.tied.rebuzz': 'Pressed together! Get ready to buzz again',
  'buzzer.tieOthers': 'A tie: the tied seats buzz again',
  'definition.field.maxCreditMs': 'Press-time credit (ms)',
  'definition.field.tieRule': 'Ties',
  'definition.error.credit-over-wait': 'The credit cannot be longer than the longest wait',
  'export.col.held': 'Arrived past the credit (ms)',
  'export.col.decidedBy': 'Decided by',
  'export.decidedBy.stamp': 'Press time',
  'export.decidedBy.arrival': 'Arrival order',
  'export.decidedBy.tie-arrival': 'Tie, by arrival',
  'export.decidedBy.tie-rebuzz': 'Tie, re-buzz',
  'export.decidedBy.tie-host': 'Tie, host decided',
};
