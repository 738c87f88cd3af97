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
  /** How the likes total (点赞) reaches it: not at all (a contestant or judge has a contest to
   * get on with), on its channel, or through the audience's shards (fanout.ts), which it joins. */
  likes: 'none' | 'channel' | 'shards';
}

export const ACCESS: Readonly<Record<Role, Access>> = {
  host: {
    channel: (data) => channel.host(data.contestId),
    requestScope: () => 'host',
    measuredLink: false,
    likes: 'channel',
  },
  screen: {
    channel: (data) => channel.screen(data.contestId),
    requestScope: () => 'screen',
    measuredLink: false,
    likes: 'channel',
  },
  contestant: {
    // A phone without a seat still gets the lobby's view, on a channel of its own.
    channel: (data) => (data.seatId ? channel.seat(data.contestId, data.seatId) : channel.unseated(data.contestId)),
    requestScope: (data) => `seat:${data.seatId}`,
    measuredLink: true,
    likes: 'none',
  },
  judge: {
    // A judge page not signed in yet (it asks for the code) sees the stage with no score of its own.
    channel: (data) => (data.judgeId ? channel.judge(data.contestId, data.judgeId) : channel.judgesUnsigned(data.contestId)),
    requestScope: (data) => `judge:${data.judgeId}`,
    measuredLink: false,
    likes: 'none',
  },
  audience: {
    channel: (data) => channel.audience(data.contestId),
    requestScope: () => 'audience',
    measuredLink: false,
    likes: 'shards',
  },
  overlay: {
    channel: (data) => channel.overlay(data.contestId),
    requestScope: () => 'overlay',
    measuredLink: false,
    likes: 'channel',
  },
};

/** The channels of a contest that are told the likes total as it changes (each such role's
 * channel is the contest's alone: no seat or judge in it). */
export const likesChannels = (contestId: string): string[] =>
  (Object.keys(ACCESS) as Role[])
    .filter((role) => ACCESS[role].likes === 'channel')
    .map((role) => ACCESS[role].channel({ contestId, role, seatId: null, phoneId: null, judgeId: null }));
