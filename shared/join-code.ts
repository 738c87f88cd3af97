// Join codes as people read and type them: ten digits, projected and printed in two groups.

/** Digits in a new join code: enough that guessing one takes longer than a show (README, 加入码). */
export const JOIN_CODE_DIGITS = 10;

/** What a claim may carry: codes made before they grew to ten digits (six) still join. */
export const JOIN_CODE_PATTERN = /^\d{4,12}$/;

/** The code in two groups (`12345 67890`), easier to read off a screen or a card. */
export function formatJoinCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return code.length < 8 ? code : `${code.slice(0, half)} ${code.slice(half)}`;
}

/** What a person typed, without the spaces and dashes a grouped code invites. */
export function typedJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}
