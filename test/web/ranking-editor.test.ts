// The settings form keeps the ranking (R2, R3, R5, R8): a file's normalisation, decimals and
// tie-breaks survive a load and a save unchanged, and what the form adds the server accepts.
import { describe, expect, it } from 'vitest';
import type { RoundKind } from '../../shared/contest/types.js';
import { translate } from '../../shared/i18n/index.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { fromSource, toFile, type EditorNames } from '../../web/host/contest-editor.js';
import { newTieBreak, rankingFile, rankingFrom } from '../../web/host/ranking-editor.js';

const names: EditorNames = {
  round: (kind: RoundKind) => translate('zh', `round.kind.${kind}`),
  stage: translate('zh', 'editor.newStage'),
  seat: (n) => translate('zh', 'editor.newSeat', { n }),
};
const fallback = { title: '决赛', seats: [] };
const FILE = {
  format: 'qiangda-contest',
  version: 1,
  title: '决赛',
  seats: [{ name: '一队', kind: 'individual' }],
  stages: [
    { name: '比知识', weight: 0.15, normalise: 'max', rounds: [{ kind: 'buzz-in', name: '抢答题', questions: 3 }] },
    { name: '述行动', weight: 0.7, normalise: 'best', rounds: [{ kind: 'judged', name: '述行动' }] },
  ],
  ranking: { decimals: 3, tieBreaks: [{ by: 'stage', stage: '述行动' }, { by: 'buzz-right' }, { by: 'wrong-buzzes' }, { by: 'false-starts' }] },
};

describe('[R8] the ranking in the settings form', () => {
  it('[R2][R3][R5] a file\'s normalisation, decimals and tie-breaks survive a load and a save', () => {
    const model = fromSource(FILE, fallback, names);
    expect(model.stages.map((s) => s.normalise)).toEqual(['max', 'best']);
    const saved = toFile(model) as typeof FILE;
    expect(saved.stages.map((s) => s.normalise)).toEqual(['max', 'best']);
    expect(saved.ranking).toEqual(FILE.ranking);
    expect(parseContestFile(saved).ok).toBe(true);
  });

  it('[R3] a file without a ranking is saved without one; the defaults are not written out', () => {
    const bare = { ...FILE, ranking: undefined, stages: FILE.stages.map((s) => ({ ...s, normalise: undefined })) };
    const saved = toFile(fromSource(bare, fallback, names));
    expect(saved).not.toHaveProperty('ranking');
    expect((saved.stages as object[]).every((s) => !('normalise' in s))).toBe(true);
    expect(rankingFile(rankingFrom({ decimals: 2, tieBreaks: [] }))).toEqual({});
  });

  it('[R5] a new tie-break is one not yet listed, a stage one naming the last stage first', () => {
    const stages = ['比知识', '悟思想', '述行动'];
    expect(newTieBreak([], stages)).toEqual({ by: 'stage', stage: '述行动' });
    const first = [{ by: 'stage' as const, stage: '述行动' }];
    expect(newTieBreak(first, stages)).toEqual({ by: 'stage', stage: '悟思想' });
    const all = [...first, { by: 'stage' as const, stage: '悟思想' }, { by: 'stage' as const, stage: '比知识' }];
    expect(newTieBreak(all, stages).by).toBe('buzz-right');
  });
});
