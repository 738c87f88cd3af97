// Defaults from CONTEST.md and the buzz-in issue. Tests import these rather than repeat them.
import { DEFAULT_FAIRNESS } from './arbiter.js';
import type { BuzzRules } from './types.js';

export const DEFAULT_FALSE_START_LOCKOUT_MS = 250;
export const DEFAULT_BUZZ_WINDOW_MS = 10_000;
export const DEFAULT_ANSWER_TIME_MS = 20_000;
export const DEFAULT_RIGHT_POINTS = 10;
export const DEFAULT_WRONG_POINTS = 10;

export const DEFAULT_BUZZ_RULES: BuzzRules = {
  falseStart: { kind: 'lockout', ms: DEFAULT_FALSE_START_LOCKOUT_MS },
  fairness: DEFAULT_FAIRNESS,
  buzzWindowMs: DEFAULT_BUZZ_WINDOW_MS,
  answerTimeMs: DEFAULT_ANSWER_TIME_MS,
  rightPoints: DEFAULT_RIGHT_POINTS,
  wrongPoints: DEFAULT_WRONG_POINTS,
};

/** B16: presses one seat may make on one question; far beyond any honest use (a false start,
 * a press, a rebound), low enough that a flood cannot grow the log without end. */
export const MAX_PRESSES_PER_QUESTION = 20;

/** A7: answers (changes and late ones) one seat may give on one all-at-once question. */
export const MAX_ANSWERS_PER_QUESTION = 20;

/** B17, A8: one phone's share of its seat's limit, so a phone (a stranger in a spare slot
 * included) cannot spend its teammates' presses or answers: the limit over the seat's phones,
 * rounded up (20 for one phone, 10 each for two, 7 each for three). */
export function phoneShare(limit: number, phones: number): number {
  return Math.ceil(limit / Math.max(1, phones));
}
