// The socket side of 弹幕: audience comments in, the host's moderation in, and each kind of page
// sent only the comments it may see (comments.ts decides which).
import { commentSendSchema, commentsModerateSchema, ErrorCode, type ClientToServerEvents } from '../../shared/protocol.js';
import { maySend } from '../realtime/access.js';
import { channel, type QiangdaServer, type QiangdaSocket } from '../realtime/realtime.js';
import { handle } from '../realtime/socket-handlers.js';
import type { CommentBoards, CommentReader } from './comments.js';

/** Which comments each role's pages get; roles not listed get none. */
const READERS: Partial<Record<QiangdaSocket['data']['role'], CommentReader>> = { host: 'host', screen: 'screen', audience: 'public', overlay: 'public' };

/** Sends a contest's comments to every page that shows them: serialised once per kind of page. */
export function publishComments(io: QiangdaServer, boards: CommentBoards, contestId: string): void {
  const send = (to: string, reader: CommentReader) => {
    if (io.sockets.adapter.rooms.get(to)?.size) io.to(to).emit('comments:update', boards.updateFor(contestId, reader));
  };
  send(channel.host(contestId), 'host');
  send(channel.screen(contestId), 'screen');
  send(channel.overlay(contestId), 'public');
  send(channel.audience(contestId), 'public');
}

/** Wires one socket: its first update on joining, comment:send for the audience, comments:moderate
 * for the host; every other role is refused both, unread. */
export function registerComments(socket: QiangdaSocket, boards: CommentBoards, address: string, log: (message: string) => void): void {
  const { contestId, role } = socket.data;
  const on = (event: keyof ClientToServerEvents, listener: (payload: unknown, ack: unknown) => void) =>
    socket.on(event, maySend(role, event) ? listener : (_payload: unknown, ack: unknown) => typeof ack === 'function' && ack({ error: ErrorCode.NotAuthorised }));

  const reader = READERS[role];
  if (reader) socket.emit('comments:update', boards.updateFor(contestId, reader));

  // Slow mode follows the viewer across reloads by its token; without one, the socket.
  const auth = socket.handshake.auth as { viewerToken?: unknown };
  const viewer = typeof auth.viewerToken === 'string' ? `token:${auth.viewerToken}` : `socket:${socket.id}`;
  const commenter = { contestId, socketId: socket.id, viewer, address };
  on('comment:send', handle(commentSendSchema, ({ text }) => boards.send(commenter, text), log));
  on('comments:moderate', handle(commentsModerateSchema, (change) => boards.moderate(contestId, change), log));
  socket.on('disconnect', () => boards.forgetSocket(socket.id));
}
