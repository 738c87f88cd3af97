// The settings form keeps a contest file's prizes (AW1-AW3) when the host saves, and writes
// what the host set in the form.
import { describe, expect, it } from 'vitest';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { readContestFile } from '../../server/setup/demo.js';
import { translate } from '../../shared/i18n/index.js';
import type { RoundKind } from '../../shared/contest/types.js';
import { fromSource, sameFile, toFile, type EditorNames } from '../../web/host/contest-editor.js';
import { awardsFile, newAwards } from '../../web/host/awards-editor.js';

const names: EditorNames = {
  round: (kind: RoundKind) => translate('zh', `round.kind.${kind}`),
  stage: translate('zh', 'editor.newStage'),
  seat: (n) => translate('zh', 'editor.newSeat', { n }),
};
const fallback = { title: '测试竞赛', seats: [{ name: '甲', kind: 'individual' as const, phones: 1 }] };
const parsed = (input: unknown) => {
  const result = parseContestFile(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.zh).join('\n'));
  return result.file;
};

describe('[AW1][AW2] prizes in the settings form', () => {
  it('[AW1] a file\'s count tiers and tie rule survive loading and saving', () => {
    const awards = { boundaryTie: 'host', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] };
    const file = { ...(readContestFile() as object), awards };
    const model = fromSource(file, fallback, names);
    expect(parsed(toFile(model))).toEqual(parsed(file));
    expect(toFile(model).awards).toEqual(awards);
  });

  it('[AW2] threshold tiers keep their minimums and drop stray places', () => {
    const file = { ...(readContestFile() as object), awards: { by: 'threshold', tiers: [{ name: '优秀奖', minTotal: 80, count: 2 }] } };
    expect(toFile(fromSource(file, fallback, names)).awards).toEqual({ by: 'threshold', tiers: [{ name: '优秀奖', minTotal: 80 }] });
  });

  it('[AW1] a file without prizes saves without them; prizes added in the form are saved', () => {
    const loaded = fromSource(readContestFile(), fallback, names);
    expect(loaded.awards).toBeNull();
    expect(toFile(loaded)).not.toHaveProperty('awards');
    const added = { ...loaded, awards: newAwards(['一等奖', '二等奖', '三等奖']) };
    expect(sameFile(added, loaded)).toBe(false);
    expect(parsed(toFile(added)).awards).toEqual({ by: 'count', boundaryTie: 'higher', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 3 }, { name: '三等奖', count: 6 }] });
  });

  it('[AW1] a place left empty is left out, so the server names it', () => {
    expect(awardsFile({ by: 'count', boundaryTie: 'higher', tiers: [{ name: '一等奖', count: Number.NaN, minTotal: Number.NaN }] })).toEqual({ awards: { tiers: [{ name: '一等奖' }] } });
  });
});
