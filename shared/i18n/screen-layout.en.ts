// The big screen's own words for its controls, false starts and the leaderboard (English).
import type { screenLayoutZh } from './screen-layout.zh.js';

export const screenLayoutEn: Record<keyof typeof screenLayoutZh, string> = {
  'screen.fullscreen': 'Full screen',
  'screen.exitFullscreen': 'Exit full screen',
  'screen.volume': 'Volume',
  'screen.controlsHint': 'Move the mouse or press a key for the controls',
  'screen.falseStart': 'False start',
  'screen.penalty.lockout': 'locked out {s} s',
  'screen.penalty.lose-question': 'out of this question',
  'screen.penalty.deduct': '−{n} points, out of this question',
  'screen.leaderboard': 'Standings',
  'screen.answeredLabel': 'Answered',
  'screen.adjusted': '{delta} ({reason})',
  'host.control.standings': 'Standings',
  'host.control.standingsHide': 'Hide standings',
};
