// English for the stream overlay's judged turns, award ceremony and final standings (/overlay/).
import type { overlay2Zh } from './overlay2.zh.js';

export const overlay2En: Record<keyof typeof overlay2Zh, string> = {
  'overlay2.finalRanking': 'Final ranking',
  'overlay2.winners': 'Prize winners',
  'overlay2.round': 'Coming up',
};
