// An audience page's own id for a contest, kept across reloads, so the comment limits (slow mode)
// follow a viewer rather than a page load. It names no seat and opens nothing.
import { readDeviceToken, saveDeviceToken } from '../lib/device-token.js';

/** This browser's viewer token for the contest, made and saved on first use. */
export function viewerToken(contestId: string): string {
  const saved = readDeviceToken(contestId, undefined, 'viewer');
  if (saved) return saved;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const token = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  saveDeviceToken(contestId, token, undefined, 'viewer');
  return token;
}
