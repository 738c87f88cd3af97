// 简体中文 messages for guarding join codes: a mistyped code, a throttled phone, the host's
// alarm about someone guessing codes; merged into zh.ts.
export const claimGuardZh = {
  'error.bad-join-code': '加入码无效或席位已满，请核对大屏幕或席位卡上的加入码',
  'error.claims-throttled': '尝试次数过多，请稍后再试',
  'contestant.claimsThrottled': '尝试次数过多，请 {seconds} 秒后再试',

  'host.claimAlarm.title': '有人在反复尝试加入码',
  'host.claimAlarm.failures': '最近 {minutes} 分钟内有 {failures} 次加入失败。',
  'host.claimAlarm.throttled': '为防止猜码，加入已暂缓，约 {seconds} 秒后恢复。',
  'host.claimAlarm.advice': '选手都已入座后，请点击“锁定席位”：锁定后任何加入码都不能再加入。',
};
