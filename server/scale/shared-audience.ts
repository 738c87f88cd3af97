// The audience across processes (--redis). A viewer on a process that does not own its contest
// is served there, read-only: the owner holds nothing per remote viewer. The owner tells every
// other process each audience view, like total and public comment list once (news); each process
// keeps the latest per contest and sends it to its own viewers over its own shards (fanout.ts).
// A process asks the owner once per contest for what a new viewer first sees, adds up its
// viewers' likes and sends the owner one batch per contest every LIKE_BATCH_MS (counted once
// even when sent again: like-batches.ts), and forwards each comment with its sender's identity,
// answered with the owner's verdict. After a Redis outage it asks the owners what it missed.
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { viewFor } from '../../shared/contest/views.js';
import { sameValue } from '../../shared/view-changes.js';
import type { ContestEvent } from '../../shared/contest/commands.js';
import type { ContestState } from '../../shared/contest/types.js';
import { commentSendSchema, emptySchema, ErrorCode, handshakeSchema, PROTOCOL_VERSION, type Ack, type CommentsUpdate, type WholeUpdate } from '../../shared/protocol.js';
import { maySend } from '../realtime/access.js';
import { channel, type QiangdaServer, type QiangdaSocket } from '../realtime/realtime.js';
import { writeToRoom } from '../realtime/room-write.js';
import { handle } from '../realtime/socket-handlers.js';
import type { Clock } from '../clock.js';
import type { Contests } from '../rooms/contests.js';
import type { ContestRoom } from '../rooms/room.js';
import { AudienceFanout, nextTurn, type Defer } from '../audience/fanout.js';
import type { CommentBoards, Commenter } from '../audience/comments.js';
import type { LikeLimits, Likes } from '../audience/likes.js';
import { handleLikes } from '../audience/like-handler.js';
import type { AudienceNews } from '../audience/audience-messages.js';
import { LikeReceipts, OutgoingLikes, type LikeBatch } from './like-batches.js';

/** A process sends its viewers' likes to the owner at most this often, one message per contest. */
export const LIKE_BATCH_MS = 200;
/** How long a question to the owner waits for its answer. */
const ASK_TIMEOUT_MS = 3000;
/** After an outage, how often a contest's owner is asked for what was missed, and how long apart:
 * the owner's own connections are back within 2 s of Redis (scale-out.ts), so 10 s is ample. */
const CATCH_UP_TRIES = 10;
const CATCH_UP_RETRY_MS = 1000;

export const ASK = 'qiangda:audience';
export const NEWS = 'qiangda:audience-news';

/** Shards of viewers served here for another process's contest: rooms the owner never sends to. */
const relayRoom = (contestId: string, shard: number) => `${contestId}:audience-relay:${shard}`;

/** What a new viewer is sent first: the view, the like total and the public comments. */
export interface FirstSight {
  update: WholeUpdate;
  likes: number;
  comments: CommentsUpdate;
  /** Which process answered (each numbers its own news), in which epoch of the contest's lease
   * (lease.ts), and how many pieces of news it had told when it did: news it numbered above that
   * is newer than this answer, and so is news of a later epoch. */
  teller: string;
  epoch: number;
  told: number;
}

type Question =
  | { kind: 'first'; contestId: string }
  | ({ kind: 'likes' } & LikeBatch)
  | { kind: 'comment'; commenter: Commenter; payload: unknown };

type NewsBody =
  | { kind: 'update'; contestId: string; update: WholeUpdate }
  | { kind: 'likes'; contestId: string; total: number }
  | { kind: 'comments'; contestId: string; update: CommentsUpdate };
/** `teller`: the process that told it; `epoch`: the epoch of the contest's lease it told it in;
 * `n`: that process numbers its news, in the order it tells it (FirstSight.told). Numbers of two
 * processes do not compare (a process that takes a contest over counts from where its own count
 * stands); epochs do: the owner's news of an earlier epoch is older than the new owner's. */
type News = NewsBody & { teller: string; epoch: number; n: number };

/** The app's parts the audience needs on either side. */
export interface AudienceParts {
  io: QiangdaServer;
  contests: Contests;
  clock: Clock;
  likes: Likes;
  likeLimits: LikeLimits;
  comments: CommentBoards;
  log: (message: string) => void;
  defer?: Defer;
}

type Middleware = (socket: QiangdaSocket, next: (err?: Error) => void) => void;

function refuse(code: string): Error {
  return Object.assign(new Error(code), { data: { code } });
}

export class SharedAudience {
  /** Per contest whose viewers are served here for another owner: what a new one is sent. */
  private readonly seen = new Map<string, FirstSight>();
  /** One question per contest in flight: viewers arriving together wait for the same answer. */
  private readonly asking = new Map<string, Promise<FirstSight | null>>();
  /** News heard while a contest's first question is out, the latest of each kind from each
   * teller: folded into the answer if newer (the answer comes once every process has replied, and
   * the owner may have told news after it answered). */
  private readonly whileAsking = new Map<string, Map<string, News>>();
  /** The owner's side: this process, as the teller of its news, and how many pieces it has told. */
  private readonly teller = randomUUID();
  private told = 0;
  /** Viewers served here for another process's contest, with their address. */
  private readonly viewers = new Map<string, { socket: QiangdaSocket; address: string }>();
  /** Likes taken here for contests owned elsewhere, on their way to the owner. */
  private readonly outgoing = new OutgoingLikes(this.teller);
  /** The owner's side: batches from other processes already counted. */
  private readonly receipts = new LikeReceipts();
  private closed = false;
  /** News heard per contest, by kind, so a catch-up's answer never undoes newer news. */
  private readonly heard = new Map<string, Record<News['kind'], number>>();
  private catchUpRound = 0;
  private likeTimer: NodeJS.Timeout | null = null;
  /** The owner's last audience view sent without events, so one that did not change goes once. */
  private readonly saw = new Map<string, string>();
  private readonly fanout: AudienceFanout;
  private readonly server: Server;
  /** Passes the owner's news on to this process's audience process (audience-process.ts), too. */
  relay: (contestId: string, news: AudienceNews) => void = () => {};

  constructor(
    private readonly parts: AudienceParts,
    private readonly owns: (contestId: string) => boolean,
    /** The epoch of the lease this process owns the contest in (0 without one). */
    private readonly epochOf: (contestId: string) => number = () => 0,
  ) {
    this.server = parts.io as unknown as Server;
    this.fanout = new AudienceFanout(parts.defer ?? nextTurn, undefined, relayRoom);
    this.server.on(ASK, (question: Question, reply: (answer: unknown) => void) => reply(this.answer(question)));
    // A process from before epochs tells none: epoch 0, below every owner's that has one.
    this.server.on(NEWS, (news: News) => this.hear({ ...news, epoch: epochIn(news) }));
  }

  // ---- the owner's side: news for the other processes, answers to their questions ----

  /** The owner's audience view changed: every other process hears it once. */
  update(room: ContestRoom, state: ContestState, events: ContestEvent[], facts: ReturnType<ContestRoom['facts']>): void {
    if (!this.owns(room.id)) return;
    const view = viewFor('audience', state, facts);
    if (events.length) this.saw.delete(room.id);
    else {
      const seen = JSON.stringify(view);
      if (this.saw.get(room.id) === seen) return;
      this.saw.set(room.id, seen);
    }
    this.tell({ kind: 'update', contestId: room.id, update: { view, events, serverNow: this.parts.clock.now() } });
  }

  /** The owner's like total went out: the other processes' viewers hear it too. */
  likesTotal(contestId: string, total: number): void {
    if (this.owns(contestId)) this.tell({ kind: 'likes', contestId, total });
  }

  /** The owner's comments changed: the other processes' viewers get the public list. The host,
   * screen and overlay pages of other processes are in rooms empty here, which publishComments
   * (comment-handlers.ts) passes over: they are sent theirs through the adapter. */
  commentsChanged(contestId: string): void {
    if (!this.owns(contestId)) return;
    const { io, comments } = this.parts;
    this.tell({ kind: 'comments', contestId, update: comments.updateFor(contestId, 'public') });
    const readers = [[channel.host(contestId), 'host'], [channel.screen(contestId), 'screen'], [channel.overlay(contestId), 'public']] as const;
    for (const [to, reader] of readers) if (!io.sockets.adapter.rooms.get(to)?.size) io.to(to).emit('comments:update', comments.updateFor(contestId, reader));
  }

  private tell(news: NewsBody): void {
    try {
      this.server.serverSideEmit(NEWS, { ...news, teller: this.teller, epoch: this.epochOf(news.contestId), n: ++this.told } satisfies News);
    } catch {
      // Redis away: the other processes' viewers catch up with the next news.
    }
  }

  /** Answers another process's question about a contest owned here; others say nothing (null). */
  private answer(question: Question): unknown {
    const contestId = question.kind === 'comment' ? question.commenter.contestId : question.contestId;
    if (!this.owns(contestId)) return null;
    const { contests, likes, comments, clock } = this.parts;
    if (question.kind === 'first') {
      // Answered before this handler returns: what it shows must be on disk first (group commit).
      contests.durability.flush();
      const room = contests.get(contestId);
      if (!room) return null;
      // syncedState: the flush above returns at once if it is asked while a sync's waiters are told.
      const update: WholeUpdate = { view: viewFor('audience', room.syncedState, room.facts()), events: [], serverNow: clock.now() };
      return { update, likes: likes.total(contestId), comments: comments.updateFor(contestId, 'public'), teller: this.teller, epoch: this.epochOf(contestId), told: this.told } satisfies FirstSight;
    }
    if (question.kind === 'likes') {
      // A batch sent again because its answer was lost is answered, not counted again.
      if (this.receipts.first(question)) likes.add(contestId, question.count);
      return { data: null };
    }
    let verdict: Ack<null> = { error: ErrorCode.Internal };
    // The comment's text is checked here, by the owner's rules (comment-handlers.ts).
    handle(commentSendSchema, ({ text }) => comments.send(question.commenter, text), this.parts.log)(question.payload, (answer: Ack<null>) => (verdict = answer));
    return verdict;
  }

  // ---- a process serving viewers of another process's contest ----

  /** Connection middleware for a viewer of a contest owned elsewhere: let in once the owner has
   * told this process what its viewers see (asked once per contest). */
  admit(): Middleware {
    return (socket, next) => {
      const parsed = handshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(refuse(ErrorCode.BadHandshake));
      if (parsed.data.v !== PROTOCOL_VERSION) return next(refuse(ErrorCode.VersionMismatch));
      const { contestId } = parsed.data;
      void this.firstSight(contestId).then((first) => {
        // No owner answered: an unknown contest is refused as such; a known one is between owners.
        if (!first) return next(refuse(this.parts.contests.list().some((c) => c.id === contestId) ? ErrorCode.Internal : ErrorCode.UnknownContest));
        socket.data = { contestId, role: 'audience', seatId: null, phoneId: null, judgeId: null };
        next();
      });
    };
  }

  /** Whether this process keeps a copy of what the contest's viewers see (its owner is elsewhere). */
  hears(contestId: string): boolean {
    return this.seen.has(contestId) && !this.owns(contestId);
  }

  /** Contests with viewers here served for another owner: should it die, this process may take them over. */
  watched(): string[] {
    return [...new Set([...this.viewers.values()].map((v) => v.socket.data.contestId))];
  }

  /** Whether a connected socket was let in by admit(). */
  admitted(socket: QiangdaSocket): boolean {
    return socket.data.role === 'audience' && this.hears(socket.data.contestId);
  }

  /** Serves a viewer here: its first sight from this process's copy, then the news as it comes;
   * likes counted here and sent on in batches, comments forwarded to the owner. */
  serve(socket: QiangdaSocket, address: string): void {
    const { contestId } = socket.data;
    const first = this.seen.get(contestId);
    if (!first) return void socket.conn.close();
    this.viewers.set(socket.id, { socket, address });
    socket.on('disconnect', () => this.viewers.delete(socket.id));
    this.fanout.join(socket);
    socket.emit('contest:update', first.update);
    socket.emit('likes:total', { total: first.likes });
    socket.emit('comments:update', first.comments);

    handleLikes(socket, { add: (id, count) => this.addLike(id, count) }, this.parts.likeLimits, address);
    socket.on('clock:probe', handle(emptySchema, () => ({ data: { serverNow: this.parts.clock.now() } }), this.parts.log));
    // Slow mode follows the viewer across reloads by its token; without one, the socket.
    const auth = socket.handshake.auth as { viewerToken?: unknown };
    const viewer = typeof auth.viewerToken === 'string' ? `token:${auth.viewerToken}` : `socket:${socket.id}`;
    const commenter: Commenter = { contestId, socketId: socket.id, viewer, address };
    socket.on('comment:send', (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (answer: unknown) => void) : () => {};
      void this.ask({ kind: 'comment', commenter, payload }).then((answer) => reply(answer ?? { error: ErrorCode.Internal }));
    });
    // Anything else an audience may not send is refused, as on the owner.
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!maySend('audience', event as never) && typeof ack === 'function') ack({ error: ErrorCode.NotAuthorised });
    });
  }

  /** This process now owns the contest: its viewers here reconnect and are served as its own. */
  tookOver(contestId: string): void {
    for (const { socket } of this.viewers.values()) if (socket.data.contestId === contestId) socket.conn.close();
    this.seen.delete(contestId);
  }

  /** Stops the shards' passes and the like batches. */
  close(): void {
    this.closed = true;
    this.fanout.close();
    if (this.likeTimer) clearTimeout(this.likeTimer);
    this.likeTimer = null;
  }

  /** What a viewer of a contest owned elsewhere first sees: asked of the owner once per contest. */
  opening(contestId: string): Promise<FirstSight | null> {
    return this.firstSight(contestId);
  }

  /** Likes for a contest owned elsewhere, taken here (already limited): sent on in a batch. */
  like(contestId: string, count: number): void {
    this.addLike(contestId, count);
  }

  /** A comment on a contest owned elsewhere, judged by its owner. */
  async comment(commenter: Commenter, text: string): Promise<Ack<null>> {
    return ((await this.ask({ kind: 'comment', commenter, payload: { text } })) as Ack<null> | null) ?? { error: ErrorCode.Internal };
  }

  private firstSight(contestId: string): Promise<FirstSight | null> {
    const known = this.seen.get(contestId);
    if (known) return Promise.resolve(known);
    let asked = this.asking.get(contestId);
    if (!asked) {
      asked = this.askFirst(contestId).then((first) => {
        this.asking.delete(contestId);
        const meanwhile = this.whileAsking.get(contestId);
        this.whileAsking.delete(contestId);
        if (!first) return null;
        // Judged against the answer as it came, then folded oldest first: the latest of each kind wins.
        const newer = [...(meanwhile?.values() ?? [])].filter((news) => newerThan(first, news));
        for (const news of newer.sort((a, b) => a.epoch - b.epoch || a.n - b.n)) fold(first, news);
        this.seen.set(contestId, first);
        return first;
      });
      this.asking.set(contestId, asked);
    }
    return asked;
  }

  /** Redis is back after an outage: the news sent meanwhile never arrived here, so what this
   * process's viewers hold may be old. Each contest watched here is asked of its owner afresh and
   * passed on like news (a view that did not change is not sent again); an owner that does not
   * answer yet (the other connection still coming back) is asked again, a few times. */
  catchUp(): void {
    // A newer outage's catch-up replaces the one before: its asks stop, its answers are dropped.
    const round = ++this.catchUpRound;
    for (const contestId of this.seen.keys()) this.catchUpWith(contestId, CATCH_UP_TRIES, round);
  }

  private catchUpWith(contestId: string, tries: number, round: number): void {
    if (this.closed || round !== this.catchUpRound) return;
    // News that arrives while the question is out is newer than its answer, and wins.
    const heardBefore = { ...this.newsHeard(contestId) };
    void this.askFirst(contestId).then((now) => {
      const held = this.seen.get(contestId);
      if (this.closed || round !== this.catchUpRound || !held || this.owns(contestId)) return;
      if (!now) {
        if (tries > 1) setTimeout(() => this.catchUpWith(contestId, tries - 1, round), CATCH_UP_RETRY_MS).unref();
        return;
      }
      const heard = this.newsHeard(contestId);
      const missed = (kind: News['kind']) => heard[kind] === heardBefore[kind];
      const told = { teller: now.teller, epoch: now.epoch, n: now.told };
      if (missed('update') && !sameValue(now.update.view, held.update.view)) this.hear({ kind: 'update', contestId, update: now.update, ...told });
      if (missed('likes') && now.likes !== held.likes) this.hear({ kind: 'likes', contestId, total: now.likes, ...told });
      if (missed('comments') && !sameValue(now.comments, held.comments)) this.hear({ kind: 'comments', contestId, update: now.comments, ...told });
    });
  }

  /** How many pieces of news of each kind this process has heard for a contest. */
  private newsHeard(contestId: string): Record<News['kind'], number> {
    let heard = this.heard.get(contestId);
    if (!heard) this.heard.set(contestId, (heard = { update: 0, likes: 0, comments: 0 }));
    return heard;
  }

  /** News from the owner: kept for the next viewer and sent to this process's viewers, shard by shard. */
  private hear(news: News): void {
    if (this.owns(news.contestId)) return;
    const first = this.seen.get(news.contestId);
    if (!first) {
      // Its first sight is being asked for: kept until the answer, which it may be newer than.
      if (!this.asking.has(news.contestId)) return;
      // The latest of each kind from each teller: around a takeover two processes may tell news,
      // and the old owner's must not push out the new one's.
      let kept = this.whileAsking.get(news.contestId);
      if (!kept) this.whileAsking.set(news.contestId, (kept = new Map()));
      kept.set(`${news.teller}\n${news.kind}`, news);
      return;
    }
    // An owner that has lost the contest (dead, or stalled past its lease) tells nothing new.
    if (news.epoch < first.epoch) return;
    // Also when the view below is not taken: the lost owner's news after it is still dropped.
    first.epoch = news.epoch;
    this.newsHeard(news.contestId)[news.kind] += 1;
    if (news.kind === 'update' && news.update.serverNow < first.update.serverNow) return;
    fold(first, news);
    const io = this.parts.io;
    if (news.kind === 'update') {
      this.relay(news.contestId, { event: 'contest:update', payload: news.update });
      this.fanout.send(news.contestId, 'update', (to) => writeToRoom(io, to, 'contest:update', news.update));
    } else if (news.kind === 'likes') {
      this.relay(news.contestId, { event: 'likes:total', payload: { total: news.total } });
      this.fanout.send(news.contestId, 'likes', (to) => writeToRoom(io, to, 'likes:total', { total: news.total }));
    } else {
      this.relay(news.contestId, { event: 'comments:update', payload: news.update });
      // Comments go out at most every 250 ms (comments.ts): to every viewer here at once.
      for (const { socket } of this.viewers.values()) if (socket.data.contestId === news.contestId) socket.emit('comments:update', news.update);
    }
  }

  private addLike(contestId: string, count: number): void {
    this.outgoing.add(contestId, count);
    this.scheduleLikes();
  }

  private scheduleLikes(): void {
    if (this.closed) return;
    this.likeTimer ??= setTimeout(() => this.sendLikes(), LIKE_BATCH_MS);
  }

  /** One batch per contest to its owner; a batch no owner answered goes again next time. */
  private sendLikes(): void {
    this.likeTimer = null;
    for (const batch of this.outgoing.due()) {
      if (this.owns(batch.contestId)) {
        // Taken over meanwhile: this process keeps the tally now.
        this.parts.likes.add(batch.contestId, batch.count);
        this.outgoing.answered(batch, true);
        continue;
      }
      void this.ask({ kind: 'likes', ...batch }).then((answer) => {
        this.outgoing.answered(batch, answer !== null);
        if (this.outgoing.waiting) this.scheduleLikes();
      });
    }
    // Likes that waited behind a batch this process has just counted itself go next time.
    if (this.outgoing.waiting) this.scheduleLikes();
  }

  /** What a contest's viewers first see, asked of its owner. An owner stalled past its lease may
   * still answer beside the new one: the answer of the latest epoch is taken. */
  private askFirst(contestId: string): Promise<FirstSight | null> {
    const latest = (answers: unknown[]): FirstSight | null => {
      let best: FirstSight | null = null;
      for (const answer of answers as Array<FirstSight | null>) {
        if (answer && (!best || epochIn(answer) > best.epoch)) best = { ...answer, epoch: epochIn(answer) };
      }
      return best;
    };
    return this.ask({ kind: 'first', contestId }, latest) as Promise<FirstSight | null>;
  }

  /** Asks every other process; the contest's owner is the one that answers (`pick`: which of the
   * answers to take). Null: no owner answered. */
  private ask(question: Question, pick = (answers: unknown[]): unknown => answers.find((a) => a !== null) ?? null): Promise<unknown> {
    return new Promise((resolve) => {
      const away = setTimeout(() => resolve(null), ASK_TIMEOUT_MS + 500);
      const done = (answer: unknown) => {
        clearTimeout(away);
        resolve(answer);
      };
      try {
        this.server.serverSideEmit(ASK, question, (_err: Error | null, answers: unknown[]) => done(pick(answers ?? [])));
      } catch {
        done(null);
      }
    });
  }
}

/** The epoch a message carries: 0 from a process from before epochs, which tells none. */
const epochIn = (message: { epoch?: unknown }): number => Number(message.epoch) || 0;

/** Whether news heard while the first question was out is newer than its answer. Around a
 * takeover, the lease's epochs say: the new owner's news is newer than the old owner's answer, and
 * the old owner's news older than the new owner's. Within an epoch, the answering process's own
 * numbers say. Another process's news in the same epoch (none with a lease; a process without one
 * tells epoch 0) counts only as a view newer on the machine's one clock. */
function newerThan(first: FirstSight, news: News): boolean {
  if (news.epoch !== first.epoch) return news.epoch > first.epoch;
  if (news.teller === first.teller) return news.n > first.told;
  return news.kind === 'update' && news.update.serverNow > first.update.serverNow;
}

/** Keeps one piece of the owner's news in what the next viewer here is sent first. */
function fold(first: FirstSight, news: News): void {
  first.epoch = Math.max(first.epoch, news.epoch);
  if (news.kind === 'update') first.update = { ...news.update, events: [] };
  else if (news.kind === 'likes') first.likes = news.total;
  else first.comments = news.update;
}
