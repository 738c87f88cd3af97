// 简体中文 messages for running the show safely (RULES.md K): pause, added time, a seat's own
// deadline, and what the host console asks before skipping, finishing or undoing; merged into zh.ts.
export const hostSafetyZh = {
  'error.paused': '比赛已暂停，请等待继续',
  'error.not-paused': '比赛没有暂停',
  'error.no-countdown': '现在没有正在进行的倒计时，无法加时',
  'error.key-revealed': '答案已公布，不能再为席位补时',

  'host.control.pause': '暂停',
  'host.control.resume': '继续',
  'host.control.extend': '加时 {s} 秒',
  'safety.pausedBanner': '比赛已暂停：所有倒计时停止，手机不能抢答或作答。按 P 继续。',
  'safety.extended': '已加时 {s} 秒',
  'safety.skipConfirm': '“{round}”第 {n} 题还没有开始作答（{phase}）。按“下一步”会跳过这道题，之后不能再回到它。确定跳过吗？',
  'safety.finishConfirm': '这是最后一轮“{round}”的最后一题。继续将结束比赛，大屏幕显示最终排名。确定结束比赛吗？',
  'safety.undoWhat': '撤销：{round} 第{n}题 {name} {verdict} {delta}',
  'safety.undoEarlier': '{what}\n这是之前题目的裁定，撤销只退回分数，不会回到那道题。确定撤销吗？',
  'safety.undone': '已{what}',
  'safety.seatExtend.title': '为席位补时',
  'safety.seatExtend.hint': '手机断线（如服务器重启）失去了作答时间：只为这个席位延长截止时间，其他席位不变，全部记入记录。答案公布后不能补时。',
  'safety.seatExtend.seat': '席位',
  'safety.seatExtend.seconds': '秒数',
  'safety.seatExtend.submit': '补时',
  'safety.seatExtend.offline': '（断线 {s} 秒）',
  'safety.seatExtend.until': '{name} 还可作答 {s} 秒',
  'safety.seatExtended': '已为“{name}”补时 {s} 秒',
  'safety.seatExtend.badSeconds': '秒数须为 1 到 {max} 的整数',

  'safety.pausedTitle': '暂停',
  'safety.pausedHint': '比赛暂停，倒计时已停止，请稍候',
  'buzzer.paused': '暂停中，请稍候',
  'answers.paused': '比赛暂停，请稍候再作答',
};
