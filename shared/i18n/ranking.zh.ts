// The final ranking (issue 13, R1-R8): the contest file's fields and errors, the breakdown on the
// screen and the host console, the export's tie-break sheet; merged into zh.ts.
export const rankingZh = {
  'definition.field.normalise': '归一化方式',
  'definition.field.ranking': '排名规则',
  'definition.field.tieBreaks': '同分比较',
  'definition.field.tieBreaks.item': '第{n}项同分比较',
  'definition.field.stage': '环节名称',
  'definition.field.by': '比较依据',
  'ranking.definition.tie-break-stage': '没有这个名称的环节：须与某一环节的名称完全一致',
  'ranking.definition.tie-break-stage-twice': '有多个环节叫这个名称，无法确定按哪个环节比较',
  'ranking.definition.tie-break-twice': '同一比较依据只能出现一次',
};
