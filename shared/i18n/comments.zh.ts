// 简体中文 for 弹幕: the audience's comment box, the host's moderation panel; merged into zh.ts.
export const commentsZh = {
  'comments.title': '弹幕',
  'comments.placeholder': '说点什么（最多 {max} 字）',
  'comments.send': '发送',
  'comments.empty': '还没有弹幕',
  'comments.closed': '弹幕未开放',
  'comments.paused': '弹幕已暂停',
  'comments.wait': '请 {seconds} 秒后再发',
  'comments.slowNote': '慢速模式：每人每 {seconds} 秒一条',

  'host.comments.title': '弹幕管理',
  'host.comments.on': '开放弹幕',
  'host.comments.paused': '全部暂停',
  'host.comments.projected': '投到大屏幕',
  'host.comments.slow': '慢速模式（秒，0 为关闭）',
  'host.comments.apply': '应用',
  'host.comments.words': '屏蔽词（每行一个）',
  'host.comments.saveWords': '保存屏蔽词',
  'host.comments.hide': '隐藏',
  'host.comments.hidden': '已隐藏',
  'host.comments.none': '还没有弹幕',
  'host.comments.count': '最近 {n} 条',
};
