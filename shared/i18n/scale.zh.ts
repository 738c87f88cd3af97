// 简体中文 for scale-out (--redis): the terminal's lines when a contest's engine moves between processes.
export const scaleZh = {
  'scale.tookOver.terminal': '赛事 {contest}：比赛引擎在本进程运行（从操作记录重放）',
  'scale.leaseLost.terminal': '赛事 {contest}：比赛引擎已由另一进程接管，本进程不再运行它',
  'scale.redisError.terminal': 'Redis：{message}（本进程继续运行已接管的比赛，其他进程上的观众和手机会自动重连）',
};
