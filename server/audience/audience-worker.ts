// The audience process: a socket.io server of its own for the audience pages (/watch/), forked and
// niced by the stage's process (audience-process.ts). Writing one update to ten thousand viewers
// is ten thousand socket writes; here they cost the stage's event loop nothing, and the kernel
// gives the stage the CPU first. The stage hands over each viewer's connection before reading
// it, sends each update once, and keeps the contest's likes and comments: this process only
// holds the sockets, the latest news per contest, the view its viewers hold (room-view.ts: they
// are sent what changed from it), and the per-socket and per-address limits.
import { createServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Server } from 'socket.io';
import { AUDIENCE_PATH } from '../../shared/audience-route.js';
import { commentSendSchema, ErrorCode, handshakeSchema, PROTOCOL_VERSION, type Ack, type ClientToServerEvents } from '../../shared/protocol.js';
import { realClock } from '../clock.js';
import { clientAddress, machineKey } from '../edge/client-address.js';
import { EdgeGuard } from '../edge/guard.js';
import type { QiangdaServer, QiangdaSocket } from '../realtime/realtime.js';
import type { AudienceNews, AudienceOpening, FromAudience, ToAudience } from './audience-messages.js';
import { handleLikes } from './like-handler.js';
import { LikeLimits } from './likes.js';
import { jsonParser } from '../realtime/json-parser.js';
import { NewsQueue } from './news-queue.js';
import { RoomView } from './room-view.js';
import { writeToRoom } from '../realtime/room-write.js';

/** Viewers need no 2 s heartbeat (phones do, for their link figures): socket.io's default. */
const PING_INTERVAL_MS = 25_000;
const PING_TIMEOUT_MS = 20_000;

/** What a viewer may send; everything else is refused, as the stage refuses it. */
const HANDLED: ReadonlySet<string> = new Set<keyof ClientToServerEvents>(['like:add', 'comment:send']);

interface Watched {
  /** Resolves once the stage answered: the contest exists, or not. */
  opened: Promise<boolean>;
  /** The latest likes total and comment list, sent whole to each viewer joining. */
  news: Map<Exclude<AudienceNews['event'], 'contest:update'>, AudienceNews>;
  /** The view every viewer in the contest's room holds, which updates change (room-view.ts). */
  room: RoomView;
  viewers: number;
}

/** Says something to the stage. Once the stage has gone (this process exits on it) there is no
 * one to tell: the failure goes to the callback, not to an 'error' that would crash the process
 * while its viewers' sockets close. */
const tell = (message: FromAudience) => process.send?.(message, undefined, {}, () => {});
const clock = realClock();
const watched = new Map<string, Watched>();
/** Answers awaited from the stage, by the number of the watch they answer. */
const openings = new Map<number, (opening: AudienceOpening | null) => void>();
let nextAsk = 1;
/** News read from the stage, written to the viewers on the next turn (sendWaiting). */
const waiting = new NewsQueue();
const answers = new Map<number, (ack: Ack<null>) => void>();
let nextAnswer = 1;

/** Likes go to the stage summed per contest, at most this often: 50,000 a second are ten
 * messages to it, not a thousand. The stage announces totals every 500 ms anyway. */
const LIKE_BATCH_MS = 100;
const likesDue = new Map<string, number>();
const likeBatch = {
  add(contestId: string, count: number): void {
    if (!likesDue.size) setTimeout(sendLikes, LIKE_BATCH_MS);
    likesDue.set(contestId, (likesDue.get(contestId) ?? 0) + count);
  },
};
function sendLikes(): void {
  tell({ t: 'likes', counts: [...likesDue] });
  likesDue.clear();
}

function refuse(code: ErrorCode): Error {
  return Object.assign(new Error(code), { data: { code } });
}

/** The contest's news, asked of the stage by the first viewer of it. */
function watch(contestId: string): Watched {
  const held = watched.get(contestId);
  if (held) return held;
  const ask = nextAsk++;
  let answered: (known: boolean) => void = () => {};
  const contest: Watched = { opened: new Promise((resolve) => (answered = resolve)), news: new Map(), room: new RoomView(), viewers: 0 };
  openings.set(ask, (opening) => {
    // The answer to a watch since unwatched (its last viewer left before the answer came) only
    // settles those waiting to be admitted on it: they join the watch current then.
    const current = watched.get(contestId) === contest;
    if (!opening) {
      if (current) watched.delete(contestId);
      return answered(false);
    }
    // News that came before the opening is never newer than it (audience-process.ts): some may
    // be from before this contest was last unwatched here, still on its way then. The opening
    // replaces it, also what of it still waits to be written.
    if (current) {
      waiting.drop(contestId);
      contest.room.open(opening.update.view);
      contest.news.set('likes:total', { event: 'likes:total', payload: { total: opening.likes } });
      contest.news.set('comments:update', { event: 'comments:update', payload: opening.comments });
    }
    answered(true);
  });
  watched.set(contestId, contest);
  tell({ t: 'watch', contestId, ask });
  return contest;
}

function leave(contestId: string): void {
  const contest = watched.get(contestId);
  if (!contest || --contest.viewers > 0) return;
  watched.delete(contestId);
  tell({ t: 'unwatch', contestId });
}

function start(init: Extract<ToAudience, { t: 'init' }>): QiangdaServer {
  const http = createServer((_req, res) => void res.writeHead(404).end());
  const io: QiangdaServer = new Server(http, {
    parser: jsonParser,
    path: AUDIENCE_PATH,
    transports: ['websocket'],
    serveClient: false,
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    maxHttpBufferSize: 4096,
  });
  const edge = new EdgeGuard(init.edge, init.publicUrl, clock);
  const limits = new LikeLimits(init.likeRates, clock);

  io.use(edge.origins());
  io.use((socket, next) => {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refuse(ErrorCode.BadHandshake));
    if (parsed.data.v !== PROTOCOL_VERSION) return next(refuse(ErrorCode.VersionMismatch));
    if (parsed.data.role !== 'audience') return next(refuse(ErrorCode.NotAuthorised));
    const { contestId } = parsed.data;
    void watch(contestId).opened.then((known) => {
      if (!known) return next(refuse(ErrorCode.UnknownContest));
      socket.data = { contestId, role: 'audience', seatId: null, phoneId: null, judgeId: null };
      next();
    });
  });
  io.use(edge.addressCap());
  io.on('connection', (socket) => join(socket, edge, limits, init.edge.trustedProxies));

  // A connection the stage handed over: it read the request (to see its path), so it is replayed.
  process.on('message', (message: ToAudience, handle?: NetSocket) => {
    if (message.t !== 'upgrade' || !handle) return;
    handle.on('error', () => handle.destroy());
    http.emit('connection', handle);
    handle.emit('data', Buffer.concat([Buffer.from(message.request, 'latin1'), Buffer.from(message.head, 'base64')]));
    handle.resume();
  });
  return io;
}

/** A viewer joins its contest's room and is sent the view the room holds, whole, and the latest
 * likes total and comments. */
function join(socket: QiangdaSocket, edge: EdgeGuard, limits: LikeLimits, trustedProxies: string[]): void {
  const { contestId } = socket.data;
  // Asked again if its last viewer left while this one was being admitted.
  const contest = watch(contestId);
  contest.viewers++;
  edge.limitEvents(socket);
  void contest.opened.then((known) => {
    const opening = known && contest.room.forJoiner(clock.now());
    if (!opening) return void socket.disconnect(true);
    // Into the room and sent the view the room holds in one step: no change reaches a viewer
    // before the view it changes.
    void socket.join(contestId);
    socket.emit('contest:update', opening);
    for (const news of contest.news.values()) socket.emit(news.event, news.payload as never);
  });

  const address = machineKey(clientAddress(socket.handshake.address, socket.handshake.headers, trustedProxies));
  handleLikes(socket, likeBatch, limits, address);
  const auth = socket.handshake.auth as { viewerToken?: unknown };
  const socketId = `watch:${socket.id}`;
  const viewer = typeof auth.viewerToken === 'string' ? `token:${auth.viewerToken}` : `socket:${socketId}`;
  socket.on('comment:send', (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<null>) => void) : () => {};
    const parsed = commentSendSchema.safeParse(payload);
    if (!parsed.success) return reply({ error: ErrorCode.BadPayload });
    const id = nextAnswer++;
    answers.set(id, reply);
    tell({ t: 'comment', id, commenter: { contestId, socketId, viewer, address }, text: parsed.data.text });
  });
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (!HANDLED.has(event) && typeof ack === 'function') (ack as (r: Ack<null>) => void)({ error: ErrorCode.NotAuthorised });
  });
  socket.on('disconnect', () => {
    tell({ t: 'forget', socketId });
    leave(contestId);
  });
}

/** A full collection, so the heap figure counts what is held, not garbage. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

let io: QiangdaServer | null = null;
function sendWaiting(): void {
  const due = waiting.take();
  if (!io) return;
  for (const { contestId, news } of due) {
    if (news.event === 'likes:total') writeToRoom(io, contestId, news.event, news.payload);
    else if (news.event === 'comments:update') writeToRoom(io, contestId, news.event, news.payload);
    else {
      // A contest nobody watches any more has no room to send to.
      const room = watched.get(contestId)?.room;
      if (room) writeToRoom(io, contestId, 'contest:update', room.send(news.payload));
    }
  }
}
process.on('message', (message: ToAudience) => {
  if (message.t === 'init') {
    io ??= start(message);
    tell({ t: 'ready' });
  } else if (message.t === 'opening') {
    openings.get(message.ask)?.(message.opening);
    openings.delete(message.ask);
  } else if (message.t === 'news') {
    const contest = watched.get(message.contestId);
    if (!contest) return;
    const news = { event: message.event, payload: message.payload } as AudienceNews;
    if (news.event !== 'contest:update') contest.news.set(news.event, news);
    // Written after the news already in the pipe has been read (news-queue.ts).
    if (waiting.size === 0) setImmediate(sendWaiting);
    waiting.add(message.contestId, news);
  } else if (message.t === 'answer') {
    answers.get(message.id)?.(message.ack);
    answers.delete(message.id);
  } else if (message.t === 'stats') {
    if (message.collect) collect();
    // From V8 itself: process.memoryUsage() opens a file, which fails with every descriptor taken.
    tell({ t: 'stats', heapUsed: getHeapStatistics().used_heap_size, sockets: io?.engine.clientsCount ?? 0 });
  }
});
// The stage went away: so does its audience (the pages reconnect to the next one).
process.on('disconnect', () => process.exit(0));
