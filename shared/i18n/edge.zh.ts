// 简体中文 messages for the edge: refusals of floods, crowded addresses and foreign pages;
// merged into zh.ts.
export const edgeZh = {
  'error.rate-limited': '操作太频繁，请稍后再试',
  'error.too-many-connections': '本网络地址的连接数已达上限，请关闭多余的页面后重试',
  'error.origin-not-allowed': '请从竞赛的正式地址打开本页面（不能从其他网站连接）',
  'error.host-not-allowed': '请用竞赛的正式地址打开本页面',
  'error.bad-request': '请求格式不正确',
  'error.not-found': '找不到这个地址',
  'error.too-large': '文件或请求太大',
};
