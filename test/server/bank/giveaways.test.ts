// Q4: which questions give each other away. An answer shown beside the question's own words is a
// giveaway; an answer that merely occurs, or shows as a wrong option, is not.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/contest/question.js';
import { conflictsOf, findGiveaways } from '../../../server/bank/giveaways.js';

const open = (id: string, stem: string, answer: string, explanation = ''): Question => ({ id, type: 'open', category: 'founding', difficulty: 2, stem, answer, explanation });
const single = (id: string, stem: string, options: string[], key: number, explanation = ''): Question => ({ id, type: 'single', category: 'founding', difficulty: 2, stem, options, answer: [key], explanation });
const multiple = (id: string, stem: string, options: string[], keys: number[], explanation = ''): Question => ({ id, type: 'multiple', category: 'founding', difficulty: 2, stem, options, answer: keys, explanation });

const place = open('place', '中共一大最后一天的会议转移到哪里举行？', '浙江嘉兴南湖');

describe('[Q4] giveaways found in text', () => {
  it('an explanation that tells the answer beside the question’s own words gives it away', () => {
    const year = open('year', '中共一大于哪一年召开？', '1921年', '1921年7月，中共一大在上海开幕，最后一天的会议转移到浙江嘉兴南湖的游船上举行。');
    expect(findGiveaways([year, place])).toEqual([{ from: 'year', to: 'place', by: 'text', field: 'explanation' }]);
  });

  it('the answer alone, without the question’s context, is not a giveaway', () => {
    const tour = open('tour', '哪一处革命纪念地以“红船”闻名？', '南湖红船', '浙江嘉兴南湖是著名的革命纪念地。');
    expect(findGiveaways([tour, place])).toEqual([]);
  });

  it('normalises width, spaces and punctuation before matching', () => {
    const wide = open('wide', '中共一大在哪一年召开？', '1921年', '中共一大 最后一天的会议，转移到 浙江・嘉兴 南湖举行。');
    expect(findGiveaways([wide, place]).map((g) => g.from)).toEqual(['wide']);
  });

  it('a wrong option equal to another question’s answer reveals nothing; a key option or a longer statement does', () => {
    const charter = open('charter', '党的第一部党章是在哪一次全国代表大会上通过的？', '中共二大');
    const distractor = single('distractor', '党的第一部党章由哪一次全国代表大会通过？', ['中共一大', '中共二大', '中共三大'], 0);
    const key = single('key', '党的第一部党章由哪一次全国代表大会通过？', ['中共一大', '中共二大', '中共三大'], 1);
    const statement = multiple('statement', '下列说法正确的有哪些？', ['党的第一部党章是在中共二大上通过的', '中共三大在广州召开', '中共四大在上海召开'], [0, 1]);
    const found = findGiveaways([charter, distractor, key, statement]).filter((g) => g.to === 'charter');
    expect(found.map((g) => g.from).sort()).toEqual(['key', 'statement']);
  });

  it('a multiple-choice key is given away only whole', () => {
    const policies = multiple('policies', '国民党一大后，与新三民主义相联系的三大政策是指哪些？', ['联俄', '联共', '扶助农工', '联省自治'], [0, 1, 2]);
    const part = open('part', '国民党一大后的三大政策中，第一项是什么？', '联俄', '三大政策之一是联俄。');
    const whole = open('whole', '与新三民主义相联系的三大政策的内容是什么？', '联俄、联共、扶助农工', '国民党一大后，与新三民主义相联系的三大政策是联俄、联共、扶助农工。');
    const found = findGiveaways([policies, part, whole]).filter((g) => g.to === 'policies');
    expect(found.map((g) => g.from)).toEqual(['whole']);
  });

  it('any name an open answer gives in brackets counts as its answer', () => {
    const gmd = open('gmd', '标志第一次国共合作正式形成的是哪次会议？', '国民党一大（中国国民党第一次全国代表大会）');
    const hint = open('hint', '孙中山主持召开的哪次会议标志着第一次国共合作正式形成？', '1924年1月', '1924年1月，中国国民党第一次全国代表大会在广州召开，标志着第一次国共合作正式形成。');
    expect(findGiveaways([gmd, hint])).toContainEqual({ from: 'hint', to: 'gmd', by: 'text', field: 'explanation' });
  });

  it('true/false questions have no answer text to give away, and a question never gives itself away', () => {
    const tf: Question = { id: 'tf', type: 'true-false', category: 'founding', difficulty: 1, stem: '中共一大在上海开幕。', answer: true, explanation: '中共一大在上海开幕。' };
    const self = open('self', '中共一大在哪座城市开幕？', '上海', '中共一大在上海开幕。');
    expect(findGiveaways([tf, self]).filter((g) => g.to === 'tf' || g.from === g.to)).toEqual([]);
  });
});

describe('[Q4] declared excludes', () => {
  it('pairs what text cannot find, ignoring unknown ids and the question itself', () => {
    const a = { ...open('a', '标志第一次国共合作正式形成的是哪次会议？', '国民党一大'), excludes: ['b', 'missing', 'a'] };
    const b = open('b', '下列哪些属于第一次国共合作期间的历史事件？', '黄埔军校');
    expect(findGiveaways([a, b])).toEqual([{ from: 'a', to: 'b', by: 'declared' }]);
  });

  it('a pair declared from both sides is listed once', () => {
    const a = { ...open('a', '中共一大在哪一年召开？', '1921年'), excludes: ['b'] };
    const b = { ...open('b', '中共二大在哪一年召开？', '1922年'), excludes: ['a'] };
    expect(findGiveaways([a, b])).toEqual([{ from: 'a', to: 'b', by: 'declared' }]);
  });

  it('conflicts run both ways', () => {
    const map = conflictsOf([{ from: 'a', to: 'b', by: 'declared' }, { from: 'c', to: 'b', by: 'text', field: 'stem' }]);
    expect([...(map.get('b') ?? [])].sort()).toEqual(['a', 'c']);
    expect([...(map.get('a') ?? [])]).toEqual(['b']);
  });
});

describe('a large bank', () => {
  it('finds the one planted pair among thousands of unrelated questions', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => open(`f${i}`, `第${i}号题的题干编号为${i * 7}，请问答案是什么？`, `答案${i}甲乙`, `解析第${i}条。`));
    const year = open('year', '中共一大于哪一年召开？', '1921年', '中共一大最后一天的会议转移到浙江嘉兴南湖的游船上举行。');
    expect(findGiveaways([...filler, year, place])).toEqual([{ from: 'year', to: 'place', by: 'text', field: 'explanation' }]);
  });
});
