// Random identifiers and secrets. Server-only: the engine never sees randomness.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_DIGITS } from '../../shared/join-code.js';

export const newContestId = (): string => randomBytes(6).toString('base64url');
export const newHostKey = (): string => randomBytes(18).toString('base64url');
export const newDeviceToken = (): string => randomBytes(18).toString('base64url');
/** The secret in a judge's link: as strong as the host key, since it scores for the judge. */
export const newJudgeKey = (): string => randomBytes(18).toString('base64url');

const randomJoinCode = (): string => String(randomInt(10 ** (JOIN_CODE_DIGITS - 1), 10 ** JOIN_CODE_DIGITS));

/** Join codes (ten digits, no leading zero), distinct within one contest. */
export function newJoinCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomJoinCode());
  return [...codes];
}

/** Compares secrets in constant time, so the host key cannot be guessed byte by byte. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** One more join code, not among `taken` (which it joins). */
export function newJoinCode(taken: Set<string>): string {
  for (;;) {
    const code = randomJoinCode();
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** A seed for drawing questions when the contest file names none. */
export const newSeed = (): string => randomBytes(6).toString('hex');
