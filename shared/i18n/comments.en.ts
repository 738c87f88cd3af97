// English for 弹幕 (comments): the audience's comment box, the host's moderation panel.
import type { commentsZh } from './comments.zh.js';

export const commentsEn: Record<keyof typeof commentsZh, string> = {
  'comments.title': 'Comments',
  'comments.placeholder': 'Say something (up to {max} characters)',
  'comments.send': 'Send',
  'comments.empty': 'No comments yet',
  'comments.closed': 'Comments are closed',
  'comments.paused': 'Comments are paused',
  'comments.wait': 'Wait {seconds} s before the next one',
  'comments.slowNote': 'Slow mode: one comment per {seconds} s each',

  'host.comments.title': 'Comments',
  'host.comments.on': 'Comments on',
  'host.comments.paused': 'Pause all',
  'host.comments.projected': 'On the big screen',
  'host.comments.slow': 'Slow mode (seconds, 0: off)',
  'host.comments.apply': 'Apply',
  'host.comments.words': 'Blocked words (one a line)',
  'host.comments.saveWords': 'Save words',
  'host.comments.hide': 'Hide',
  'host.comments.hidden': 'Hidden',
  'host.comments.none': 'No comments yet',
  'host.comments.count': 'Latest {n}',
};
