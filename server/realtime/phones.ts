// A phone of a seat as the host and the log know it: a short id derived from its device token,
// so the token itself (which holds the seat) never leaves the server.
import { createHash } from 'node:crypto';

/** The phone's public id: the host removes a phone by it, and presses and answers carry it (B17, A8). */
export function phoneIdOf(deviceToken: string): string {
  return createHash('sha256').update(deviceToken).digest('base64url').slice(0, 12);
}
