// Which events each role may send over its socket: the server refuses any other
// (server/realtime/access.ts), and pages set up only what their role uses (a press clock only
// where presses are sent). Record<Role, …>: a new role sends nothing until its entry says so.
import type { Role } from './contest/sight.js';
import type { ClientToServerEvents } from './protocol.js';

export type ClientEvent = keyof ClientToServerEvents;

/** Every page may ask the server's time: countdowns are drawn against it. */
const CLOCK: ClientEvent = 'clock:probe';

export const ROLE_SENDS: Readonly<Record<Role, readonly ClientEvent[]>> = {
  host: ['host:command', 'comments:moderate', 'question:swap', 'contest:source', 'contest:define', 'seat:release', 'seat:remove-phone', 'seat:decide', 'judges:access', CLOCK],
  screen: [CLOCK],
  contestant: ['seat:claim', 'buzz:press', 'answer:submit', 'stake:choose', CLOCK],
  // A judge signs in by code (or comes by its link) and scores; nothing else.
  judge: ['judge:claim', 'judge:score', CLOCK],
  // The audience likes and comments; nothing it sends touches the contest.
  audience: ['like:add', 'comment:send', CLOCK],
  overlay: [CLOCK],
};

/** Whether a socket of this role may send this event. */
export function maySend(role: Role, event: ClientEvent): boolean {
  return ROLE_SENDS[role].includes(event);
}
