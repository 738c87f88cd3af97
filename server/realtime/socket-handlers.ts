// The edge: every socket is authenticated on connect, every payload is checked against its
// schema, and every request is acknowledged with data or an error code. Nothing thrown by a
// bad client can reach the process.
import type { z } from 'zod';
import { viewFor } from '../../shared/contest/views.js';
import {
  ErrorCode,
  PROTOCOL_VERSION,
  answerSubmitSchema,
  stakeChooseSchema,
  buzzPressSchema,
  contestDefineSchema,
  handshakeSchema,
  emptySchema,
  hostCommandSchema,
  requestIdSchema,
  seatClaimSchema,
  seatReleaseSchema,
  phoneRemoveSchema,
  joinDecideSchema,
  judgeClaimSchema,
  judgeScoreSchema,
  type Ack,
  type JudgeClaimed,
  type ClientToServerEvents,
  type SeatClaimed,
} from '../../shared/protocol.js';
import { ACCESS, maySend } from './access.js';
import { pingPhone } from './link-pings.js';
import { channel, type QiangdaServer, type QiangdaSocket } from './realtime.js';
import type { Clock } from '../clock.js';
import type { LinkBook } from './links.js';
import type { SentViews } from './sent-views.js';
import type { Contests } from '../rooms/contests.js';
import { newDeviceToken, sameSecret } from '../setup/secrets.js';
import { phoneIdOf } from './phones.js';
import type { ClaimGuard } from './claim-guard.js';
import { judgesAccess } from './judge-access.js';
import type { GroupCommit } from '../storage/group-commit.js';
import { RemoteSocket } from '../scale/remote-socket.js';


/** Why a phone could not be added to a seat, as the phone is told. A full seat answers as a
 * wrong code does: a stranger must not learn that a code exists. */
const CLAIM_REFUSAL = { full: ErrorCode.BadJoinCode, unknown: ErrorCode.UnknownSeat, closed: ErrorCode.ContestClosed, 'needs-host': ErrorCode.AwaitingApproval, 'storage-failed': ErrorCode.StorageFailed } as const;

/** Refusals that say nothing about the code, so they do not count against the claimant. A phone
 * waiting for the host (S6) had a right code: the host, not the throttle, decides about it. */
const NOT_THE_CLAIMANTS_FAULT = new Set<ErrorCode>([ErrorCode.StorageFailed, ErrorCode.ContestClosed, ErrorCode.Internal, ErrorCode.AwaitingApproval]);

function refuse(code: ErrorCode): Error {
  return Object.assign(new Error(code), { data: { code } });
}

/** Connection middleware: who is this socket, and for which contest? */
export function authenticate(contests: Contests) {
  return (socket: QiangdaSocket, next: (err?: Error) => void) => {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refuse(ErrorCode.BadHandshake));
    const auth = parsed.data;
    if (auth.v !== PROTOCOL_VERSION) return next(refuse(ErrorCode.VersionMismatch));
    const room = contests.get(auth.contestId);
    if (!room) return next(refuse(ErrorCode.UnknownContest));
    if (auth.role === 'host' && !sameSecret(auth.hostKey, room.hostKey)) return next(refuse(ErrorCode.NotAuthorised));
    // A judge's link with a key no judge holds is refused outright; a device token that no longer
    // holds a judge's place (the judge left the panel) signs in nobody: the page asks for the code.
    let judgeId: string | null = null;
    if (auth.role === 'judge') {
      const judge = auth.key !== undefined ? room.judgeByKey(auth.key) : auth.deviceToken ? room.judgeByDeviceToken(auth.deviceToken) : undefined;
      if (auth.key !== undefined && !judge) return next(refuse(ErrorCode.BadJudgeKey));
      judgeId = judge?.judgeId ?? null;
    }
    // A phone whose token no longer holds a seat (the host freed it) joins unseated.
    const token = auth.role === 'contestant' ? auth.deviceToken : undefined;
    const seatId = token ? (room.seatByDeviceToken(token)?.seatId ?? null) : null;
    const phoneId = seatId && token ? phoneIdOf(token) : null;
    socket.data = { contestId: room.id, role: auth.role, seatId, phoneId, judgeId };
    next();
  };
}

/** Takes the request id (D2) off a payload, so each event's schema sees only its own fields. */
function splitRequestId(payload: unknown): { payload: unknown; rid?: string } | null {
  if (typeof payload !== 'object' || payload === null || !('rid' in payload)) return { payload };
  const { rid, ...rest } = payload as { rid: unknown };
  const parsed = requestIdSchema.safeParse(rid);
  return parsed.success ? { payload: rest, rid: parsed.data } : null;
}

/** Wraps a handler: validates the payload, guarantees one acknowledgement, never throws (also
 * used by server/audience). With `durability`, the acknowledgement waits for the log's sync of
 * everything written so far (group-commit.ts); if the request wrote and that sync failed, it
 * answers storage-failed instead of ok. `syncNow`: the caller needs the answer before the
 * handler returns (a request forwarded from another process, scale-out.ts): the sync is paid now. */
export function handle<S extends z.ZodType, T>(
  schema: S,
  run: (payload: z.infer<S>, rid: string | undefined) => Ack<T>,
  log: (message: string) => void,
  durability?: GroupCommit,
  syncNow = false,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
    const split = splitRequestId(payload);
    const parsed = split && schema.safeParse(split.payload);
    if (!split || !parsed?.success) return reply({ error: ErrorCode.BadPayload });
    const writesBefore = durability?.writes;
    let answer: Ack<T>;
    try {
      answer = run(parsed.data, split.rid);
    } catch (error) {
      log(`handler failed: ${String(error)}`);
      answer = { error: ErrorCode.Internal };
    }
    if (!durability) return reply(answer);
    const wrote = durability.writes !== writesBefore;
    durability.whenDurable((error) => reply(error !== null && wrote && 'data' in answer ? { error: ErrorCode.StorageFailed } : answer));
    // Asked before the flush, so the flush tells this answer its sync's failure: asked after it,
    // the answer would find nothing waiting and go out ok.
    if (syncNow) durability.flush();
  };
}

export function registerHandlers(
  io: QiangdaServer,
  socket: QiangdaSocket,
  contests: Contests,
  clock: Clock,
  { links, sentViews }: { links: LinkBook; sentViews: SentViews },
  claims: { guard: ClaimGuard; address: string },
  log: (message: string) => void = console.error,
): void {
  const { contestId, role } = socket.data;
  const room = contests.get(contestId);
  if (!room) return void socket.disconnect(true);
  const claimGuard = claims.guard;

  /** A page enters a channel holding no view of it yet: the channel's next update is whole. */
  const enter = (page: QiangdaSocket, to: string) => {
    page.join(to);
    sentViews.forget(to);
  };
  const join = () => enter(socket, ACCESS[role].channel(socket.data));

  // Who holds which seat is news only for the host and the screen (seat-reports.ts), so a phone
  // whose own seat changes (it connects, claims one, or is freed from one) is sent its own view.
  // A view shows the state: like a broadcast, it waits for the log's sync of what made it.
  const durability = contests.durability;
  // The page's view is newer than its channel's last: the next update there is whole (sent-views.ts).
  const sendView = (to: QiangdaSocket) =>
    durability.whenDurable(() => {
      sentViews.forget(ACCESS[to.data.role].channel(to.data));
      to.emit('contest:update', { view: viewFor(to.data.role, room.syncedState, room.facts(), to.data.seatId, to.data.judgeId), events: [], serverNow: clock.now() });
    });

  join();
  if (socket.data.seatId) room.seatConnected(socket.data.seatId, 1, socket.data.phoneId ?? undefined);
  if (socket.data.judgeId) room.judgeConnected(socket.data.judgeId, 1);
  sendView(socket);

  socket.on('disconnect', () => {
    links.remove(socket.id);
    claimGuard.forgetSocket(socket.id);
    if (socket.data.seatId) room.seatConnected(socket.data.seatId, -1, socket.data.phoneId ?? undefined);
    if (socket.data.judgeId) room.judgeConnected(socket.data.judgeId, -1);
    room.dropJoinRequests(socket.id);
  });
  if (ACCESS[role].measuredLink) {
    links.add({
      id: socket.id,
      contestId,
      seatId: () => socket.data.seatId,
      ping: (answered) => pingPhone(socket, clock, answered),
    });
  }

  // A closed contest is read-only: asked before anything is drawn, written or told to phones.
  const closed = () => room.closedAt !== null;
  const seated = <T>(run: (seatId: string) => Ack<T>): Ack<T> =>
    socket.data.seatId ? run(socket.data.seatId) : { error: ErrorCode.NoSeat };
  // ACCESS says which role may send what: an event outside its role's list is refused unread.
  // Every answer waits for the log's sync (handle), except the clock probe's: it tells nothing of
  // the contest, and a delay there would skew the phone's clock estimate.
  const on = <S extends z.ZodType, T>(event: keyof ClientToServerEvents, schema: S, run: (payload: z.infer<S>, rid: string | undefined) => Ack<T>) =>
    socket.on(
      event,
      maySend(role, event)
        ? handle(schema, run, log, event === 'clock:probe' ? undefined : durability, socket instanceof RemoteSocket)
        : (_payload: unknown, ack: unknown) => typeof ack === 'function' && ack({ error: ErrorCode.NotAuthorised }),
    );
  // A request id is the sender's own: scoped to the host or the seat, so one page cannot
  // answer for another's request.
  const requestKey = (rid: string | undefined) => rid && `${ACCESS[role].requestScope(socket.data)}/${rid}`;

  on('host:command', hostCommandSchema, (command, rid) => {
    // S3: the engine takes the seat as given (see admitSeat); an unknown one is refused here.
    if (command.type === 'seat:admit' && command.seatId !== null && !room.hasSeat(command.seatId)) return { error: ErrorCode.UnknownSeat };
    const result = room.submit(command, requestKey(rid));
    return result.ok ? { data: null } : { error: result.error };
  });

  on('question:swap', emptySchema, (_, rid) => {
    // A retried swap is answered from the log before a new question is drawn for it.
    const key = requestKey(rid);
    if (key && room.answeredBefore(key)) return { data: null };
    if (closed()) return { error: ErrorCode.ContestClosed };
    const swap = contests.swapFor(room);
    if (!swap) return { error: room.state.question ? ErrorCode.NoReplacement : ErrorCode.NotInQuestion };
    const result = room.submit(swap, key);
    return result.ok ? { data: null } : { error: result.error };
  });

  on('contest:source', emptySchema, () => ({ data: room.source }));

  on('contest:define', contestDefineSchema, ({ file }) => {
    if (closed()) return { error: ErrorCode.ContestClosed };
    if (!room.notStarted()) return { error: ErrorCode.ContestStarted };
    const result = contests.redefine(room, file);
    if (!result.ok) return 'issues' in result ? { error: ErrorCode.BadDefinition, issues: result.issues } : { error: result.error };
    // Phones whose seat the new definition dropped go back to the join form.
    for (const phone of io.sockets.sockets.values()) {
      const seatId = phone.data.contestId === contestId ? phone.data.seatId : null;
      if (!seatId || room.hasSeat(seatId)) continue;
      phone.emit('seat:released');
      phone.leave(channel.seat(contestId, seatId));
      enter(phone, channel.unseated(contestId));
      phone.data.seatId = null;
      room.seatConnected(seatId, -1);
      sendView(phone);
    }
    // Judges the new panel dropped lose their place too: their pages ask for a code.
    for (const page of io.sockets.sockets.values()) {
      const judgeId = page.data.contestId === contestId ? page.data.judgeId : null;
      if (!judgeId || room.hasJudge(judgeId)) continue;
      page.emit('judge:released');
      page.leave(ACCESS.judge.channel(page.data));
      page.data.judgeId = null;
      enter(page, ACCESS.judge.channel(page.data));
      room.judgeConnected(judgeId, -1);
      sendView(page);
    }
    return { data: null };
  });

  on('judges:access', emptySchema, () => ({ data: judgesAccess(contests, room) }));

  // S5: the freed phones (all of the seat's, or the one named) are told, and leave the seat.
  const unseat = (seatId: string, phoneId?: string): Ack<null> => {
    if (closed()) return { error: ErrorCode.ContestClosed };
    if (!room.hasSeat(seatId)) return { error: ErrorCode.UnknownSeat };
    const freed = room.releaseSeat(seatId, phoneId);
    if (freed === false) return { error: ErrorCode.StorageFailed };
    if (phoneId !== undefined && freed.length === 0) return { error: ErrorCode.UnknownPhone };
    const seatRoom = channel.seat(contestId, seatId);
    for (const id of [...(io.sockets.adapter.rooms.get(seatRoom) ?? [])]) {
      const phone = io.sockets.sockets.get(id);
      if (!phone || (phoneId !== undefined && phone.data.phoneId !== phoneId)) continue;
      phone.emit('seat:released', { removed: phoneId !== undefined });
      phone.leave(seatRoom);
      enter(phone, channel.unseated(contestId));
      room.seatConnected(seatId, -1, phone.data.phoneId ?? undefined);
      phone.data.seatId = null;
      phone.data.phoneId = null;
      sendView(phone);
    }
    return { data: null };
  };

  on('seat:release', seatReleaseSchema, ({ seatId }) => unseat(seatId));

  on('seat:remove-phone', phoneRemoveSchema, ({ seatId, phoneId }) => unseat(seatId, phoneId));

  const seatSocket = (phone: QiangdaSocket, seatId: string, deviceToken: string): void => {
    phone.leave(channel.unseated(contestId));
    phone.data.seatId = seatId;
    phone.data.phoneId = phoneIdOf(deviceToken);
    enter(phone, channel.seat(contestId, seatId));
    room.seatConnected(seatId, 1, phone.data.phoneId);
    sendView(phone);
  };

  // S6: the host lets a waiting phone in, or not; the phone is told either way.
  on('seat:decide', joinDecideSchema, ({ requestId, approve }) => {
    if (closed()) return { error: ErrorCode.ContestClosed };
    const decided = room.decideJoin(requestId, approve);
    if (!decided) return { error: ErrorCode.UnknownRequest };
    const { pending, added } = decided;
    const phone = io.sockets.sockets.get(pending.socketId);
    if (added === 'refused') {
      phone?.emit('seat:decided', { approved: false });
      return { data: null };
    }
    if (added !== 'added') return { error: CLAIM_REFUSAL[added] };
    if (phone && !phone.data.seatId) {
      seatSocket(phone, pending.seatId, pending.deviceToken);
      // After its view, as before the log's sync made that view wait.
      durability.whenDurable(() => phone.emit('seat:decided', { approved: true, seatId: pending.seatId, deviceToken: pending.deviceToken }));
    }
    return { data: null };
  });

  const claimSeat = (joinCode: string, offered: string | undefined): Ack<SeatClaimed> => {
    const seat = room.seatByJoinCode(joinCode);
    // A repeated claim (its first answer was lost) with the same token: the same answer again.
    const holder = offered ? room.seatByDeviceToken(offered) : undefined;
    if (seat && holder && offered) {
      // A socket holds one seat: one seated elsewhere may not take this one too, token or not.
      if (holder.seatId !== seat.seatId || (socket.data.seatId && socket.data.seatId !== seat.seatId)) return { error: ErrorCode.AlreadySeated };
      if (socket.data.seatId !== seat.seatId) seatSocket(socket, seat.seatId, offered);
      return { data: { seatId: seat.seatId, deviceToken: offered } };
    }
    if (socket.data.seatId) return { error: ErrorCode.AlreadySeated };
    // S2: while locked, any code but the admitted seat's answers alike, wrong or right, except a
    // right code for a seat with room: that phone asks the host (S6).
    if (room.state.seatsLocked && seat?.seatId !== room.state.admitted && !(seat && room.joiningNeedsHost(seat.seatId))) return { error: ErrorCode.SeatsLocked };
    if (!seat) return { error: ErrorCode.BadJoinCode };
    const deviceToken = offered ?? newDeviceToken();
    // Persisted first: if the write fails, this socket must not hold the seat either.
    const added = room.addDevice(seat.seatId, deviceToken);
    // S6: joining needs the host now: the phone waits for the decision (seat:decided).
    if (added === 'needs-host') room.askHost({ seatId: seat.seatId, socketId: socket.id, deviceToken });
    if (added !== 'added') return { error: CLAIM_REFUSAL[added] };
    seatSocket(socket, seat.seatId, deviceToken);
    return { data: { seatId: seat.seatId, deviceToken } };
  };

  // Failed claims are throttled per phone, address and contest (claim-guard.ts); a throttled
  // claim is not tried at all, so its answer says nothing about the code.
  const claimant = { socketId: socket.id, address: claims.address, contestId };
  on('seat:claim', seatClaimSchema, ({ joinCode, deviceToken }) => {
    const wait = claimGuard.waitFor(claimant);
    if (wait !== null) return { error: ErrorCode.ClaimsThrottled, retryAfterMs: wait };
    const answer = claimSeat(joinCode, deviceToken);
    if ('error' in answer && !NOT_THE_CLAIMANTS_FAULT.has(answer.error)) claimGuard.failed(claimant);
    return answer;
  });

  // A judge page types its judge's code; throttled with the seats' claims (one allowance for any
  // code of the contest), and signed in from then on by its device token.
  const claimJudge = (code: string, deviceToken: string): Ack<JudgeClaimed> => {
    const holder = room.judgeByDeviceToken(deviceToken);
    const judge = room.judgeByCode(code);
    // A repeated claim (its first answer was lost): the same answer again.
    if (holder && judge && holder.judgeId === judge.judgeId) {
      if (socket.data.judgeId !== judge.judgeId) signInJudge(judge.judgeId);
      return { data: { judgeId: judge.judgeId, deviceToken } };
    }
    if (socket.data.judgeId || holder) return { error: ErrorCode.AlreadyJudge };
    if (!judge) return { error: ErrorCode.BadJudgeCode };
    const added = room.addJudgeDevice(judge.judgeId, deviceToken);
    if (added === 'closed') return { error: ErrorCode.ContestClosed };
    if (added === 'storage-failed') return { error: ErrorCode.StorageFailed };
    // A token that holds a seat (or is otherwise taken) is refused as a wrong code: nothing learnt.
    if (added !== 'added') return { error: ErrorCode.BadJudgeCode };
    signInJudge(judge.judgeId);
    return { data: { judgeId: judge.judgeId, deviceToken } };
  };

  const signInJudge = (judgeId: string): void => {
    if (socket.data.judgeId) room.judgeConnected(socket.data.judgeId, -1);
    socket.leave(ACCESS[role].channel(socket.data));
    socket.data.judgeId = judgeId;
    join();
    room.judgeConnected(judgeId, 1);
    sendView(socket);
  };

  on('judge:claim', judgeClaimSchema, ({ code, deviceToken }) => {
    const wait = claimGuard.waitFor(claimant);
    if (wait !== null) return { error: ErrorCode.ClaimsThrottled, retryAfterMs: wait };
    const answer = claimJudge(code, deviceToken);
    if ('error' in answer && !NOT_THE_CLAIMANTS_FAULT.has(answer.error)) claimGuard.failed(claimant);
    return answer;
  });

  // J2: the judge is the one this socket signed in as, never a field of the payload.
  on('judge:score', judgeScoreSchema, ({ seatId, value, parts }, rid) => {
    const judgeId = socket.data.judgeId;
    if (!judgeId) return { error: ErrorCode.NoJudge };
    const result = room.submit({ type: 'judge:score', judgeId, seatId, value, ...(parts && { parts }) }, requestKey(rid));
    return result.ok ? { data: null } : { error: result.error };
  });

  on('clock:probe', emptySchema, () => ({ data: { serverNow: clock.now() } }));

  on('buzz:press', buzzPressSchema, ({ pressedAt }, rid) =>
    seated((seatId) => {
      const key = requestKey(rid);
      // P2: the press goes to the engine with what this server measured of the links.
      const result = room.submit({
        type: 'buzz:press',
        seatId,
        claimedAt: pressedAt ?? null,
        link: links.evidence(socket.id),
        armed: links.armed(contestId, room.state.definition.seats.map((s) => s.id)),
        ...(socket.data.phoneId && { phone: socket.data.phoneId }),
      }, key);
      if (!result.ok) return { error: result.error };
      if (!result.buzz) throw new Error('engine accepted a press without deciding it');
      // P8: a press held past its credit is the link telling on itself; the host is warned.
      const q = room.state.question;
      const mine = q?.kind === 'buzz-in' ? q.buzzes.findLast((b) => b.seatId === seatId) : undefined;
      if (mine?.claimedAt != null) links.notePress(socket.id, (mine.heldMs ?? 0) > 0);
      return { data: result.buzz };
    }),
  );

  on('answer:submit', answerSubmitSchema, ({ choice }, rid) =>
    seated((seatId) => {
      const result = room.submit({ type: 'answer:submit', seatId, choice, ...(socket.data.phoneId && { phone: socket.data.phoneId }) }, requestKey(rid));
      if (!result.ok) return { error: result.error };
      if (!result.answer) throw new Error('engine accepted an answer without deciding it');
      return { data: { status: result.answer } };
    }),
  );

  // RK2: the seat is the phone's own, never a field of the payload.
  on('stake:choose', stakeChooseSchema, ({ stake }, rid) =>
    seated((seatId) => {
      const result = room.submit({ type: 'stake:choose', seatId, stake, ...(socket.data.phoneId && { phone: socket.data.phoneId }) }, requestKey(rid));
      return result.ok ? { data: null } : { error: result.error };
    }),
  );
}
