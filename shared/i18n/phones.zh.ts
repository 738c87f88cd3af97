// 简体中文 messages for the phones of a seat (S5) and joining with the host's approval (S6);
// merged into zh.ts.
export const phonesZh = {
  'error.awaiting-approval': '已发送加入请求，等待主持人批准',
  'error.join-refused': '主持人未批准加入。如有疑问，请联系主持人。',
  'error.unknown-phone': '该席位没有这部手机（可能已被移除）',
  'error.unknown-request': '该加入请求已处理或已撤回',

  'contestant.awaitingApproval': '等待主持人批准',
  'contestant.awaitingHint': '加入码正确。主持人批准后，本手机自动进入席位，请勿关闭页面。',
  'contestant.joinRefused': '主持人未批准本手机加入。如有疑问，请联系主持人。',
  'contestant.removed': '主持人已将本手机移出席位。如需重新加入，请联系主持人。',

  'host.joinRequests': '加入请求',
  'host.joinRequestAt': '{time} 请求加入',
  'host.approve': '批准',
  'host.refuse': '拒绝',
  'host.approved': '已批准手机加入“{name}”',
  'host.refused': '已拒绝加入“{name}”的请求',
  'host.phoneN': '手机{n}',
  'host.phoneJoined': '{time} 加入',
  'host.phoneOnline': '在线',
  'host.phoneOffline': '离线',
  'host.removePhone': '移除',
  'host.removePhoneConfirm': '从“{name}”移除{phone}？该手机将退出席位，席位换用新的加入码。',
  'host.phoneRemoved': '已移除“{name}”的{phone}，席位已换用新的加入码',

  'definition.field.joining': '加入',
  'definition.field.approvalAfter': '何时起需主持人批准（lock：锁定席位后；start：比赛开始后）',
};
