// What the stage's process and its audience process say to each other over IPC (one typed
// contract, like shared/protocol.ts between server and pages). The stage sends each audience
// update once, already built; the audience process answers with likes in batches and with
// comments to be judged by the stage, which alone keeps the contest's likes and comments.
import type { Ack, CommentsUpdate, WholeUpdate } from '../../shared/protocol.js';
import type { EdgeOptions } from '../edge/guard.js';
import type { Commenter } from './comments.js';
import type { LikeRates } from './likes.js';

/** One piece of news for every viewer of a contest: the events pages hear from the audience path. */
export type AudienceNews =
  | { event: 'contest:update'; payload: WholeUpdate }
  | { event: 'likes:total'; payload: { total: number } }
  | { event: 'comments:update'; payload: CommentsUpdate };

/** What a viewer is sent on joining: the latest of each kind of news. */
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
  /** The answer to `watch`: what a contest's viewers see now, or null when there is no such contest. */
  | { t: 'opening'; contestId: string; opening: AudienceOpening | null }
  | ({ t: 'news'; contestId: string } & AudienceNews)
  /** The stage's answer to a comment. */
  | { t: 'answer'; id: number; ack: Ack<null> }
  /** Asks for the figures the benchmarks report; `collect` runs a full GC first. */
  | { t: 'stats'; collect: boolean };

export type FromAudience =
  | { t: 'ready' }
  /** A viewer of a contest the process holds none of yet: send its opening, then its news. */
  | { t: 'watch'; contestId: string }
  /** Its last viewer left: no more news for it. */
  | { t: 'unwatch'; contestId: string }
  /** Likes taken since the last batch, per contest (already limited per socket and address). */
  | { t: 'likes'; counts: Array<[contestId: string, count: number]> }
  | { t: 'comment'; id: number; commenter: Commenter; text: string }
  /** A viewer left: its comment limits are forgotten. */
  | { t: 'forget'; socketId: string }
  | { t: 'stats'; heapUsed: number; sockets: number };
