// 简体中文 messages for refusing hostile bank files (zip bombs, files too costly to read); merged into zh.ts.
export const uploadsZh = {
  'bank.error.xlsx-too-large': '这个 Excel 文件解压后超过 {maxMb} MB（可能是“压缩炸弹”），未读取，未导入；请只保留题目，另存为 .xlsx 或 .csv 后再导入',
  'bank.error.parse-timeout': '读取这个文件超过 {seconds} 秒，已停止，未导入；请拆分成几个文件或另存为 .csv 后再导入',
  'bank.error.parse-too-much-memory': '读取这个文件需要的内存超过 {maxMb} MB，已停止，未导入；请拆分成几个文件或另存为 .csv 后再导入',
  'bank.error.parse-busy': '服务器正在读取其他题库文件，这个文件未读取，未导入；请稍后再试',
};
