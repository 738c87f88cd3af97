// The settings form keeps judged rounds, the judging panel and the seats' titles (issue 12): a
// file with them loads and saves unchanged, and each can be edited into a file the server reads.
import { describe, expect, it } from 'vitest';
import type { RoundKind } from '../../shared/contest/types.js';
import { translate } from '../../shared/i18n/index.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { drawContest } from '../../server/rooms/draw.js';
import { changeKind, fromSource, newRound, sameFile, toFile, type EditorNames } from '../../web/host/contest-editor.js';
import { criteriaMatch, criteriaTotal, fromUnit, inUnit, judgeIdAt, newJudge } from '../../web/host/judged-editor.js';

const names: EditorNames = {
  round: (kind: RoundKind) => translate('zh', `round.kind.${kind}`),
  stage: translate('zh', 'editor.newStage'),
  seat: (n) => translate('zh', 'editor.newSeat', { n }),
};
const fallback = { title: 'T', seats: [{ name: '甲', kind: 'individual' as const, phones: 1 }] };
const parsed = (input: unknown) => {
  const result = parseContestFile(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.zh).join('\n'));
  return result.file;
};

const finalFile = {
  format: 'qiangda-contest',
  version: 1,
  title: '党史知识竞赛决赛',
  seats: [
    { name: '第一党支部', topic: '把支部建在项目上' },
    { name: '第二党支部', kind: 'team', phones: 2, topic: '党员先锋岗的三年' },
    { name: '第三党支部' },
  ],
  stages: [
    { name: '比知识', weight: 0.15, rounds: [{ kind: 'buzz-in', questions: 3 }] },
    {
      name: '悟思想',
      weight: 0.15,
      rounds: [
        {
          kind: 'judged',
          name: '悟思想',
          prompt: 'question',
          orderBy: 'lot',
          prepareSec: 60,
          speakSec: 180,
          warnAtSec: 30,
          overtime: { perSec: 30, points: 1 },
          scale: { min: 0, max: 100, step: 0.5 },
          criteria: [
            { name: '内容', max: 40 },
            { name: '表达', max: 30 },
            { name: '效果', max: 30 },
          ],
          aggregate: 'trimmed-mean',
          decimals: 2,
        },
      ],
    },
    { name: '述行动', weight: 0.7, rounds: [{ kind: 'judged', name: '述行动', speakSec: 300 }] },
  ],
  judges: [
    { name: '王教授', title: '教授', unit: '省委党校' },
    { id: 'chen', name: '陈主任' },
    { name: '李书记', unit: '市委组织部' },
  ],
  seed: 'fixed',
};

describe('judged rounds, judges and titles in the settings form', () => {
  it('[J1] a file with judged rounds, a panel and seat titles saves unchanged through the form', () => {
    const model = fromSource(finalFile, fallback, names);
    expect(model.stages.map((s) => s.rounds.map((r) => r.kind))).toEqual([['buzz-in'], ['judged'], ['judged']]);
    expect(model.judges.map((j) => j.id)).toEqual(['j1', 'chen', 'j3']);
    expect(model.seats.map((s) => s.topic)).toEqual(['把支部建在项目上', '党员先锋岗的三年', '']);
    expect(parsed(toFile(model))).toEqual(parsed(finalFile));
  });

  it('[J3] shows the defaults a judged round leaves out, and leaves them out again', () => {
    const round = fromSource(finalFile, fallback, names).stages[2].rounds[0];
    expect(round.judging).toMatchObject({ prompt: 'title', orderBy: 'file', prepareSec: 0, speakSec: 300, warnAtSec: 60, warnUnit: 'min', overtime: false, scaleMax: 100, scaleStep: 0.5, criteria: [], aggregate: 'auto', decimals: 2 });
    expect(toFile(fromSource(finalFile, fallback, names))).not.toHaveProperty('stages.2.rounds.0.aggregate');
  });

  it('[J1] a judged round added in the form reaches the drawn definition with its settings', () => {
    const model = fromSource(finalFile, fallback, names);
    const round = newRound('judged', '述行动');
    round.judging = { ...round.judging, orderBy: 'lot', speakSec: 240, warnAtSec: 30, warnUnit: 'sec', overtime: true, overtimePerSec: 15, overtimePoints: 0.5, aggregate: 'mean', decimals: 1, criteria: [{ name: '内容', max: 60 }, { name: '表达', max: 40 }] };
    model.stages[2].rounds.push(round);
    const drawn = drawContest(parsed(toFile(model)), loadBank(BUNDLED_BANK).questions, 'seed');
    if (!drawn.ok) throw new Error(drawn.issues.map((i) => i.zh).join('\n'));
    const added = drawn.definition.stages[2].rounds[1];
    expect(added.kind).toBe('judged');
    if (added.kind !== 'judged') return;
    expect(added.judging).toMatchObject({ prompt: 'title', orderBy: 'lot', speakMs: 240_000, warnAtMs: 30_000, overtime: { perMs: 15_000, points: 0.5 }, aggregate: 'mean', decimals: 1 });
    expect(added.judging.criteria).toEqual([{ name: '内容', max: 60 }, { name: '表达', max: 40 }]);
    expect(drawn.definition.judges?.map((j) => j.id)).toEqual(['j1', 'chen', 'j3']);
    expect(drawn.definition.seats[0].topic).toBe('把支部建在项目上');
  });

  it('[J3] criteria that do not add up to the highest score: the form sees it, the server names the field in both languages', () => {
    const model = fromSource(finalFile, fallback, names);
    const judging = model.stages[1].rounds[0].judging;
    expect(criteriaMatch(judging)).toBe(true);
    judging.criteria[0].max = 50;
    expect(criteriaTotal(judging.criteria)).toBe(110);
    expect(criteriaMatch(judging)).toBe(false);
    const result = parseContestFile(toFile(model));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['stages.1.rounds.0.criteria']);
    expect(result.issues[0].zh).toContain(translate('zh', 'definition.error.judged-criteria'));
    expect(result.issues[0].en).toContain(translate('en', 'definition.error.judged-criteria'));
  });

  it('a removed judge takes no one\'s link: the others keep their ids, a new judge gets an id never used in the panel', () => {
    const loaded = fromSource(finalFile, fallback, names);
    const model = fromSource(finalFile, fallback, names);
    model.judges = model.judges.slice(1);
    model.judges.push(newJudge('赵老师', [...model.judges, ...loaded.judges]));
    // j1 was 王教授's: not given again in this edit; j2 was nobody's.
    expect(model.judges.map((j) => j.id)).toEqual(['chen', 'j3', 'j2']);
    const file = parsed(toFile(model));
    expect(file.judges?.map((j, i) => j.id ?? judgeIdAt(i))).toEqual(['chen', 'j3', 'j2']);
    expect(sameFile(model, loaded)).toBe(false);
  });

  it('switching a round to judged keeps only open questions in its draw; a new stage has no judged round', () => {
    const round = { ...newRound('buzz-in', '抢答题'), draw: { categories: [], difficulties: [], types: ['single' as const, 'open' as const] } };
    expect(changeKind(round, 'judged', [], '评委打分').draw.types).toEqual(['open']);
    expect(fromSource(null, fallback, names).stages[0].rounds.map((r) => r.kind)).toEqual(['in-turn', 'all-at-once', 'buzz-in']);
  });

  it('shows the speaking time in minutes and the warning in its unit without disturbing a loaded value', () => {
    expect(inUnit(180, 'min')).toBe(3);
    expect(fromUnit(2.5, 'min')).toBe(150);
    expect(inUnit(100, 'min')).toBe(1.667);
    expect(inUnit(45, 'sec')).toBe(45);
    expect(fromUnit(null, 'min')).toBeNull();
  });
});
