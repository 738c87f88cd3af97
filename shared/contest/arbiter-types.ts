// The words both arbiters (arbiter.ts, and arbiter-v1.ts for contests recorded under the old
// rules) judge presses in: what a press and a link bring, and what a judgement says.

/** What the server knows of one phone's link when its buzz arrives (server/realtime/links.ts). */
export interface LinkEvidence {
  /** Longest one-way trip an honest buzz is expected to take (host console, rules v1). */
  oneWayMs: number;
  /** How far this phone's stamps wander through measurement noise: for ties. */
  errorMs: number;
  /** How far its clock sync can be off at worst (half its fastest round trip: the link may be
   * uneven): for false starts and for the honest error of a lead. */
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
  /** How far `at` wanders through noise; stamps closer than both noises are a tie (P5). */
  errorMs: number;
  /** How far `at` can be off at worst; a false start must be clearer than this (P6). */
  worstErrorMs: number;
  /** P8: how much later the press arrived than its credit allows: a link slower than trusted. */
  heldMs: number;
}

export interface Candidate {
  seatId: string;
  arrivalAt: number;
  judged: Pick<JudgedPress, 'at' | 'errorMs' | 'worstErrorMs'>;
}

/** Why the buzz went where it did, for the press log and disputes (申诉). */
export type DecidedBy = 'stamp' | 'arrival' | 'tie-arrival' | 'tie-rebuzz' | 'tie-host';

export interface Picked {
  winner: Candidate;
  runnerUp: Candidate | null;
  /** Seats whose stamps are within each other's noise of the earliest: a true tie (P5). */
  tied: Candidate[];
  decidedBy: DecidedBy;
}
