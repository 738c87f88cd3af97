// P2, P5: the contest file sets a buzz-in round's credit and tie rule; files written for rules v1
// still load; a credit longer than the wait is named in the organiser's words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIRNESS } from '../../shared/contest/arbiter.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { readContestFile } from '../../server/setup/demo.js';

/** The demo contest file with `fairness` set on each of its buzz-in rounds. */
function withFairness(fairness: unknown): unknown {
  const file = structuredClone(readContestFile()) as { stages: { rounds: { kind: string; fairness?: unknown }[] }[] };
  for (const stage of file.stages) for (const round of stage.rounds) if (round.kind === 'buzz-in') round.fairness = fairness;
  return file;
}

function buzzFairness(input: unknown) {
  const parsed = parseContestFile(input);
  if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
  const round = parsed.file.stages.flatMap((s) => s.rounds).find((r) => r.kind === 'buzz-in');
  return round?.kind === 'buzz-in' ? round.fairness : expect.fail('the demo has no buzz-in round');
}

describe('[P2][P5] the fairness setting of a buzz-in round', () => {
  it('[P2] no setting means the strict default; a lenient credit and a tie rule reach the round', () => {
    expect(buzzFairness(withFairness(undefined))).toEqual(DEFAULT_FAIRNESS);
    expect(buzzFairness(withFairness({ maxCreditMs: 250, tieRule: 'host' }))).toEqual({ ...DEFAULT_FAIRNESS, maxCreditMs: 250, tieRule: 'host' });
  });

  it('[P2] a file written for rules v1 loads: its margin is dropped, the credit is the default', () => {
    expect(buzzFairness(withFairness({ mode: 'press-time', marginMs: 2, graceCapMs: 300 }))).toEqual(DEFAULT_FAIRNESS);
  });

  it('[P2][P5] a credit longer than the wait, and an unknown tie rule, are named in both languages', () => {
    const parsed = parseContestFile(withFairness({ maxCreditMs: 400, graceCapMs: 300, tieRule: 'coin' }));
    if (parsed.ok) return expect.fail('accepted');
    const zh = parsed.issues.map((i) => i.zh).join('\n');
    const en = parsed.issues.map((i) => i.en).join('\n');
    expect(zh).toMatch(/平局处理/);
    expect(en).toMatch(/Ties/);
    const credit = parseContestFile(withFairness({ maxCreditMs: 400, graceCapMs: 300 }));
    if (credit.ok) return expect.fail('accepted');
    expect(credit.issues.map((i) => i.zh).join('\n')).toMatch(/信用上限（毫秒）：信用上限不能大于最长等待/);
    expect(credit.issues.map((i) => i.en).join('\n')).toMatch(/credit cannot be longer than the longest wait/);
  });
});
