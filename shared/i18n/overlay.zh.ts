// 简体中文 for the stream overlay (/overlay/): the words drawn over the video.
export const overlayZh = {
  'overlay.pageTitle': '直播叠加层',
  'overlay.scoreboard': '实时积分',
  'overlay.leader': '领先',
  'overlay.first': '第一',
  'overlay.buzzWon': '抢答成功',
  'overlay.turn': '正在作答',
  'overlay.likes': '点赞',
  'overlay.question': '第 {n} 题',
  'overlay.unlisted': '另有 {n} 个席位',
  'overlay.paused': '暂停',
};
