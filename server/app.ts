// The HTTP and socket server, built from its parts so tests can hand it a fake clock and an
// in-memory store. server/main.ts is the only caller that passes real ones.
import { createServer, type Server as HttpServer } from 'node:http';
import express, { type RequestHandler } from 'express';
import { Server } from 'socket.io';
import type { ContestEvent } from '../shared/contest/commands.js';
import { viewFor, type ContestView } from '../shared/contest/views.js';
import type { Clock } from './clock.js';
import { Contests, type QuestionSource } from './rooms/contests.js';
import type { ContestState, SeatId } from '../shared/contest/types.js';
import { SeatReports } from './realtime/seat-reports.js';
import { isolatedParser } from './bank/parse-isolated.js';
import { bankRoutes } from './bank/routes.js';
import { openBank } from './bank/store.js';
import { exportRoutes } from './http/export-routes.js';
import { httpRoutes } from './http/http-routes.js';
import { DEFAULT_EDGE, EdgeGuard, type EdgeOptions } from './edge/guard.js';
import { jsonErrors, jsonNotFound, securityHeaders } from './edge/http-safety.js';
import { LinkBook } from './realtime/links.js';
import { ClaimGuard } from './realtime/claim-guard.js';
import { redactingLog } from './setup/redact.js';
import { clientAddress, machineKey } from './edge/client-address.js';
import { changeHere, keptBy, type ContestChange, type RunChange } from './http/contest-changes.js';
import { logoRoutes } from './http/logo-routes.js';
import { organiserRoutes } from './http/organiser-routes.js';
import { seatCardRoutes } from './http/seat-cards.js';
import { judgeCardRoutes } from './http/judge-cards.js';
import { resultsRoutes } from './http/results-page.js';
import type { ContestRoom, StateMark } from './rooms/room.js';
import { authenticate, registerHandlers } from './realtime/socket-handlers.js';
import { judgesAccess } from './realtime/judge-access.js';
import { ACCESS, likesChannels } from './realtime/access.js';
import { SentViews } from './realtime/sent-views.js';
import { channel, type QiangdaServer, type QiangdaSocket } from './realtime/realtime.js';
import { CommentBoards } from './audience/comments.js';
import { publishComments, registerComments } from './audience/comment-handlers.js';
import type { Store } from './storage/store.js';
import type { ScaleOut } from './scale/scale-out.js';
import type { SharedAudience } from './scale/shared-audience.js';
import { AudienceFanout, nextTurn, type Defer } from './audience/fanout.js';
import { DEFAULT_LIKE_RATES, LikeLimits, Likes, type LikeRates } from './audience/likes.js';
import { handleLikes } from './audience/like-handler.js';
import { watchRoutes } from './audience/watch-routes.js';
import { AudienceProcesses, refuseAudiencePath } from './audience/audience-process.js';
import { jsonParser } from './realtime/json-parser.js';
import { HostRefresh } from './realtime/host-refresh.js';
import { writeToRoom } from './realtime/room-write.js';
import { StorageHealth } from './storage/storage-health.js';

export interface AppOptions {
  store: Store;
  /** The question bank draws and swaps come from. */
  bank: QuestionSource;
  clock: Clock;
  publicUrl: string;
  /** Serves the built pages (or Vite in dev); omitted in socket-only tests. */
  web?: RequestHandler;
  log?: (message: string) => void;
  /** Origins, proxies, per-address and per-socket limits; the defaults suit a hall. */
  edge?: Partial<EdgeOptions>;
  /** Vite dev mode: its hot-reload socket needs a looser connect-src. */
  dev?: boolean;
  /** --redis: several processes share the pages; each contest's engine runs in its lease holder. */
  scale?: ScaleOut;
  /** How the audience's fan-out waits for the next event-loop turn; tests run the turns by hand. */
  audienceTurn?: Defer;
  /** Likes per socket and per address (likes.ts); the defaults suit a hall and its stream. */
  likeRates?: LikeRates;
  /** Serve audience pages from a niced process of their own (audience-process.ts); without it
   * (tests, --redis) they are served here, after the stage, in shards (fanout.ts). */
  audienceProcess?: boolean;
  /** How many audience processes (one per core suits a large audience); 1 if not given. */
  audienceProcesses?: number;
}

export interface App {
  http: HttpServer;
  io: QiangdaServer;
  contests: Contests;
  /** How many phones' links this process measures (P2). */
  readonly linkedPhones: number;
  /** The audience process, when there is one. */
  audience: AudienceProcesses | null;
  close(): Promise<void>;
}

// Heartbeats every 2 s with 2.5 s to answer: a phone that drops off Wi-Fi shows as
// disconnected on the host console within 5 s.
const PING_INTERVAL_MS = 2000;
/** How often the host console is sent each seat's link. */
export const LINK_REPORT_MS = 2000;
const PING_TIMEOUT_MS = 2500;

export function createApp(options: AppOptions): App {
  // Every line the server logs is redacted: no key, token or join code in full (redact.ts).
  const log = redactingLog(options.log ?? ((message) => console.error(message)));
  const app = express();
  const http = createServer(app);
  const io: QiangdaServer = new Server(http, {
    parser: jsonParser,
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    maxHttpBufferSize: 64 * 1024,
  });

  // Who holds and who is connected to a seat: news for the host and the screen only (an empty
  // audience), coalesced; see seat-reports.ts.
  const seatReports = new SeatReports((room) => broadcast(room, [], []));

  // Failed join-code claims, throttled; an alarm on the host console while they go on.
  const claimGuard = new ClaimGuard(options.clock, (contestId) => {
    const room = contests.get(contestId);
    if (room) seatReports.changed(room);
  });

  // Stage updates carry what changed on each channel (sent-views.ts); with --redis, whole views:
  // a page on another process joins its channel later than this process sends to it.
  const sentViews = new SentViews(!options.scale);
  // The audience is served after the stage, in shards over later turns (fanout.ts).
  const fanout = new AudienceFanout(options.audienceTurn ?? nextTurn);
  /** With --redis: the audience of the other processes, told what this process's audience is told. */
  let shared: SharedAudience | undefined = undefined;
  const likes = new Likes(options.clock, options.store, (contestId, total) => {
    shared?.likesTotal(contestId, total);
    for (const to of likesChannels(contestId)) io.to(to).emit('likes:total', { total });
    fanout.send(contestId, 'likes', (to) => writeToRoom(io, to, 'likes:total', { total }));
    audience?.send(contestId, { event: 'likes:total', payload: { total } });
  }, log);
  // The same limits here and in the audience processes.
  const likeRates = options.likeRates ?? DEFAULT_LIKE_RATES;
  const likeLimits = new LikeLimits(likeRates, options.clock);
  /** The last view the audience was sent, per contest: one that did not change is not sent again. */
  const audienceSaw = new Map<string, string>();

  const contests = new Contests({
    store: options.store,
    bank: options.bank,
    clock: options.clock,
    publicUrl: options.publicUrl,
    onChange: (room, events, audience, screen) => broadcast(room, events, audience, screen),
    onSeatsChange: (room) => seatReports.changed(room),
    // The judges' links and codes are the host's alone: only its channel hears of them.
    onJudgesChange: (room) => {
      if (heard(channel.host(room.id))) io.to(channel.host(room.id)).emit('judges:access', judgesAccess(contests, room));
    },
    claimAlarm: (contestId) => claimGuard.alarm(contestId),
    ...(options.scale && { owns: (id: string) => options.scale?.owns(id) ?? true }),
    log,
  });

  /** Whether this process runs the contest's engine. With --redis, one that has lost the lease
   * keeps its outdated room for a while (its own pages' disconnects, a claim alarm's timer still
   * reach it); a view of it would take the pages back to that state, so none is sent. */
  const runs = (contestId: string) => !options.scale || options.scale.owns(contestId);

  /** Whether a channel has listeners: with Redis they may be on another process, so always. */
  const heard = (to: string) => Boolean(options.scale || io.sockets.adapter.rooms.get(to)?.size);

  /** A stage channel's update: its view is built only if someone hears it (this runs on every
   * buzz), and carries what changed since the channel's last (sent-views.ts). A channel nobody
   * hears any more keeps no view: the next page to join it starts whole anyway. */
  const updateChannel = (to: string, view: () => ContestView, events: ContestEvent[], serverNow: number) => {
    if (!heard(to)) return sentViews.forget(to);
    const update = sentViews.update(to, view(), events, serverNow);
    // In one process the frame goes straight to each page's connection (room-write.ts), past
    // engine.io's per-packet work, which every phone's update paid: with 200 busy contests on
    // one process (the many-contests benchmark) the acks' p99 fell by a tenth to a quarter. With
    // --redis, through the adapter, which reaches the pages of every process.
    if (options.scale) io.to(to).emit('contest:update', update);
    else writeToRoom(io, to, 'contest:update', update);
  };

  /** One contest's broadcast waiting for the log's sync, by contest: later changes join it while
   * the same sync's end tells them, so a busy turn builds and sends each view once. Its views show
   * `shows`, the state after its last change, never a command that sync does not cover. */
  const waitingBroadcasts = new Map<ContestRoom, { events: ContestEvent[]; audience: Set<SeatId> | undefined; screen: boolean; shows: StateMark; release: number }>();

  /** Tells every page of a change once the commands behind it are on disk (group-commit.ts):
   * nobody hears of a command before its sync. Changes of one contest told by the end of the same
   * sync go out as one update carrying all their events, in the order they were applied. */
  function broadcast(room: ContestRoom, events: ContestEvent[], audience?: SeatId[], screen = true): void {
    const seats = audience && new Set(audience);
    const durability = options.store.durability;
    const waiting = waitingBroadcasts.get(room);
    // A change that a later sync tells than the one telling the waiting update gets its own.
    if (waiting && waiting.screen === screen && waiting.release === durability.releasingSync()) {
      // Joined only if no seat hears events that were not meant for it (P9: a quiet false start).
      const joint = waiting.audience && seats && new Set([...waiting.audience, ...seats]);
      if ((waiting.events.length === 0 || covers(waiting.audience, joint)) && (events.length === 0 || covers(seats, joint))) {
        waiting.events.push(...events);
        waiting.audience = joint;
        waiting.shows = room.mark();
        return;
      }
    }
    const entry = { events: [...events], audience: seats, screen, shows: room.mark(), release: durability.releasingSync() };
    waitingBroadcasts.set(room, entry);
    durability.whenDurable(() => {
      if (waitingBroadcasts.get(room) === entry) waitingBroadcasts.delete(room);
      // What it shows is on disk now: a page's first view told after it shows no older state.
      room.synced(entry.shows);
      sendViews(room, entry.shows.state, entry.events, entry.audience && [...entry.audience], entry.screen);
    });
  }

  // The host's press log, refreshed a moment after late presses (host-refresh.ts); like any
  // update, only once what it shows is on disk.
  const hostRefresh = new HostRefresh(options.clock, (contestId) =>
    options.store.durability.whenDurable(() => {
      const room = contests.get(contestId);
      if (room && runs(room.id)) updateChannel(channel.host(room.id), () => viewFor('host', room.syncedState, room.facts()), [], options.clock.now());
    }),
  );

  /** Whether every seat of `joint` (undefined: all of them) was in `audience` (undefined: all). */
  const covers = (audience: Set<SeatId> | undefined, joint: Set<SeatId> | undefined) =>
    audience === undefined || (joint !== undefined && [...joint].every((seatId) => audience.has(seatId)));

  /** Sends every connected page its own view of the contest; with an audience, only the
   * host, the screen and those seats, whose views are the only ones that changed; without
   * `screen`, not the screen either: a press waiting for its decision shows on no page but the
   * host's and its own seat's (P9), so nobody learns that someone pressed. */
  function sendViews(room: ContestRoom, state: ContestState, events: ContestEvent[], audience?: SeatId[], screen = true): void {
    if (!runs(room.id)) return;
    // A change no seat and no screen sees, with no event (a late press in the host's log, B14),
    // waits for the host's next refresh (host-refresh.ts); every other update carries the host's
    // view, so none is due after it.
    if (audience?.length === 0 && !screen && events.length === 0) return hostRefresh.later(room.id);
    hostRefresh.sent(room.id);
    const serverNow = options.clock.now();
    const facts = room.facts();
    const send = (to: string, view: () => ContestView) => updateChannel(to, view, events, serverNow);
    send(channel.host(room.id), () => viewFor('host', state, facts));
    if (screen) send(channel.screen(room.id), () => viewFor('screen', state, facts));
    if (audience) {
      for (const seatId of audience) send(channel.seat(room.id, seatId), () => viewFor('contestant', state, facts, seatId));
    } else {
      send(channel.unseated(room.id), () => viewFor('contestant', state, facts, null));
      for (const seat of state.definition.seats) {
        send(channel.seat(room.id, seat.id), () => viewFor('contestant', state, facts, seat.id));
      }
    }
    // Judges see the stage as the hall does (and, on their own channel, their own scores): they
    // hear what the screen hears, after the phones, so a buzz never waits for the panel's views.
    if (screen) {
      send(channel.judgesUnsigned(room.id), () => viewFor('judge', state, facts));
      for (const judge of state.definition.judges ?? []) send(channel.judge(room.id, judge.id), () => viewFor('judge', state, facts, null, judge.id));
      sendAudience(room, state, events, facts);
    }
  }

  /** The overlay and the audience, after the whole stage: each role's view built once and sent
   * once to its room; the audience's over later turns, shard by shard (fanout.ts). */
  function sendAudience(room: ContestRoom, state: ContestState, events: ContestEvent[], facts: ReturnType<ContestRoom['facts']>): void {
    shared?.update(room, state, events, facts);
    // heard(): with Redis the overlay may be on another process.
    if (heard(channel.overlay(room.id))) {
      io.to(channel.overlay(room.id)).emit('contest:update', { view: viewFor('overlay', state, facts), events, serverNow: options.clock.now() });
    }
    const here = fanout.watched(room.id);
    if (!here && !audience?.watches(room.id)) return void audienceSaw.delete(room.id);
    const view = viewFor('audience', state, facts);
    // Who holds which seat is news for the stage only: an update without events whose audience view
    // did not change is not sent. Only those are compared, so a buzz pays no serialising here.
    if (events.length) audienceSaw.delete(room.id);
    else {
      const seen = JSON.stringify(view);
      if (audienceSaw.get(room.id) === seen) return;
      audienceSaw.set(room.id, seen);
    }
    audience?.send(room.id, { event: 'contest:update', payload: { view, events, serverNow: options.clock.now() } });
    if (here) fanout.send(room.id, 'update', (to) => writeToRoom(io, to, 'contest:update', { view, events, serverNow: options.clock.now() }));
  }
  // 弹幕: each contest's comments and their moderation, sent in batches (audience/comments.ts).
  const comments: CommentBoards = new CommentBoards(options.clock, (contestId) => {
    publishComments(io, comments, contestId);
    shared?.commentsChanged(contestId);
    if (audience?.watches(contestId)) audience.send(contestId, { event: 'comments:update', payload: comments.updateFor(contestId, 'public') });
  });

  const links = new LinkBook(options.clock);
  const edgeOptions = { ...DEFAULT_EDGE, ...options.edge };
  // The online audience's own process: it asks the stage for a contest's opening, and brings
  // its viewers' likes and comments here, to the one tally and board of each contest; with
  // --redis, for a contest another process owns, to that owner (shared-audience.ts).
  const elsewhere = (contestId: string) => Boolean(shared && options.scale && !options.scale.owns(contestId));
  const audience = options.audienceProcess
    ? new AudienceProcesses(
        {
          // Like a broadcast, it shows the state only once the commands behind it are on disk.
          opening: (contestId) =>
            shared && elsewhere(contestId)
              ? shared.opening(contestId)
              : new Promise((resolve) =>
                  contests.durability.whenDurable(() => {
                    const room = contests.get(contestId);
                    if (!room) return resolve(null);
                    const update = { view: viewFor('audience', room.syncedState, room.facts()), events: [], serverNow: options.clock.now() };
                    resolve({ update, likes: likes.total(contestId), comments: comments.updateFor(contestId, 'public') });
                  }),
                ),
          like: (contestId, count) => (shared && elsewhere(contestId) ? shared.like(contestId, count) : contests.get(contestId) && likes.add(contestId, count)),
          comment: (commenter, text) => (shared && elsewhere(commenter.contestId) ? shared.comment(commenter, text) : comments.send(commenter, text)),
          forget: (socketId) => comments.forgetSocket(socketId),
        },
        { edge: edgeOptions, publicUrl: options.publicUrl, likeRates, clock: options.clock, log },
        options.audienceProcesses ?? 1,
      )
    : null;
  if (audience) audience.attach(http);
  else refuseAudiencePath(http);
  const edge = new EdgeGuard(edgeOptions, options.publicUrl, options.clock);
  io.use(edge.origins());
  const connect = (socket: QiangdaSocket, address: string) => registerHandlers(io, socket, contests, options.clock, { links, sentViews }, { guard: claimGuard, address }, log);
  // With --redis, a page served here is served whole: its contest, its audience, its comments.
  const serve = (socket: QiangdaSocket, address: string) => {
    connect(socket, address);
    joinAudience(socket, address);
    registerComments(socket, comments, address, log);
  };
  const audienceParts = { clock: options.clock, likes, likeLimits, comments, ...(options.audienceTurn && { defer: options.audienceTurn }) };
  /** A change made over HTTP (contest-changes.ts) on this process's room; with --redis, the
   * routes send it to the contest's owner, and the owner runs it here. */
  const changeOnRoom = (contestId: string, change: ContestChange) =>
    changeHere(contests, contestId, change, keptBy(new StorageHealth(contestId, options.clock, log)));
  const runChange: RunChange = async (contestId, change) => (options.scale ? options.scale.change(contestId, change) : changeOnRoom(contestId, change));
  const forget = (socketId: string) => {
    links.remove(socketId);
    claimGuard.forgetSocket(socketId);
  };
  shared = options.scale?.attach({ io, contests, authenticate: authenticate(contests), connect: serve, forget, log, fences: options.store.fences, change: changeOnRoom, audience: audienceParts });
  if (shared && audience) shared.relay = (contestId, news) => audience.send(contestId, news);
  io.use(options.scale ? options.scale.authenticate() : authenticate(contests));
  io.use(edge.addressCap());
  io.on('connection', (socket) => {
    edge.limitEvents(socket);
    // Failed claims count per address: the one the edge believes (a trusted proxy's forward).
    const address = machineKey(clientAddress(socket.handshake.address, socket.handshake.headers, edgeOptions.trustedProxies));
    if (options.scale) return options.scale.connection(socket, address);
    connect(socket, address);
    joinAudience(socket, address);
    registerComments(socket, comments, address, log);
  });

  /** An audience page joins its shard; every page that shows likes is told the total on joining. */
  function joinAudience(socket: QiangdaSocket, address: string): void {
    if (!socket.connected) return;
    const { role, contestId } = socket.data;
    const told = ACCESS[role].likes;
    if (told === 'shards') fanout.join(socket);
    handleLikes(socket, likes, likeLimits, address);
    if (told !== 'none') socket.emit('likes:total', { total: likes.total(contestId) });
  }

  // The host console's view of each seat's link, refreshed every couple of seconds.
  let cancelLinks = () => {};
  const reportLinks = () => {
    for (const room of contests.open()) {
      if (!heard(channel.host(room.id)) || !runs(room.id)) continue;
      const seatIds = room.state.definition.seats.map((s) => s.id);
      io.to(channel.host(room.id)).emit('seat:links', links.seatLinks(room.id, seatIds));
    }
    cancelLinks = options.clock.schedule(options.clock.now() + LINK_REPORT_MS, reportLinks);
  };
  cancelLinks = options.clock.schedule(options.clock.now() + LINK_REPORT_MS, reportLinks);

  app.disable('x-powered-by');
  app.use(edge.http());
  app.use(securityHeaders(options.dev));
  app.use(httpRoutes(contests));
  app.use(watchRoutes(contests, options.publicUrl));
  app.use(bankRoutes({ bank: openBank(options.store), contests, parse: isolatedParser(options.clock) }));
  app.use(exportRoutes(contests, options.store));
  app.use(logoRoutes(contests, options.store, runChange));
  app.use(seatCardRoutes(contests));
  app.use(judgeCardRoutes(contests));
  app.use(resultsRoutes(contests));
  app.use(organiserRoutes({ contests, store: options.store, clock: options.clock, change: runChange, log }));
  if (options.web) app.use(options.web);
  app.use(jsonNotFound());
  app.use(jsonErrors(log));

  return {
    http,
    io,
    contests,
    get linkedPhones() {
      return links.size;
    },
    audience,
    async close() {
      cancelLinks();
      hostRefresh.close();
      seatReports.close();
      links.close();
      claimGuard.close();
      likes.close();
      fanout.close();
      comments.close();
      contests.close();
      await audience?.close();
      await io.close();
    },
  };
}
