// 简体中文 messages for joining: locked seats and admissions, seat cards, a phone's result and
// feedback, export file names; merged into zh.ts.
export const joiningZh = {
  'error.seats-locked': '主持人已锁定席位，新手机不能加入。如需更换手机，请联系主持人。',
  'error.seats-not-locked': '席位未锁定，无需单独允许加入',

  'host.lockSeats': '锁定席位',
  'host.unlockSeats': '解除锁定',
  'host.seatsLocked': '席位已锁定：新手机需经批准才能加入，大屏幕不显示加入码',
  'host.seatsOpen': '席位开放：持加入码即可加入',
  'host.lockConfirm': '锁定后，新手机需经主持人批准才能加入，大屏幕不再显示加入码。确定锁定吗？',
  'host.admit': '允许加入',
  'host.admitting': '等待加入',
  'host.admitCancel': '取消',
  'host.admitHint': '“{name}”可用加入码加入，满员后自动恢复锁定',
  'host.seatCards': '打印席位卡',

  'cards.pageTitle': '席位卡',
  'cards.print': '打印',
  'cards.hint': '每张卡片含该席位的二维码与加入码。加入码是席位的密码：请把卡片交给本席位选手，不要投屏。',
  'cards.scan': '用手机扫码，直接加入本席位',
  'cards.code': '加入码',
  'cards.team': '代表队 · 最多 {phones} 部手机',
  'cards.missingKey': '链接不完整或密钥不对：请从主持人控制台或赛事管理页打开席位卡。',

  'screen.seatsLocked': '席位已锁定：新手机需经主持人允许才能加入',
  'contestant.seatsLocked': '席位已锁定：只有主持人允许后才能加入新手机。',
  'contestant.verdict.right': '回答正确 {delta}',
  'contestant.verdict.wrong': '回答错误 {delta}',
  'contestant.verdict.timeout': '超时未答 {delta}',
  'contestant.verdict.rightNoPoints': '回答正确',
  'contestant.verdict.wrongNoPoints': '回答错误',
  'contestant.verdict.timeoutNoPoints': '超时未答',
  'contestant.finished': '比赛结束',
  'contestant.rank': '第 {rank} 名',
  'contestant.rankOf': '共 {seats} 个席位',
  'contestant.finalScore': '得分 {score}',
  'contestant.weighted': '加权总分 {total}（按此排名）',

  'ledger.place': '{round} 第 {n} 题',
  'ledger.round': '{round}',
  'turn.skipped': '已跳过',

  'export.fileResults': '成绩',
  'export.question': '题目',

  'landing.status.not-started': '未开始',
  'landing.status.running': '进行中',
  'landing.created': '{date} 创建',
};
