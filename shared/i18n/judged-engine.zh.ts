// The judged round kind (评委打分, issue 12): its name, its ledger line and the engine's refusals;
// merged into zh.ts.
export const judgedEngineZh = {
  'round.kind.judged': '评委打分',
  'ledger.judged': '评委评分',
  'error.bad-score': '分数不在本轮的分值范围内、不合分值步长，或各项分数之和不等于总分',
  'error.not-current-seat': '该选手不是当前登台的选手，请刷新页面',
  'error.scoring-closed': '该选手的评分已截止',
  'error.scores-missing': '还有评委没有打分',
  'error.unknown-judge': '没有这位评委',
  'error.judge-excluded': '该评委不为这位选手打分（回避或缺席）',
} as const;
