// The big screen's own words for its controls, false starts and the leaderboard (简体中文).
export const screenLayoutZh = {
  'screen.fullscreen': '全屏',
  'screen.exitFullscreen': '退出全屏',
  'screen.volume': '音量',
  'screen.controlsHint': '移动鼠标或按任意键显示控制',
  'screen.falseStart': '提前抢答',
  'screen.penalty.lockout': '锁定 {s} 秒',
  'screen.penalty.lose-question': '本题不得再抢答',
  'screen.penalty.deduct': '扣 {n} 分，本题不得再抢答',
  'screen.leaderboard': '积分排行',
  'screen.answeredLabel': '已作答',
  'screen.adjusted': '{delta}（{reason}）',
  'host.control.standings': '积分排行',
  'host.control.standingsHide': '收起排行',
} as const;
