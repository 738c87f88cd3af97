// English for the online audience (/watch/), likes and comments: the shared error words.
import type { audienceZh } from './audience.zh.js';

export const audienceEn: Record<keyof typeof audienceZh, string> = {
  'error.comments-off': 'Comments are closed or paused',
  'error.comment-too-fast': 'Too fast: wait a moment before the next comment',
  'error.comment-blocked': 'The comment holds a word that is not allowed; not sent',
};
