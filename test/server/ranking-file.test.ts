// The ranking in the contest file (R2, R3, R5, R8): normalisation per stage, decimals and
// tie-breaks reach the definition; every problem is refused with its field named.
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { drawContest } from '../../server/rooms/draw.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { definitionSchema } from '../../server/storage/archive-schema.js';

const bank = loadBank(BUNDLED_BANK).questions;
const SEATS = [{ name: '一队' }, { name: '二队' }];
const STAGES = [
  { name: '比知识', weight: 0.15, normalise: 'max', rounds: [{ kind: 'in-turn', perSeat: 1 }] },
  { name: '悟思想', weight: 0.15, normalise: 'none', rounds: [{ kind: 'judged' }] },
  { name: '述行动', weight: 0.7, rounds: [{ kind: 'judged' }] },
];
const file = (extra: object = {}, stages: unknown[] = STAGES) => ({ format: 'qiangda-contest', version: 1, title: '决赛', seats: SEATS, stages, ...extra });
const TIE_BREAKS = [{ by: 'stage', stage: '述行动' }, { by: 'buzz-right' }, { by: 'wrong-buzzes' }, { by: 'false-starts' }];

function definitionOf(input: unknown) {
  const parsed = parseContestFile(input);
  if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
  const drawn = drawContest(parsed.file, bank, 'seed');
  if (!drawn.ok) return expect.fail(drawn.issues.map((i) => i.zh).join('\n'));
  return drawn.definition;
}

const issuesOf = (input: unknown) => {
  const parsed = parseContestFile(input);
  return parsed.ok ? [] : parsed.issues;
};

describe('[R8] the ranking in the contest file', () => {
  it('[R2][R3][R5] normalisation, decimals and tie-breaks reach the definition, a stage by its id', () => {
    const definition = definitionOf(file({ ranking: { decimals: 1, tieBreaks: TIE_BREAKS } }));
    expect(definition.stages.map((s) => [s.id, s.normalise ?? null])).toEqual([
      ['stage-1', 'max'],
      ['stage-2', 'none'],
      ['stage-3', null],
    ]);
    expect(definition.ranking).toEqual({ decimals: 1, tieBreaks: [{ by: 'stage', stageId: 'stage-3' }, { by: 'buzz-right' }, { by: 'wrong-buzzes' }, { by: 'false-starts' }] });
  });

  it('[R3] absent: no ranking in the definition (two decimals, no tie-breaks); present but empty: the defaults', () => {
    expect(definitionOf(file()).ranking).toBeUndefined();
    expect(definitionOf(file({ ranking: {} })).ranking).toEqual({ decimals: 2, tieBreaks: [] });
  });

  it('[R8] a stage tie-break naming no stage is refused, the field named in Chinese and English', () => {
    const issues = issuesOf(file({ ranking: { tieBreaks: [{ by: 'stage', stage: '述 行动' }] } }));
    expect(issues).toEqual([
      {
        path: 'ranking.tieBreaks.0.stage',
        zh: '排名规则 › 第1项同分比较 › 环节名称：没有这个名称的环节：须与某一环节的名称完全一致',
        en: expect.stringContaining('Tie-break 1'),
      },
    ]);
    expect(issues[0].en).toContain('No stage has this name');
  });

  it('[R8] a name two stages share cannot say which stage', () => {
    const twins = [STAGES[0], { ...STAGES[1], name: '比知识' }];
    expect(issuesOf(file({ ranking: { tieBreaks: [{ by: 'stage', stage: '比知识' }] } }, twins)).map((i) => [i.path, i.zh])).toEqual([
      ['ranking.tieBreaks.0.stage', '排名规则 › 第1项同分比较 › 环节名称：有多个环节叫这个名称，无法确定按哪个环节比较'],
    ]);
  });

  it('[R8] each tie-break once (a stage one once per stage)', () => {
    const twice = [{ by: 'buzz-right' }, { by: 'stage', stage: '述行动' }, { by: 'buzz-right' }, { by: 'stage', stage: '悟思想' }, { by: 'stage', stage: '述行动' }];
    expect(issuesOf(file({ ranking: { tieBreaks: twice } })).map((i) => [i.path, i.en])).toEqual([
      ['ranking.tieBreaks.2', 'Ranking rules › Tie-break 3: Each tie-break may appear only once'],
      ['ranking.tieBreaks.4', 'Ranking rules › Tie-break 5: Each tie-break may appear only once'],
    ]);
  });

  it('[R8] decimals 0-4, a known normalisation and a known tie-break', () => {
    const bad = file({ ranking: { decimals: 5, tieBreaks: [{ by: 'coin' }] } }, [{ ...STAGES[0], normalise: 'top' }]);
    expect(issuesOf(bad).map((i) => i.path).sort()).toEqual(['ranking.decimals', 'ranking.tieBreaks.0.by', 'stages.0.normalise']);
    expect(issuesOf(bad).find((i) => i.path === 'stages.0.normalise')?.zh).toMatch(/^第1环节 › 归一化方式：/);
  });

  it('[R8] an archive keeps them: the definition passes the archive\'s own check, unchanged', () => {
    const definition = definitionOf(file({ ranking: { decimals: 3, tieBreaks: TIE_BREAKS } }));
    const checked = definitionSchema.safeParse(JSON.parse(JSON.stringify(definition)));
    expect(checked.success && checked.data).toEqual(definition);
  });
});
