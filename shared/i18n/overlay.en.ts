// English for the stream overlay (/overlay/).
import type { overlayZh } from './overlay.zh.js';

export const overlayEn: Record<keyof typeof overlayZh, string> = {
  'overlay.pageTitle': 'Stream overlay',
  'overlay.scoreboard': 'Live scores',
  'overlay.leader': 'Leads',
  'overlay.first': 'First',
  'overlay.buzzWon': 'Buzzed first',
  'overlay.turn': 'Answering',
  'overlay.likes': 'Likes',
  'overlay.question': 'Question {n}',
  'overlay.unlisted': '{n} more seats',
  'overlay.paused': 'Paused',
};
