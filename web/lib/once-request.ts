// Requests that change the contest (a ruling, a buzz, an answer) carry a request id. If the
// link drops before their answer arrives, they are sent again with the same id once the link
// is back; the server applies each id once (D2). So a server restart neither loses the
// request nor applies it twice, and the page gets the answer the first attempt earned.
import { newDeviceToken } from './device-token.js';

/** The part of a socket this needs, so tests can drive it without a server. */
export interface RequestLink {
  readonly connected: boolean;
  emit(event: string, payload: object, ack: (reply: unknown) => void): void;
  /** Calls `listener` on every (re)connection until the returned function is called. */
  onConnect(listener: () => void): () => void;
}

/** Runs `fn` after `ms`; returns a function that cancels it. Injected so tests own time. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

/** A fresh request id: random, URL-safe, and valid for the protocol's requestIdSchema. */
export const newRequestId = (): string => newDeviceToken();

/** Sends `payload` with a request id, again after each reconnect, until an answer arrives or
 * `timeoutMs` passes; resolves with the answer or with `onTimeout`. */
export function sendOnce<R>(link: RequestLink, event: string, payload: object, timeoutMs: number, setTimer: SetTimer, onTimeout: R): Promise<R> {
  const body = { ...payload, rid: newRequestId() };
  return new Promise((resolve) => {
    let done = false;
    const finish = (reply: R) => {
      if (done) return;
      done = true;
      stopListening();
      cancelTimer();
      resolve(reply);
    };
    const send = () => link.emit(event, body, (reply) => finish(reply as R));
    const stopListening = link.onConnect(send);
    const cancelTimer = setTimer(() => finish(onTimeout), timeoutMs);
    send();
  });
}
