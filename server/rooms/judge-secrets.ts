// The judges' secrets beside a contest: a key for each judge's link and a code to type instead.
// Made when the contest is created, and kept per judge id when the host edits the contest file.
import type { Judge } from '../../shared/contest/judging-types.js';
import type { JudgeSecret } from '../storage/store.js';
import { newJoinCode, newJudgeKey } from '../setup/secrets.js';

/** Secrets for `judges`: a judge kept from `previous` (same id) keeps its key, code and devices;
 * a new one gets a fresh key and a code apart from every code in `taken` (which it joins). */
export function judgeSecretsFor(judges: readonly Judge[], previous: readonly JudgeSecret[], taken: Set<string>): JudgeSecret[] {
  const kept = new Map(previous.map((j) => [j.judgeId, j]));
  for (const j of previous) taken.add(j.code);
  return judges.map((judge) => {
    const old = kept.get(judge.id);
    return old ? { ...old, deviceTokens: [...old.deviceTokens] } : { judgeId: judge.id, key: newJudgeKey(), code: newJoinCode(taken), deviceTokens: [] };
  });
}
