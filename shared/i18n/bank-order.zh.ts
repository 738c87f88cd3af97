// 简体中文: option order, giveaways and local categories in bank files (Q1-Q6); merged into zh.ts.
export const bankOrderZh = {
  'category.local-hunan': '地方党史（湖南）',
  'bank.column.fixedOptions': '固定选项',
  'bank.column.excludes': '互斥题号',
  'bank.error.bad-fixed-options': '{at}：「固定选项」应填 是 或 否（也可写 1/0、√，不填为否），这里是「{value}」',
  'bank.template.help.fixedOptions': '固定选项：填「是」时，比赛中本题选项保持题库中的顺序（如判断题、含「以上都是」的题、按顺序排列的选项）；不填则每场比赛打乱选项顺序，并使答案字母分布均衡。',
  'bank.template.help.excludes': '互斥题号：与本题不能出现在同一场比赛中的题目编号（如本题解析透露了那道题的答案），多个编号用逗号、顿号或空格分隔，可不填。',
  'bank.template.help.local': '分类也可填「地方党史（湖南）」（或「湖南」）：地方党史题只有在轮次的抽题分类中选中它时才会抽到。',
  // npm run bank:balance
  'bank.balance.usage': '用法：npm run bank:balance -- 题库文件.json',
  'bank.balance.not-json': '只能平衡 JSON 题库文件：{file} 不是 JSON。Excel 或 CSV 题库请先导入，选项顺序在每场比赛中自动打乱。',
  'bank.balance.cannot-read': '无法读取 {file}：{reason}',
  'bank.balance.invalid': '{file} 不是有效的题库文件：{reason}',
  'bank.balance.before': '调整前各字母作为答案的次数：',
  'bank.balance.after': '调整后各字母作为答案的次数：',
  'bank.balance.row': '  {type}，{count} 个选项（{questions} 道）：{letters}',
  'bank.balance.none': '  （没有可调整的选择题）',
  'bank.balance.written': '已改写 {file}：调整了 {changed} 道题的选项顺序（固定选项的题保持不变）。',
} as const;
