// The secret that ties this phone to its seat, kept per contest so a reload or a reconnect
// returns to the same seat without asking for the join code again.

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Whose place the token holds: a seat (a contestant's phone) or a judge's (a judge's device). A
 * device may be both in one contest, so each keeps its own. */
export type TokenHolder = 'seat' | 'judge' | 'viewer';

const KEY_PREFIX: Record<TokenHolder, string> = { seat: 'qiangda.device', judge: 'qiangda.judge', viewer: 'qiangda.viewer' };
const storageKey = (contestId: string, holder: TokenHolder) => `${KEY_PREFIX[holder]}.${contestId}`;

function storage(): TokenStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some private modes throw on access: the phone then rejoins by code after a reload.
    return null;
  }
}

/** The token this phone holds for the contest, if any. */
export function readDeviceToken(contestId: string, store: TokenStorage | null = storage(), holder: TokenHolder = 'seat'): string | undefined {
  try {
    return store?.getItem(storageKey(contestId, holder)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDeviceToken(contestId: string, token: string, store: TokenStorage | null = storage(), holder: TokenHolder = 'seat'): void {
  try {
    store?.setItem(storageKey(contestId, holder), token);
  } catch {
    // Storage full or blocked: the seat still works until the page reloads.
  }
}

/** Forgets the token once the seat is released or the server no longer knows it. */
export function forgetDeviceToken(contestId: string, store: TokenStorage | null = storage(), holder: TokenHolder = 'seat'): void {
  try {
    store?.removeItem(storageKey(contestId, holder));
  } catch {
    // Nothing to do: a stale token only costs one extra join.
  }
}

/** A fresh token, made on the phone so it can be saved before the claim is sent (a claim whose
 * answer is lost can then be repeated). getRandomValues works on plain http, unlike randomUUID. */
export function newDeviceToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
