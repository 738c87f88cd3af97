// The arbiter as contests recorded before `maxCreditMs` were played (rules v1 of P2-P6): a
// claimed press was trusted within each phone's own measured link, plus a margin. Kept only so
// that replaying such a contest's log reaches the decisions it announced; new contests are
// judged by arbiter.ts.
import type { Candidate, JudgedPress, LinkEvidence, Picked, PressEvidence } from './arbiter-types.js';

export interface FairnessV1 {
  mode: 'press-time' | 'arrival';
  marginMs: number;
  graceCapMs: number;
}

type JudgedV1 = Omit<JudgedPress, 'heldMs'>;

export function judgePressV1(press: PressEvidence, fairness: FairnessV1): JudgedV1 {
  const { arrivalAt, claimedAt, link } = press;
  if (fairness.mode === 'arrival' || claimedAt === null || !link) return { at: arrivalAt, errorMs: 0, worstErrorMs: 0 };
  const earliest = arrivalAt - Math.min(link.oneWayMs, fairness.graceCapMs) - fairness.marginMs;
  return { at: Math.min(arrivalAt, Math.max(earliest, claimedAt)), errorMs: link.errorMs, worstErrorMs: link.syncErrorMs };
}

export function decisionTimeV1(firstArrivalAt: number, firstPressAt: number, armedLinks: (LinkEvidence | null)[], fairness: FairnessV1): number {
  if (fairness.mode === 'arrival') return firstArrivalAt;
  const cap = firstArrivalAt + fairness.graceCapMs;
  let latest = firstArrivalAt;
  for (const link of armedLinks) {
    if (!link) return cap;
    latest = Math.max(latest, firstPressAt + link.oneWayMs + fairness.marginMs);
  }
  return Math.min(latest, cap);
}

/** v1's P5: presses within each other's error were a near-tie, always decided by arrival. */
export function pickWinnerV1(candidates: readonly Candidate[], fairness: FairnessV1): Picked | null {
  if (candidates.length === 0) return null;
  const byPress = [...candidates].sort((a, b) => a.judged.at - b.judged.at || a.arrivalAt - b.arrivalAt);
  const first = byPress[0];
  const inTie = byPress.filter((c) => c.judged.at - first.judged.at <= Math.max(c.judged.errorMs, first.judged.errorMs));
  const winner = inTie.reduce((best, c) => (c.arrivalAt < best.arrivalAt ? c : best));
  const rest = byPress.filter((c) => c !== winner);
  const tied = inTie.length > 1 ? inTie : [];
  return { winner, runnerUp: rest[0] ?? null, tied, decidedBy: fairness.mode === 'arrival' ? 'arrival' : tied.length > 0 ? 'tie-arrival' : 'stamp' };
}

export function isFalseStartV1(judged: JudgedV1, openedAt: number, fairness: FairnessV1): boolean {
  return judged.at < openedAt - judged.worstErrorMs - fairness.marginMs;
}
