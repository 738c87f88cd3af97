// Who lost answering time (K8): per seat, how long it had no phone connected while the current
// all-at-once question's answers were open and the show was running (a pause stops the countdown,
// so it costs nobody time), so the host console can offer each such seat the time it lost. The
// room knows connections, the engine does not: this lives beside the room.
import type { ContestState, SeatId } from '../../shared/contest/types.js';
import type { AnswerGap } from '../../shared/contest/views.js';

export class AnswerGaps {
  /** The open question being followed (`round:question`), or null when no answers are open. */
  private question: string | null = null;
  private paused = false;
  private gaps = new Map<SeatId, AnswerGap>();
  /** The last report, until something changes: every (re)connecting phone's view asks for it. */
  private reported: Record<SeatId, AnswerGap> | null = null;

  /** Called after every change of state: a new answer window starts counting afresh, with
   * every seat that has no phone connected at that instant offline from then; a pause closes
   * every offline stretch, a resume opens one for each seat still offline. */
  follow(state: ContestState, connected: ReadonlyMap<SeatId, number>, now: number): void {
    const q = state.question;
    const question = q?.kind === 'all-at-once' && q.phase === 'answering' ? `${state.roundIndex}:${q.index}` : null;
    const paused = state.pausedAt !== null;
    if (question === this.question && paused === this.paused) return;
    this.reported = null;
    if (question !== this.question) this.gaps = new Map();
    this.question = question;
    this.paused = paused;
    if (question === null) return;
    for (const seat of state.definition.seats) {
      const gap = this.gaps.get(seat.id) ?? { ms: 0, since: null };
      const offline = (connected.get(seat.id) ?? 0) === 0;
      if (paused) this.gaps.set(seat.id, { ms: gap.ms + (gap.since !== null ? now - gap.since : 0), since: null });
      else this.gaps.set(seat.id, { ms: gap.ms, since: offline ? (gap.since ?? now) : null });
    }
  }

  /** A seat's phones connected or dropped: an offline stretch starts or ends (not while paused). */
  seatChanged(seatId: SeatId, connectedNow: number, now: number): void {
    const gap = this.gaps.get(seatId);
    if (!gap || this.paused) return;
    this.reported = null;
    if (connectedNow === 0 && gap.since === null) this.gaps.set(seatId, { ms: gap.ms, since: now });
    if (connectedNow > 0 && gap.since !== null) this.gaps.set(seatId, { ms: gap.ms + (now - gap.since), since: null });
  }

  /** Seats that have been offline during the open answers, for the host's view. */
  report(): Record<SeatId, AnswerGap> {
    this.reported ??= Object.fromEntries([...this.gaps].filter(([, gap]) => gap.ms > 0 || gap.since !== null));
    return this.reported;
  }
}
