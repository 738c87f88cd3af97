// What each role is on the server, in one table beside SIGHT (what it may see) and ROLE_SENDS
// (what it may send): which socket.io room its views go to, whose request ids it uses, and
// whether its link is measured. Record<Role, …>: a new role does not compile until its entry
// says so. The socket handlers ask these tables; they never test a role by name.
import type { Role } from '../../shared/contest/sight.js';
import { channel, type SocketData } from './realtime.js';

export { maySend } from '../../shared/role-sends.js';

export interface Access {
  /** The socket.io room the role's views are sent to. */
  channel(data: SocketData): string;
  /** Whose request ids a request id belongs to (D2): one page cannot answer for another's. */
  requestScope(data: SocketData): string;
  /** Its round trips are measured for judging presses by press time (P2). */
  measuredLink: boolean;
}

export const ACCESS: Readonly<Record<Role, Access>> = {
  host: {
    channel: (data) => channel.host(data.contestId),
    requestScope: () => 'host',
    measuredLink: false,
  },
  screen: {
    channel: (data) => channel.screen(data.contestId),
    requestScope: () => 'screen',
    measuredLink: false,
  },
  contestant: {
    // A phone without a seat still gets the lobby's view, on a channel of its own.
    channel: (data) => (data.seatId ? channel.seat(data.contestId, data.seatId) : channel.unseated(data.contestId)),
    requestScope: (data) => `seat:${data.seatId}`,
    measuredLink: true,
  },
  judge: {
    // A judge page not signed in yet (it asks for the code) sees the stage with no score of its own.
    channel: (data) => (data.judgeId ? channel.judge(data.contestId, data.judgeId) : channel.judgesUnsigned(data.contestId)),
    requestScope: (data) => `judge:${data.judgeId}`,
    measuredLink: false,
  },
  audience: {
    channel: (data) => channel.audience(data.contestId),
    requestScope: () => 'audience',
    measuredLink: false,
  },
  overlay: {
    channel: (data) => channel.overlay(data.contestId),
    requestScope: () => 'overlay',
    measuredLink: false,
  },
};
