// 竞赛设置 for risk rounds (风险题): a file's risk round loads with its stakes and pass, saves as the
// server reads it, a new one saves with the format's defaults, and a bad stake is named, not dropped.
import { describe, expect, it } from 'vitest';
import type { RoundKind } from '../../shared/contest/types.js';
import { translate } from '../../shared/i18n/index.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { changeKind, fromSource, newRound, toFile, type EditorNames } from '../../web/host/contest-editor.js';
import { stakesOf } from '../../web/host/risk-editor.js';
import { drawContest } from '../../server/rooms/draw.js';
import { question } from '../support/definitions.js';

const names: EditorNames = {
  round: (kind: RoundKind) => translate('zh', `round.kind.${kind}`),
  stage: translate('zh', 'editor.newStage'),
  seat: (n) => translate('zh', 'editor.newSeat', { n }),
};
const fallback = { title: '测试', seats: [{ name: '1号席', kind: 'individual' as const, phones: 1 }] };
const file = (rounds: unknown[]) => ({ format: 'qiangda-contest', version: 1, title: '风险题', seats: [{ name: '甲' }, { name: '乙' }], stages: [{ name: '比知识', rounds }] });
const parsed = (input: unknown) => {
  const result = parseContestFile(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.zh).join('\n'));
  return result.file;
};

describe('[RK2] risk rounds in the settings form', () => {
  it('[RK2][RK4] a file\'s risk round loads and saves as the server reads it', () => {
    const source = file([{ kind: 'risk', name: '风险题', perSeat: 2, stakes: [20, 40, 60], allowPass: false, answerTimeSec: 45, draw: { types: ['open'], categories: ['reform'] } }]);
    const model = fromSource(source, fallback, names);
    const round = model.stages[0].rounds[0];
    expect(round).toMatchObject({ kind: 'risk', perSeat: 2, answerTimeSec: 45, risk: { stakes: '20, 40, 60', allowPass: false } });
    expect(parsed(toFile(model))).toEqual(parsed(source));
  });

  it('[RK2] a new risk round saves with the format\'s defaults: 10/20/30, a pass allowed, open questions', () => {
    const model = fromSource(file([{ kind: 'in-turn' }]), fallback, names);
    model.stages[0].rounds = [newRound('risk', names.round('risk'))];
    const round = parsed(toFile(model)).stages[0].rounds[0];
    expect(round).toEqual(parsed(file([{ kind: 'risk', draw: { types: ['open'] } }])).stages[0].rounds[0]);
    expect(round).toMatchObject({ kind: 'risk', name: '风险题', stakes: [10, 20, 30], allowPass: true, perSeat: 1, answerTimeSec: 30 });
  });

  it('[RK2] switching a round to risk keeps what the host typed and names it 风险题', () => {
    const round = changeKind(newRound('in-turn', '轮流必答'), 'risk', ['轮流必答'], '风险题');
    expect(round).toMatchObject({ kind: 'risk', name: '风险题', draw: { types: ['open'] } });
  });

  it('[RK2] stakes typed with Chinese or Latin commas are read; a part that is no number is named by the server', () => {
    expect(stakesOf('10，20、 30')).toEqual([10, 20, 30]);
    const model = fromSource(file([{ kind: 'risk' }]), fallback, names);
    model.stages[0].rounds[0].risk.stakes = '10, 二十';
    const result = parseContestFile(JSON.parse(JSON.stringify(toFile(model))));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['stages.0.rounds.0.stakes.1']);
    model.stages[0].rounds[0].risk.stakes = '10, 10';
    const twice = parseContestFile(toFile(model));
    expect(!twice.ok && twice.issues.map((i) => [i.path, i.zh])).toEqual([['stages.0.rounds.0.stakes', expect.stringContaining('互不相同')]]);
  });
});

describe('[RK9] risk buzz-in in the settings form and the file', () => {
  it('[RK9] a buzz-in round played for the stake loads, saves and draws with risk on; off, the file says nothing of it', () => {
    const source = file([{ kind: 'buzz-in', questions: 3, risk: true }]);
    const model = fromSource(source, fallback, names);
    expect(model.stages[0].rounds[0].risk.buzz).toBe(true);
    expect(parsed(toFile(model))).toEqual(parsed(source));
    const drawn = drawContest(parsed(source), Array.from({ length: 5 }, (_, i) => question(i + 1)), 'seed');
    expect(drawn.ok && drawn.definition.stages[0].rounds[0]).toMatchObject({ kind: 'buzz-in', rules: { risk: true } });
    model.stages[0].rounds[0].risk.buzz = false;
    expect(toFile(model)).toMatchObject({ stages: [{ rounds: [expect.not.objectContaining({ risk: expect.anything() })] }] });
    const plain = drawContest(parsed(toFile(model)), Array.from({ length: 5 }, (_, i) => question(i + 1)), 'seed');
    expect(plain.ok && 'risk' in plain.definition.stages[0].rounds[0]).toBe(false);
    expect(plain.ok && plain.definition.stages[0].rounds[0].kind === 'buzz-in' && 'risk' in plain.definition.stages[0].rounds[0].rules).toBe(false);
  });
});
