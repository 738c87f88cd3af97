// Who pressed first (rules P1-P6 of RULES.md). Phones reach the server with different delays,
// so the buzz goes to the earliest press, not the earliest packet: each phone stamps its press
// in server time, the server trusts that stamp only within what the phone's measured link
// allows, waits just long enough for every armed phone's honest buzz to arrive, then decides
// once. Pure: times and link measurements come in as data.

/** How presses are judged; part of a buzz-in round's rules. */
export interface Fairness {
  /** `press-time`: judge by when the button was pressed; `arrival`: by when the buzz arrived. */
  mode: 'press-time' | 'arrival';
  /** How much earlier than its link allows a claimed press may be: all a lying phone can gain. */
  marginMs: number;
  /** The longest the server waits for slower phones after the first buzz arrives. */
  graceCapMs: number;
}

export const DEFAULT_MARGIN_MS = 2;
export const DEFAULT_GRACE_CAP_MS = 300;
export const DEFAULT_FAIRNESS: Fairness = { mode: 'press-time', marginMs: DEFAULT_MARGIN_MS, graceCapMs: DEFAULT_GRACE_CAP_MS };

/** What the server knows of one phone's link when its buzz arrives (server/link-meter). */
export interface LinkEvidence {
  /** Longest one-way trip an honest buzz is expected to take. */
  oneWayMs: number;
  /** How far this phone's stamps can be off through measurement noise: for near-ties. */
  errorMs: number;
  /** How far its clock sync can be off at worst (uneven up and down links): for false starts. */
  syncErrorMs: number;
}

export interface PressEvidence {
  arrivalAt: number;
  /** The press time the phone claims, in server time; null if it sent none. */
  claimedAt: number | null;
  link: LinkEvidence | null;
}

export interface JudgedPress {
  /** The time the press is judged by. */
  at: number;
  /** How far `at` can be off through noise; near-ties inside it fall back to arrival order (P5). */
  errorMs: number;
  /** How far `at` can be off at worst; a false start must be clearer than this (P6). */
  worstErrorMs: number;
}

/** P2: a claimed time is kept within [arrival - min(one-way bound, grace cap) - margin, arrival]. */
export function judgePress(press: PressEvidence, fairness: Fairness): JudgedPress {
  const { arrivalAt, claimedAt, link } = press;
  if (fairness.mode === 'arrival' || claimedAt === null || !link) return { at: arrivalAt, errorMs: 0, worstErrorMs: 0 };
  // Never more credit than the server would wait for: a phone that answers pings slowly on
  // purpose cannot buy itself a head start beyond the grace cap.
  const earliest = arrivalAt - Math.min(link.oneWayMs, fairness.graceCapMs) - fairness.marginMs;
  return { at: Math.min(arrivalAt, Math.max(earliest, claimedAt)), errorMs: link.errorMs, worstErrorMs: link.syncErrorMs };
}

/** P4: when to decide, after the first buzz arrives: by then any armed phone that pressed
 * before the first press has had time for its buzz to arrive. Capped; immediate by arrival. */
export function decisionTime(firstArrivalAt: number, firstPressAt: number, armedLinks: (LinkEvidence | null)[], fairness: Fairness): number {
  if (fairness.mode === 'arrival') return firstArrivalAt;
  const cap = firstArrivalAt + fairness.graceCapMs;
  let latest = firstArrivalAt;
  for (const link of armedLinks) {
    // A phone with no measurement yet is waited for as long as the cap allows.
    if (!link) return cap;
    latest = Math.max(latest, firstPressAt + link.oneWayMs + fairness.marginMs);
  }
  return Math.min(latest, cap);
}

export interface Candidate {
  seatId: string;
  arrivalAt: number;
  judged: JudgedPress;
}

/** P5: the earliest judged press wins; presses within each other's error are a near-tie,
 * and a near-tie goes to whichever arrived first. Returns the winner, the runner-up, and
 * whether it was a near-tie (then no lead can honestly be claimed). */
export function pickWinner(candidates: readonly Candidate[]): { winner: Candidate; runnerUp: Candidate | null; nearTie: boolean } | null {
  if (candidates.length === 0) return null;
  const byPress = [...candidates].sort((a, b) => a.judged.at - b.judged.at || a.arrivalAt - b.arrivalAt);
  const first = byPress[0];
  const tied = byPress.filter((c) => c.judged.at - first.judged.at <= Math.max(c.judged.errorMs, first.judged.errorMs));
  const winner = tied.reduce((best, c) => (c.arrivalAt < best.arrivalAt ? c : best));
  const rest = byPress.filter((c) => c !== winner);
  return { winner, runnerUp: rest[0] ?? null, nearTie: tied.length > 1 };
}

/** P6: a press before the buzzers opened is a false start only if even its error cannot put it
 * after the opening: an honest press just after opening is never punished for its delay. */
export function isFalseStart(judged: JudgedPress, openedAt: number, fairness: Fairness): boolean {
  return judged.at < openedAt - judged.worstErrorMs - fairness.marginMs;
}
