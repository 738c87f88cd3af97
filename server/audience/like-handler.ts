// The `like:add` event: checked against its schema and the sender's role, limited per socket
// and per address, and added to the contest's total.
import { ErrorCode, likeAddSchema, type Ack } from '../../shared/protocol.js';
import { maySend } from '../realtime/access.js';
import type { QiangdaSocket } from '../realtime/realtime.js';
import type { LikeLimits, Likes } from './likes.js';

/** Registers a socket's like handler; `address` is the machine the edge believes it is. `likes`
 * is the contest's tally, or a batch on its way to it (the audience process, another process). */
export function handleLikes(socket: QiangdaSocket, likes: Pick<Likes, 'add'>, limits: LikeLimits, address: string): void {
  const bucket = limits.socketBucket();
  socket.on('like:add', (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<null>) => void) : () => {};
    if (!maySend(socket.data.role, 'like:add')) return reply({ error: ErrorCode.NotAuthorised });
    const parsed = likeAddSchema.safeParse(payload);
    if (!parsed.success) return reply({ error: ErrorCode.BadPayload });
    if (!limits.allow(bucket, address, parsed.data.count)) return reply({ error: ErrorCode.RateLimited });
    likes.add(socket.data.contestId, parsed.data.count);
    reply({ data: null });
  });
}
