// The settings form's model of a contest file: what it loads is what the server would read, what
// it saves the server accepts, and its small edits (kinds, order, filters) keep the file sound.
import { describe, expect, it } from 'vitest';
import type { RoundKind } from '../../shared/contest/types.js';
import { translate } from '../../shared/i18n/index.js';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { DEFAULT_FAIRNESS, DEFAULT_MAX_CREDIT_MS, LENIENT_FAIRNESS, LENIENT_MAX_CREDIT_MS } from '../../shared/contest/arbiter.js';
import { readContestFile } from '../../server/setup/demo.js';
import { drawContest } from '../../server/rooms/draw.js';
import {
  categoryChoices,
  changeKind,
  changeSeatKind,
  duplicateSeats,
  fairnessFrom,
  fromSource,
  hasIssueUnder,
  CREDIT_PRESETS,
  TIE_RULES,
  issuesAt,
  move,
  newRound,
  nextSeatName,
  removeAt,
  sameFile,
  toFile,
  toggle,
  type EditorNames,
} from '../../web/host/contest-editor.js';

const names: EditorNames = {
  round: (kind: RoundKind) => translate('zh', `round.kind.${kind}`),
  stage: translate('zh', 'editor.newStage'),
  seat: (n) => translate('zh', 'editor.newSeat', { n }),
};
const kindNames = (['zh', 'en'] as const).flatMap((l) => (['in-turn', 'all-at-once', 'buzz-in'] as const).map((k) => translate(l, `round.kind.${k}`)));
const fallback = { title: '测试竞赛', seats: [1, 2, 3].map((n) => ({ name: `${n}号席`, kind: 'individual' as const, phones: 1 })) };
const parsed = (input: unknown) => {
  const result = parseContestFile(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.zh).join('\n'));
  return result.file;
};

describe('loading and saving a contest file', () => {
  it('saves the demo contest as the server reads it: every default shown, nothing changed', () => {
    const demo = readContestFile();
    const model = fromSource(demo, fallback, names);
    expect(parsed(toFile(model))).toEqual(parsed(demo));
    expect(model.seats[0]).toEqual({ name: '第一代表队', kind: 'team', phones: 3, topic: '' });
    expect(model.stages[0].rounds.map((r) => r.kind)).toEqual(['in-turn', 'all-at-once', 'buzz-in']);
  });

  it('[S6] shows when joining needs the host: the file\'s moment, else "lock"; saving keeps it', () => {
    const demo = { ...(readContestFile() as object), joining: { approvalAfter: 'start' } };
    const model = fromSource(demo, fallback, names);
    expect(model.joining).toBe('start');
    expect(parsed(toFile(model)).joining).toEqual({ approvalAfter: 'start' });
    expect(fromSource(readContestFile(), fallback, names).joining).toBe('lock');
    expect(fromSource({ ...(readContestFile() as object), joining: { approvalAfter: 'never' } }, fallback, names).joining).toBe('lock');
    expect(fromSource(null, fallback, names).joining).toBe('lock');
  });

  it('[S6] choosing "start" in the form reaches the drawn definition; "lock" leaves the file as it was', () => {
    const loaded = fromSource(readContestFile(), fallback, names);
    const chosen = { ...loaded, joining: 'start' as const };
    expect(sameFile(chosen, loaded)).toBe(false);
    const drawn = drawContest(parsed(toFile(chosen)), loadBank(BUNDLED_BANK).questions, 'seed');
    expect(drawn.ok && drawn.definition.joining).toEqual({ approvalAfter: 'start' });
    const back = { ...chosen, joining: 'lock' as const };
    expect(sameFile(back, loaded)).toBe(true);
    expect(toFile(back)).not.toHaveProperty('joining');
  });

  it('fills in what a sparse file leaves to defaults, as the format does', () => {
    const sparse = {
      format: 'qiangda-contest',
      version: 1,
      title: '区直机关党史知识竞赛',
      seats: [{ name: '甲队', kind: 'team', phones: 2 }, { name: '乙' }],
      stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 3 }, { kind: 'in-turn' }, { kind: 'all-at-once', questions: 2 }] }],
      seed: 'fixed',
    };
    const model = fromSource(sparse, fallback, names);
    const file = parsed(sparse);
    expect(parsed(toFile(model))).toEqual(file);
    expect(model.stages[0].rounds[0]).toMatchObject({ name: '抢答题', buzzWindowSec: 10, answerTimeSec: 20, wrongPoints: 10, falseStart: 'lockout', lockoutMs: 250 });
    expect(model.stages[0].rounds[1]).toMatchObject({ name: '轮流必答', perSeat: 1, answerTimeSec: 30, wrongPoints: 0 });
    expect(model.seed).toBe('fixed');
    expect(toFile(model).seed).toBe('fixed');
  });

  it('starts a contest made without a file from its title and seats, with one stage the bundled bank can fill', () => {
    const model = fromSource(null, fallback, names);
    expect(model.title).toBe('测试竞赛');
    expect(model.seats.map((s) => s.name)).toEqual(['1号席', '2号席', '3号席']);
    const file = parsed(toFile(model));
    expect(drawContest(file, loadBank(BUNDLED_BANK).questions, 'seed').ok).toBe(true);
  });

  it('sends every false-start penalty in the shape the format expects', () => {
    const round = newRound('buzz-in', '抢答题');
    const fileOf = (r: typeof round) => parsed(toFile({ ...fromSource(null, fallback, names), stages: [{ name: '抢答', weight: 1, normalise: 'none', rounds: [r] }] })).stages[0].rounds[0];
    expect(fileOf({ ...round, falseStart: 'deduct', deductPoints: 5 })).toMatchObject({ falseStart: { kind: 'deduct', points: 5 } });
    expect(fileOf({ ...round, falseStart: 'lose-question' })).toMatchObject({ falseStart: { kind: 'lose-question' } });
    expect(fileOf({ ...round, falseStart: 'lockout', lockoutMs: 400 })).toMatchObject({ falseStart: { kind: 'lockout', ms: 400 } });
  });

  it('[P2][P5] sends the judging fields the format expects: mode, the credit, the tie rule', () => {
    const round = newRound('buzz-in', '抢答题');
    const fileOf = (r: typeof round) => parsed(toFile({ ...fromSource(null, fallback, names), stages: [{ name: '抢答', weight: 1, normalise: 'none', rounds: [r] }] })).stages[0].rounds[0];
    expect(round.fairness).toEqual({ mode: 'press-time', maxCreditMs: 30, tieRule: 'arrival', graceCapMs: null, legacy: null });
    expect(fileOf(round)).toMatchObject({ fairness: DEFAULT_FAIRNESS });
    const lenient = { ...round, fairness: { ...round.fairness, maxCreditMs: CREDIT_PRESETS.lenient, tieRule: 'host' as const } };
    expect(fileOf(lenient)).toMatchObject({ fairness: { ...LENIENT_FAIRNESS, tieRule: 'host' } });
    for (const tieRule of TIE_RULES) expect(fileOf({ ...round, fairness: { ...round.fairness, tieRule } })).toMatchObject({ fairness: { tieRule } });
    expect(fileOf({ ...round, fairness: { ...round.fairness, mode: 'arrival' } })).toMatchObject({ fairness: { mode: 'arrival' } });
    expect(CREDIT_PRESETS).toEqual({ strict: DEFAULT_MAX_CREDIT_MS, lenient: LENIENT_MAX_CREDIT_MS });
  });

  it('[P2] loads a file\'s judging as it is, and keeps the longest wait it has no field for', () => {
    const fairness = { mode: 'press-time', maxCreditMs: 120, graceCapMs: 400, tieRule: 'rebuzz' };
    expect(fairnessFrom(fairness)).toEqual({ ...fairness, legacy: null });
    const file = { format: 'qiangda-contest', version: 1, title: 'T', seats: [{ name: '甲' }], stages: [{ name: 'S', rounds: [{ kind: 'buzz-in', questions: 2, fairness }] }] };
    expect(parsed(toFile(fromSource(file, fallback, names))).stages[0].rounds[0]).toMatchObject({ fairness });
  });

  it('[P2] shows a round set up under the old rules (a margin) and saves it under the new ones', () => {
    const old = { mode: 'press-time', marginMs: 2, graceCapMs: 300 };
    const loaded = fairnessFrom(old);
    expect(loaded.legacy).toEqual({ marginMs: 2, graceCapMs: 300 });
    expect(loaded).toMatchObject({ mode: 'press-time', maxCreditMs: 30, tieRule: 'arrival', graceCapMs: 300 });
    const file = { format: 'qiangda-contest', version: 1, title: 'T', seats: [{ name: '甲' }], stages: [{ name: 'S', rounds: [{ kind: 'buzz-in', questions: 2, fairness: old }] }] };
    // The server reads such a file and drops the margin; the form's file no longer names one.
    expect(parseContestFile(file).ok).toBe(true);
    expect(JSON.stringify(toFile(fromSource(file, fallback, names)))).not.toContain('marginMs');
    expect(parsed(toFile(fromSource(file, fallback, names))).stages[0].rounds[0]).toMatchObject({ fairness: { ...DEFAULT_FAIRNESS, graceCapMs: 300 } });
    expect(translate('zh', 'editor.fairness.legacy', { margin: 2, cap: 300 })).toMatch(/^本轮按旧版规则设定（容差 2 毫秒，最长等待 300 毫秒）/);
  });

  it('[P2] a credit longer than the longest wait is refused at its own field, in words', () => {
    const model = fromSource(null, fallback, names);
    model.stages[0].rounds[2].fairness.maxCreditMs = 500;
    const result = parseContestFile(toFile(model));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['stages.0.rounds.2.fairness.maxCreditMs']);
    expect(result.issues[0].zh).toBe(`第1环节 › 第3轮 › 抢答判定 › ${translate('zh', 'definition.field.maxCreditMs')}：${translate('zh', 'definition.error.credit-over-wait')}`);
    expect(result.issues[0].en).toContain(translate('en', 'definition.error.credit-over-wait'));
  });

  it('leaves an emptied number out, so the server names the missing field or fills its default', () => {
    const model = fromSource(null, fallback, names);
    model.stages[0].rounds[2].questions = null;
    model.stages[0].rounds[2].answerTimeSec = undefined;
    const result = parseContestFile(toFile(model));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['stages.0.rounds.2.questions']);
  });

  it('knows when the form differs from what was loaded', () => {
    const a = fromSource(readContestFile(), fallback, names);
    const b = fromSource(readContestFile(), fallback, names);
    expect(sameFile(a, b)).toBe(true);
    b.seats[0].name = '第七代表队';
    expect(sameFile(a, b)).toBe(false);
  });
});

describe('editing', () => {
  it('switching kind keeps the host\'s values; a default name follows the kind; all-at-once drops open questions', () => {
    const round = { ...newRound('in-turn', '轮流必答'), answerTimeSec: 45 };
    const switched = changeKind(round, 'all-at-once', kindNames, '同步作答');
    expect(switched).toMatchObject({ kind: 'all-at-once', name: '同步作答', answerTimeSec: 45, draw: { types: [] } });
    const named = changeKind({ ...round, name: '第一轮必答' }, 'buzz-in', kindNames, '抢答题');
    expect(named.name).toBe('第一轮必答');
  });

  it('an individual seat has one phone; a team at least two', () => {
    expect(changeSeatKind({ name: 'a', kind: 'team', phones: 3 }, 'individual').phones).toBe(1);
    expect(changeSeatKind({ name: 'a', kind: 'individual', phones: 1 }, 'team').phones).toBe(2);
  });

  it('moves, removes and names seats', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(nextSeatName(fallback.seats, names)).toBe('4号席');
    expect(nextSeatName([{ name: '2号席', kind: 'individual', phones: 1 }], names)).toBe('3号席');
  });

  it('[Q6] toggles filters in a stable order, and offers the five eras, local history and any category the file names', () => {
    expect(toggle([3, 1], 2, [1, 2, 3, 4, 5])).toEqual([1, 2, 3]);
    expect(toggle([1, 2], 1, [1, 2])).toEqual([2]);
    expect(categoryChoices({ categories: ['reform', '地方党史'], difficulties: [], types: [] })).toEqual([
      'founding',
      'revolution',
      'construction',
      'reform',
      'new-era',
      'local-hunan',
      '地方党史',
    ]);
  });

  it('finds the problems the server reported for a field, and under a part of the file', () => {
    const issues = [
      { path: 'seats', zh: '席位名称不能重复', en: 'Seat names must differ' },
      { path: 'stages.0.rounds.1.answerTimeSec', zh: 'x', en: 'x' },
    ];
    expect(issuesAt(issues, 'seats')).toHaveLength(1);
    expect(issuesAt(issues, 'stages.0.rounds.1')).toHaveLength(0);
    expect(hasIssueUnder(issues, 'stages.0.rounds.1')).toBe(true);
    expect(hasIssueUnder(issues, 'stages.0.rounds.10')).toBe(false);
  });
});

describe('repeated seat names', () => {
  it('marks every seat whose name another seat has, as the server compares them', () => {
    const seat = (name: string) => ({ name, kind: 'individual' as const, phones: 1 });
    expect([...duplicateSeats([seat('甲队'), seat('乙队'), seat(' 甲队 '), seat('丙')])]).toEqual([0, 2]);
    expect(duplicateSeats([seat('a'), seat('b')]).size).toBe(0);
  });
});
