// The realtime layer's shared names: what each socket carries, the typed server, and the
// socket.io rooms every broadcast goes to. Both the app (which broadcasts) and the socket
// handlers (which join sockets to rooms) use them, so they live here rather than in either.
import type { Server, Socket } from 'socket.io';
import type { Role } from '../../shared/contest/views.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';

export interface SocketData {
  contestId: string;
  role: Role;
  seatId: string | null;
  /** The phone's id (phones.ts) while it holds a seat. */
  phoneId: string | null;
  /** A judge page's judge, once its link or code signed it in: the only judge it scores as. */
  judgeId: string | null;
}

export type QiangdaServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type QiangdaSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.io rooms: one per role per contest, one per seat. */
export const channel = {
  host: (contestId: string) => `${contestId}:host`,
  screen: (contestId: string) => `${contestId}:screen`,
  seat: (contestId: string, seatId: string) => `${contestId}:seat:${seatId}`,
  unseated: (contestId: string) => `${contestId}:unseated`,
  judge: (contestId: string, judgeId: string) => `${contestId}:judge:${judgeId}`,
  /** Judge pages not signed in yet: they see what a judge sees, with no score of their own. */
  judgesUnsigned: (contestId: string) => `${contestId}:judges-unsigned`,
  /** The online audience (/watch/): served after the stage, never before it. */
  audience: (contestId: string) => `${contestId}:audience`,
  /** Stream overlays (/overlay/). */
  overlay: (contestId: string) => `${contestId}:overlay`,
};
