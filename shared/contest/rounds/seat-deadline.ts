// K8: a seat's own deadline, read by the all-at-once rules and by its view (a phone counts down to it).
import type { AllAtOnceQuestion } from '../types.js';

/** The deadline one seat answers against: its own, if the host gave it one; none once locked. */
export function seatDeadline(q: AllAtOnceQuestion, seatId: string): number | null {
  if (q.answerDeadline === null) return null;
  return q.seatDeadlines[seatId] ?? q.answerDeadline;
}
