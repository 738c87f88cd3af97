// 简体中文 for the audience's page (/watch/) and its QR code on the screen and the host console.
export const watchZh = {
  'watch.pageTitle': '观看直播',
  'watch.scoreboard': '实时积分榜',
  'watch.waiting': '比赛即将开始',
  'watch.buzzedBy': '{name} 抢到答题权',
  'watch.answer': '答案：{answer}',
  'watch.like': '点赞',
  'watch.likeTotal': '{n} 个赞',
  'watch.likeRefused': '点得太快了，稍后再点',
  'watch.prizes': '获奖名单',
  'watch.finished': '比赛结束',
  'watch.commentsPlace': '弹幕',
  'watch.qrTitle': '扫码观看直播',
  'watch.qrAlt': '观众观看二维码',
  'watch.hostLink': '观众观看页',
} as const;
