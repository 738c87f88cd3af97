// 公平抢答 (rules P): ties, held presses, link warnings; merged into zh.ts.
export const fairBuzzZh = {
  'decision.tied': '同时按下（平局）',
  'press.tied': '与他人同时按下，等待主持人',
  'error.not-tied': '只能判给平局中的席位',
  'phase.tied': '同时按下',
  'buzzer.tied.host': '同时按下！等待主持人判定',
  'buzzer.tied.rebuzz': '同时按下！准备重新抢答',
  'buzzer.tieOthers': '平局，其他席位重新抢答',
};
