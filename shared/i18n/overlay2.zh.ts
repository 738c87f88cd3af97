// 简体中文 for the stream overlay's judged turns, award ceremony and final standings (/overlay/).
export const overlay2Zh = {
  'overlay2.finalRanking': '最终排名',
  'overlay2.winners': '获奖名单',
  'overlay2.round': '即将开始',
};
