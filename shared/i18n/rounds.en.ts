// English messages for the rounds area; merged into en.ts. Must carry every key of rounds.zh.ts.
import type { roundsZh } from './rounds.zh.js';

export const roundsEn: Record<keyof typeof roundsZh, string> = {};
