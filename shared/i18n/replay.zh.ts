// One replay (issue 12): the rules version a contest was played under, and logged commands that
// no longer replay, on the terminal, in the export and in a refused archive; merged into zh.ts.
export const replayZh = {
  'replay.refused.terminal': '赛事 {contest}：操作记录第 {n} 条（{type}）重放时被拒绝（{error}），比赛从其余记录继续，请告知工作人员',
  'replay.export.rulesVersion': '规则版本',
  'replay.export.complete': '操作记录全部重放，无遗漏',
  'replay.export.refused': '操作记录第 {n} 条（{type}）重放时被拒绝（{error}），成绩不含该条',
  'replay.archive.refused': '归档中的操作记录第 {n} 条（{type}）重放时被拒绝（{error}），没有恢复',
} as const;
