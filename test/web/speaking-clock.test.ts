// J6 as the pages draw it: preparation and speaking count down, the warning begins at its time
// with one chime, overtime counts up, and a stopped timer shows the time used.
import { describe, expect, it } from 'vitest';
import { clockChime, clockFigure, formatClock, speakingClock } from '../../web/lib/speaking-clock.js';

const base = { phase: 'called' as const, prepareDeadline: null, speakingFrom: null, speakDeadline: null, speakingUntil: null, speakMs: 300_000, warnAtMs: 60_000 };
const speaking = { ...base, phase: 'speaking' as const, speakingFrom: 1_000_000, speakDeadline: 1_300_000 };

describe('the speaking clock on every page', () => {
  it('[J6] shows the speaking time before it starts, and preparation counting down', () => {
    expect(speakingClock(base, 5)).toEqual({ look: 'ready', ms: 300_000, overtimeMs: 0 });
    expect(speakingClock({ ...base, phase: 'preparing', prepareDeadline: 60_000 }, 30_000)).toEqual({ look: 'preparing', ms: 30_000, overtimeMs: 0 });
  });

  it('[J6] counts down, warns at the warning time, then counts overtime up', () => {
    expect(speakingClock(speaking, 1_000_000).look).toBe('speaking');
    expect(clockFigure(speakingClock(speaking, 1_000_000))).toBe('5:00');
    expect(speakingClock(speaking, 1_240_000).look).toBe('warning');
    expect(clockFigure(speakingClock(speaking, 1_240_001))).toBe('1:00');
    expect(speakingClock(speaking, 1_312_400)).toEqual({ look: 'overtime', ms: 12_400, overtimeMs: 12_400 });
    expect(clockFigure(speakingClock(speaking, 1_312_400))).toBe('0:12');
    expect(speakingClock({ ...speaking, warnAtMs: 0 }, 1_299_000).look).toBe('speaking');
  });

  it('[J6] once stopped, shows the time used and the overtime', () => {
    const early = speakingClock({ ...speaking, phase: 'scoring', speakingUntil: 1_272_000 }, 2_000_000);
    expect(early).toEqual({ look: 'stopped', ms: 272_000, overtimeMs: 0 });
    expect(clockFigure(early)).toBe('4:32');
    const late = speakingClock({ ...speaking, phase: 'closed', speakingUntil: 1_315_000 }, 2_000_000);
    expect(late).toEqual({ look: 'stopped', ms: 315_000, overtimeMs: 15_000 });
  });

  it('[J6] chimes once as the warning begins and once as time is up, never on a first reading', () => {
    expect(clockChime('speaking', 'warning')).toBe('warning');
    expect(clockChime('warning', 'warning')).toBeNull();
    expect(clockChime('warning', 'overtime')).toBe('time-up');
    expect(clockChime('speaking', 'overtime')).toBe('time-up');
    expect(clockChime(null, 'warning')).toBeNull();
    expect(clockChime('stopped', 'overtime')).toBeNull();
  });

  it('formats minutes and seconds, rounding a countdown up and a count up down', () => {
    expect(formatClock(200)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(999, 'up')).toBe('0:00');
    expect(formatClock(61_000, 'up')).toBe('1:01');
  });
});
