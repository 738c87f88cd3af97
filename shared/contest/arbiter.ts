// Who pressed first (rules P1-P9 of RULES.md). Phones reach the server with different delays,
// so the buzz goes to the earliest press, not the earliest packet: each phone stamps its press
// in server time, and the server decides by those stamps. A stamp can be a lie, and a link that
// holds a press for 100 ms cannot be told from a phone that lies by 100 ms, so a stamp earns at
// most `maxCreditMs` of credit before its arrival, whatever the phone's pings look like; a slow
// link is found in the lobby and fixed, rather than trusted during the round. Pure: times and
// link measurements come in as data.
import { judgePressV1, pickWinnerV1, decisionTimeV1, isFalseStartV1, type FairnessV1 } from './arbiter-v1.js';
import type { Candidate, DecidedBy, JudgedPress, LinkEvidence, Picked, PressEvidence } from './arbiter-types.js';

export type { FairnessV1 };
export type { Candidate, DecidedBy, JudgedPress, LinkEvidence, Picked, PressEvidence } from './arbiter-types.js';

/** What happens when two stamps are closer than their noise (P5): nobody can say who was first. */
export const TIE_RULES = ['arrival', 'rebuzz', 'host'] as const;
export type TieRule = (typeof TIE_RULES)[number];

/** How presses are judged; part of a buzz-in round's rules. */
export interface Fairness {
  /** `press-time`: judge by when the button was pressed; `arrival`: by when the buzz arrived. */
  mode: 'press-time' | 'arrival';
  /** P2: how much earlier than its arrival a claimed press may be judged. All a lying phone can
   * gain, and all the delay an honest link is forgiven. */
  maxCreditMs: number;
  /** The longest the server waits after the first buzz arrives before deciding. */
  graceCapMs: number;
  /** P5: a true tie goes to the earlier arrival, to a re-buzz of the tied seats, or to the host. */
  tieRule: TieRule;
}

/** A buzz-in round's fairness as recorded: contests created before maxCreditMs keep the rules
 * they were played under, so replaying their log reaches the same decisions. */
export type RecordedFairness = Fairness | FairnessV1;

export const isV1 = (f: RecordedFairness): f is FairnessV1 => 'marginMs' in f;

/** Chosen from `npm run bench` (fairness-e2e-credit): on good hall Wi-Fi an honest press is
 * almost never held longer, and a liar gains at most this much. See README, Fair buzzing. */
export const DEFAULT_MAX_CREDIT_MS = 30;
/** For halls that cannot fix their links (power-saving phones): trusts slow links, and so
 * lets a liar gain up to this much. */
export const LENIENT_MAX_CREDIT_MS = 250;
export const DEFAULT_GRACE_CAP_MS = 300;
export const DEFAULT_FAIRNESS: Fairness = { mode: 'press-time', maxCreditMs: DEFAULT_MAX_CREDIT_MS, graceCapMs: DEFAULT_GRACE_CAP_MS, tieRule: 'arrival' };
export const LENIENT_FAIRNESS: Fairness = { ...DEFAULT_FAIRNESS, maxCreditMs: LENIENT_MAX_CREDIT_MS };

/** Timer resolution and event-loop noise on either side of a stamp. */
export const MIN_NOISE_MS = 1;
/** A stamp's noise is never counted above this: a spiky link is flagged, not allowed to turn
 * every close race into a tie. */
export const MAX_NOISE_MS = 3;
/** P6: a false start must be clearer than this beyond the phone's worst sync error. */
export const FALSE_START_SLACK_MS = 2;

/** P2: a claimed time is kept within [arrival - maxCreditMs, arrival]. */
export function judgePress(press: PressEvidence, fairness: RecordedFairness): JudgedPress {
  if (isV1(fairness)) return { ...judgePressV1(press, fairness), heldMs: 0 };
  const { arrivalAt, claimedAt, link } = press;
  if (fairness.mode === 'arrival' || claimedAt === null) return { at: arrivalAt, errorMs: 0, worstErrorMs: 0, heldMs: 0 };
  const earliest = arrivalAt - fairness.maxCreditMs;
  return {
    at: Math.min(arrivalAt, Math.max(earliest, claimedAt)),
    errorMs: Math.min(MAX_NOISE_MS, Math.max(MIN_NOISE_MS, link?.errorMs ?? MIN_NOISE_MS)),
    // Never more than the credit: no stamp is trusted beyond it anyway.
    worstErrorMs: Math.min(fairness.maxCreditMs, link?.syncErrorMs ?? fairness.maxCreditMs),
    heldMs: Math.max(0, earliest - claimedAt),
  };
}

/** P4: when to decide, given the earliest judged press so far and the first arrival: after
 * that, a press still on its way can only be judged later (it earns at most the credit), so it
 * cannot win. Never past the grace cap; at once by arrival. */
export function decisionTime(firstArrivalAt: number, bestJudgedAt: number, armedLinks: (LinkEvidence | null)[], fairness: RecordedFairness): number {
  if (isV1(fairness)) return decisionTimeV1(firstArrivalAt, bestJudgedAt, armedLinks, fairness);
  if (fairness.mode === 'arrival') return firstArrivalAt;
  return Math.min(bestJudgedAt + fairness.maxCreditMs, firstArrivalAt + fairness.graceCapMs);
}

/** P5: the earliest judged press wins; stamps closer than both their noises are a true tie,
 * settled by the tie rule (a re-buzz or the host's choice leave the winner to the caller). */
export function pickWinner(candidates: readonly Candidate[], fairness: RecordedFairness): Picked | null {
  if (isV1(fairness)) return pickWinnerV1(candidates, fairness);
  if (candidates.length === 0) return null;
  const byPress = [...candidates].sort((a, b) => a.judged.at - b.judged.at || a.arrivalAt - b.arrivalAt);
  const first = byPress[0];
  const inTie = byPress.filter((c) => c.judged.at - first.judged.at <= c.judged.errorMs + first.judged.errorMs);
  const tied = inTie.length > 1 ? inTie : [];
  const byArrival = (list: Candidate[]) => list.reduce((best, c) => (c.arrivalAt < best.arrivalAt ? c : best));
  const decidedBy: DecidedBy = fairness.mode === 'arrival' ? 'arrival' : tied.length === 0 ? 'stamp' : `tie-${fairness.tieRule}`;
  const winner = tied.length > 0 ? byArrival(tied) : first;
  const rest = byPress.filter((c) => c !== winner);
  return { winner, runnerUp: rest[0] ?? null, tied, decidedBy };
}

/** P6: a press before the buzzers opened is a false start only if even its error cannot put it
 * after the opening: an honest press just after opening is never punished for its delay. */
export function isFalseStart(judged: JudgedPress, openedAt: number, fairness: RecordedFairness): boolean {
  if (isV1(fairness)) return isFalseStartV1(judged, openedAt, fairness);
  return judged.at < openedAt - judged.worstErrorMs - FALSE_START_SLACK_MS;
}
