// The speaking timer of a judged turn (RULES.md J6) as every page draws it: preparation counting
// down, speaking counting down and warning near the end, overtime counting up, then the time
// used once the host stops it. Plain TypeScript over the turn's view and the server's time, so the
// judge's page, the host console and the big screen agree to the second.
import type { JudgedTurnView } from '../../shared/contest/judging-types.js';

export type ClockLook =
  /** Called, not started: the speaking time it will have. */
  | 'ready'
  | 'preparing'
  | 'speaking'
  /** Speaking, with `warnAtMs` or less left: the warning colour. */
  | 'warning'
  /** Past the speaking time, still speaking: counting up in red. */
  | 'overtime'
  /** The host stopped the timer: the time used, and the overtime if any. */
  | 'stopped';

export interface SpeakingClock {
  look: ClockLook;
  /** What the big figure shows: time left, overtime so far, or time used once stopped. */
  ms: number;
  /** Past the speaking time (running or stopped). */
  overtimeMs: number;
}

type ClockFields = Pick<JudgedTurnView, 'phase' | 'prepareDeadline' | 'speakingFrom' | 'speakDeadline' | 'speakingUntil' | 'speakMs' | 'warnAtMs'>;

/** The timer of a judged turn at `serverNow` (the pause instant while paused, K1). */
export function speakingClock(turn: ClockFields, serverNow: number): SpeakingClock {
  if (turn.phase === 'called') return { look: 'ready', ms: turn.speakMs, overtimeMs: 0 };
  if (turn.phase === 'preparing') return { look: 'preparing', ms: Math.max(0, (turn.prepareDeadline ?? serverNow) - serverNow), overtimeMs: 0 };
  const deadline = turn.speakDeadline;
  if (deadline === null) return { look: 'ready', ms: turn.speakMs, overtimeMs: 0 };
  if (turn.phase === 'speaking') {
    const left = deadline - serverNow;
    if (left < 0) return { look: 'overtime', ms: -left, overtimeMs: -left };
    return { look: turn.warnAtMs > 0 && left <= turn.warnAtMs ? 'warning' : 'speaking', ms: left, overtimeMs: 0 };
  }
  const until = turn.speakingUntil ?? deadline;
  // Time used: from the start of speaking (the deadline less the speaking time, which also covers
  // time added with + and time shifted by a pause).
  const used = Math.max(0, until - (deadline - turn.speakMs));
  return { look: 'stopped', ms: used, overtimeMs: Math.max(0, until - deadline) };
}

/** "4:59" for a countdown (whole seconds rounded up, so 0.2 s still shows 0:01); "0:12" counting up
 * (rounded down: overtime shows a second once it is one). */
export function formatClock(ms: number, counting: 'down' | 'up' = 'down'): string {
  const total = counting === 'down' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  const s = Math.max(0, total);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The clock's figure in words of time: counting up in overtime and once stopped. */
export function clockFigure(clock: SpeakingClock): string {
  return formatClock(clock.ms, clock.look === 'overtime' || clock.look === 'stopped' ? 'up' : 'down');
}

/** The chime due as the clock moves from one reading to the next: the warning as it begins, the
 * time-up as overtime begins; none on a page's first reading (a reload mid-speech stays quiet). */
export function clockChime(before: ClockLook | null, now: ClockLook): 'warning' | 'time-up' | null {
  if (before === null || before === now) return null;
  if (now === 'warning' && before === 'speaking') return 'warning';
  if (now === 'overtime' && (before === 'speaking' || before === 'warning')) return 'time-up';
  return null;
}
