// 简体中文: the default language, and the source of every message key.
export const zh = {
  // Server terminal
  'terminal.created': '已创建竞赛：{title}',
  'terminal.resumed': '已恢复竞赛：{title}（从上次中断处继续）',
  'terminal.host': '主持人控制台：',
  'terminal.screen': '大屏幕：      ',
  'terminal.join': '选手加入：    ',
  'terminal.scan': '选手用手机扫描下方二维码加入：',
  'terminal.hint': '提示：手机需与本机连接同一 Wi-Fi；如地址不对，可用 --public-url 指定。',
  'terminal.noBuild': '找不到已构建的页面（dist/web）。请先运行 npm run build，或使用 npm start。',

  // Error codes from the wire (shared/protocol.ts ErrorCode)
  'error.not-in-question': '当前没有进行中的题目',
  'error.wrong-phase': '当前环节不能进行此操作',
  'error.question-in-play': '本题仍在进行中，请先裁定或结束本题',
  'error.unknown-seat': '没有这个席位',
  'error.no-seat-left': '所有席位均已出局，无法再次开放抢答',
  'error.nothing-to-undo': '没有可撤销的裁定',
  'error.nothing-due': '没有到期的计时',
  'error.contest-finished': '竞赛已结束',
  'error.question-over': '本题已结束',
  'error.bad-payload': '请求格式不正确',
  'error.bad-handshake': '连接参数不正确，请重新打开链接',
  'error.version-mismatch': '页面版本已过期，请刷新页面',
  'error.unknown-contest': '找不到这场竞赛，请检查链接',
  'error.not-authorised': '没有权限进行此操作',
  'error.no-seat': '请先加入席位',
  'error.bad-join-code': '加入码不正确',
  'error.seat-taken': '该席位已被其他手机占用，请联系工作人员',
  'error.already-seated': '本机已加入席位',
  'error.storage-failed': '无法保存到磁盘，操作未生效，请联系工作人员',
  'error.internal-error': '服务器内部错误，操作未生效',
  'error.timeout': '服务器没有响应，请检查网络',
} as const;

export type MessageKey = keyof typeof zh;
