// English for the audience's page (/watch/) and its QR code on the screen and the host console.
import type { watchZh } from './watch.zh.js';

export const watchEn: Record<keyof typeof watchZh, string> = {
  'watch.pageTitle': 'Watch live',
  'watch.scoreboard': 'Live scoreboard',
  'watch.waiting': 'The contest starts soon',
  'watch.buzzedBy': '{name} buzzed first',
  'watch.answer': 'Answer: {answer}',
  'watch.like': 'Like',
  'watch.likeTotal': '{n} likes',
  'watch.likeRefused': 'Too fast: tap again in a moment',
  'watch.prizes': 'Prizes',
  'watch.finished': 'The contest is over',
  'watch.commentsPlace': 'Comments',
  'watch.qrTitle': 'Scan to watch live',
  'watch.qrAlt': 'QR code of the audience page',
  'watch.hostLink': 'Audience page',
};
