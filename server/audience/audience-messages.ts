// What the stage's process and its audience process say to each other over IPC (one typed
// contract, like shared/protocol.ts between server and pages). The stage sends each audience
// update once, already built; the audience process answers with likes in batches and with
// comments to be judged by the stage, which alone keeps the contest's likes and comments.
import { z } from 'zod';
import { commentSendSchema, idSchema, type Ack, type CommentsUpdate, type WholeUpdate } from '../../shared/protocol.js';
import type { EdgeOptions } from '../edge/guard.js';
import type { Commenter } from './comments.js';
import type { LikeRates } from './likes.js';

/** One piece of news for every viewer of a contest: the events pages hear from the audience path. */
export type AudienceNews =
  | { event: 'contest:update'; payload: WholeUpdate }
  | { event: 'likes:total'; payload: { total: number } }
  | { event: 'comments:update'; payload: CommentsUpdate };

/** What a contest's viewers see when the first of them comes: the room's first view (room-view.ts),
 * the likes total and the comments. */
export interface AudienceOpening {
  update: WholeUpdate;
  likes: number;
  comments: CommentsUpdate;
}

export type ToAudience =
  /** First message: the edge's checks and the like limits, the same as the stage's own. */
  | { t: 'init'; edge: EdgeOptions; publicUrl: string; likeRates: LikeRates }
  /** An upgrade request for AUDIENCE_PATH, as read by the stage; its socket travels as the handle. */
  | { t: 'upgrade'; request: string; head: string }
  /** The answer to the `watch` numbered `ask`: what a contest's viewers see now, or null when there
   * is no such contest. */
  | { t: 'opening'; contestId: string; ask: number; opening: AudienceOpening | null }
  | ({ t: 'news'; contestId: string } & AudienceNews)
  /** The stage's answer to a comment. */
  | { t: 'answer'; id: number; ack: Ack<null> }
  /** Asks for the figures the benchmarks report; `collect` runs a full GC first. */
  | { t: 'stats'; collect: boolean };

const contestId = idSchema;
const socketId = z.string().min(1).max(128);
/** More likes in one batch than any audience could send in a flush: refused, not counted. */
export const MAX_LIKES_PER_BATCH = 10_000_000;

// The viewer is `token:` and its page's token (up to 128 characters), or `socket:` and the socket's id.
const commenter: z.ZodType<Commenter> = z.object({ contestId, socketId, viewer: z.string().min(1).max(160), address: z.string().max(128) });

/** What the audience process tells the stage, checked on arrival: that process faces every
 * viewer, so a fault there must not put a wrong count or a malformed comment into the contest's
 * tally and boards. */
export const fromAudienceSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready') }),
  /** A viewer of a contest the process holds none of yet: send its opening, then its news. `ask`
   * numbers the watches, so that an opening is told apart from one for an earlier watch of the
   * same contest, unwatched before its answer came. */
  z.object({ t: z.literal('watch'), contestId, ask: z.number().int().nonnegative() }),
  /** Its last viewer left: no more news for it. */
  z.object({ t: z.literal('unwatch'), contestId }),
  /** Likes taken since the last batch, per contest (already limited per socket and address). */
  z.object({ t: z.literal('likes'), counts: z.array(z.tuple([contestId, z.number().int().min(1).max(MAX_LIKES_PER_BATCH)])) }),
  z.object({
    t: z.literal('comment'),
    id: z.number().int().nonnegative(),
    commenter,
    text: commentSendSchema.shape.text,
  }),
  /** A viewer left: its comment limits are forgotten. */
  z.object({ t: z.literal('forget'), socketId }),
  z.object({ t: z.literal('stats'), heapUsed: z.number().nonnegative(), sockets: z.number().int().nonnegative() }),
]);

export type FromAudience = z.infer<typeof fromAudienceSchema>;
