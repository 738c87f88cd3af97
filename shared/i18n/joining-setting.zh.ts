// 简体中文 messages for the contest settings' joining field (S6); merged into zh.ts.
export const joiningSettingZh = {
  'editor.approvalAfter': '新手机何时起需主持人批准',
  'editor.approvalAfter.lock': '锁定席位后',
  'editor.approvalAfter.start': '比赛开始后（或锁定席位后）',
  'editor.approvalAfterNote': '在此之前，凭正确的加入码即可直接加入；之后需在“加入请求”中批准。',
};
