// One live contest on the server: its state, its log, its deadline timer and who is connected.
// Commands run to completion one at a time: the engine and better-sqlite3 are synchronous, so
// nothing can interleave between apply and append. That is the serial queue. Telling anyone
// (broadcasts, acks) waits for the turn's log sync (store.durability, group-commit.ts).
import { CommandError, SEAT_COMMANDS, type BuzzOutcome, type Command, type ContestEvent, type SubmissionOutcome } from '../../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../../shared/contest/engine.js';
import { replay } from '../../shared/contest/replay.js';
import { translate } from '../../shared/i18n/index.js';
import { terminalLocale } from '../setup/terminal-locale.js';
import type { ContestDefinition, ContestState, SeatId } from '../../shared/contest/types.js';
import type { RoomFacts } from '../../shared/contest/views.js';
import type { Clock } from '../clock.js';
import { AnswerGaps } from './answer-gaps.js';
import { StorageHealth } from '../storage/storage-health.js';
import type { JudgeSecret, Logo, SeatSecret, Store, StoredContest } from '../storage/store.js';
import type { JudgeId } from '../../shared/contest/judging-types.js';
import { sameSecret } from '../setup/secrets.js';
import { judgeSecretsFor } from './judge-secrets.js';
import { logoUrl } from '../../shared/branding.js';
import type { JoinRequest, PhoneFact } from '../../shared/contest/views.js';
import { phoneIdOf } from '../realtime/phones.js';
import { JoinRequests, type PendingJoin } from '../realtime/join-requests.js';
import type { ClaimAlarm } from '../../shared/claim-alarm.js';

type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;
export type RoomCommand = WithoutTime<Command>;

/** How long a deadline that could not be written waits before it is tried again. */
export const TICK_RETRY_MS = 1000;

/** What a command's sender is told: accepted (with its buzz or answer outcome) or why not. */
export type RoomResult = { ok: true; buzz?: BuzzOutcome; answer?: SubmissionOutcome } | { ok: false; error: CommandError | 'storage-failed' | 'contest-closed' | 'internal-error' };

export interface RoomOptions {
  stored: StoredContest;
  store: Store;
  clock: Clock;
  joinUrl: string;
  /** A new join code for a seat whose phones were freed, not among `taken`. */
  newJoinCode: (taken: Set<string>) => string;
  /** Called after every accepted command and every change of definition. */
  /** `audience`: only these seats' views changed; `screen` false: nor the screen's (P9). */
  onChange: (room: ContestRoom, events: ContestEvent[], audience?: SeatId[], screen?: boolean) => void;
  /** Called when who holds or is connected to a seat changes: only the host's and the screen's
   * views show that, so it goes to them alone (seat-reports.ts). */
  onSeatsChange: (room: ContestRoom) => void;
  /** Called when a judge signs in a device, connects or goes away, or the panel changes: news
   * for the host console's list of judges alone. */
  onJudgesChange?: (room: ContestRoom) => void;
  /** Failed join-code claims in this contest, for the host console's alarm. */
  claimAlarm?: () => ClaimAlarm | null;
  log?: (message: string) => void;
  /** With --redis: whether this process owns the contest; deadlines fire only in the owner. */
  owns?: () => boolean;
}

/** A state of the contest and how far the log had come when it was current. */
export interface StateMark {
  readonly state: ContestState;
  readonly seq: number;
  readonly redefinitions: number;
}

export class ContestRoom {
  readonly id: string;
  readonly hostKey: string;
  state: ContestState;
  /** The state as of the last command whose log sync has ended: what pages are shown, since
   * nobody hears of a command before its sync (group-commit.ts). `state` runs ahead of it while a
   * sync is under way; the next command is applied to `state`. */
  syncedState: ContestState;
  /** Where `syncedState` stands, so that it only ever moves forward (see synced()). */
  private syncedAt: StateMark;
  /** Bumped when the definition is replaced: a sync ending after that shows no older state. */
  private redefinitions = 0;
  /** The contest file this contest was drawn from. */
  source: unknown;
  /** When the organiser closed the contest, or null. Closed is read-only: views and exports
   * still work, every change is refused. It is not a command: the engine never sees it. */
  closedAt: number | null;
  /** The version of the contest's logo (it changes with the image), or null: none. */
  logoVersion: string | null;
  private seq: number;
  /** Logged commands of the show itself (not seat locks): the definition is fixed after one. */
  private showCommands = 0;
  private lastAt = 0;
  private cancelTimer: (() => void) | null = null;
  private readonly seats: Map<SeatId, SeatSecret>;
  private readonly connections = new Map<SeatId, number>();
  /** The judges' keys, codes and devices, in panel order. */
  private readonly judges: Map<JudgeId, JudgeSecret>;
  /** Sockets connected per judge. */
  private readonly judgeConnections = new Map<JudgeId, number>();
  /** S6: phones waiting for the host to let them join. Not kept: a phone whose request is lost
   * in a restart asks again (its page claims again when it reconnects). */
  readonly joinRequests = new JoinRequests();
  /** Sockets connected per phone id. */
  private readonly phoneConnections = new Map<string, number>();
  /** D2: what each logged request was told, by its request id, so a retry gets the same answer. */
  private readonly answered = new Map<string, RoomResult>();
  /** Whether writes are being kept; while they are not, every change is refused. */
  private readonly health: StorageHealth;
  /** Seats offline while all-at-once answers are open: the time each could be given (K8). */
  private readonly answerGaps = new AnswerGaps();
  /** Who holds each seat and its join code, for facts(); null once a seat changes. */
  private seatFacts: Pick<RoomFacts, 'claimed' | 'joinCodes' | 'privateCodes'> | null = null;
  /** Each seat's phones for the host console (S5), built only when a host view asks: a phone's
   * connection changes it, and a hall of phones reconnecting must not rebuild it per phone. */
  private phoneFacts: Record<SeatId, PhoneFact[]> | null = null;
  /** Phone ids by device token: a hash, worked out once per phone. */
  private readonly phoneIds = new Map<string, string>();

  constructor(private readonly options: RoomOptions) {
    const { stored } = options;
    this.id = stored.id;
    this.hostKey = stored.hostKey;
    this.seats = new Map(stored.seats.map((s) => [s.seatId, { ...s, deviceTokens: [...s.deviceTokens] }]));
    this.judges = new Map(stored.judges.map((j) => [j.judgeId, { ...j, deviceTokens: [...j.deviceTokens] }]));
    this.source = stored.source;
    this.health = new StorageHealth(stored.id, options.clock, options.log);
    this.closedAt = stored.closedAt;
    this.logoVersion = stored.logo?.version ?? null;
    // Replay the log: the state is exactly what the accepted commands made it.
    const requestAt = new Map([...stored.requestIds].map(([id, index]) => [index, id]));
    const replayed = replay(stored.definition, stored.commands, ({ index, command, result }) => {
      if (!SEAT_COMMANDS.includes(command.type)) this.showCommands += 1;
      const requestId = requestAt.get(index);
      if (requestId !== undefined) this.answered.set(requestId, outcome(result));
    });
    this.lastAt = stored.commands.reduce((last, command) => Math.max(last, command.at), 0);
    // The show goes on from what did replay, but the staff must know the log no longer replays whole.
    for (const refused of replayed.refused) options.log?.(translate(terminalLocale(), 'replay.refused.terminal', { contest: stored.id, n: refused.index + 1, type: refused.type, error: refused.error }));
    this.state = replayed.state;
    this.seq = stored.commands.length;
    this.syncedState = this.state;
    this.syncedAt = this.mark();
    this.answerGaps.follow(this.state, this.connections, options.clock.now());
    this.scheduleDeadline();
  }

  /** Applies a command at the server's time, writes it to the log, then tells everyone.
   * `requestId` (the sender's id for this request, unique to the sender) makes it safe to
   * retry: a request already in the log is answered as it was the first time, not applied
   * again (D2). */
  submit(command: RoomCommand, requestId?: string): RoomResult {
    return this.submitAt(command, this.options.clock.now(), requestId);
  }

  /** The last write was refused because another process owns the contest now (scale-out's
   * fencing), not because the disk failed. */
  get movedAway(): boolean {
    return this.health.movedAway;
  }

  /** Whether a request with this id is already in the log (D2). */
  answeredBefore(requestId: string): boolean {
    return this.answered.has(requestId);
  }

  private submitAt(command: RoomCommand, now: number, requestId?: string): RoomResult {
    const repeated = requestId === undefined ? undefined : this.answered.get(requestId);
    if (repeated) return repeated;
    if (this.closedAt !== null) return { ok: false, error: 'contest-closed' };
    // Never let time run backwards inside a contest, even if the wall clock is stepped.
    const at = Math.max(now, this.lastAt);
    const timed = { ...command, at } as Command;
    const result = apply(this.state, timed);
    if (!result.ok) return result;
    // What cannot be kept is not accepted: the state stays as it was.
    if (!this.persist(`command ${timed.type}`, () => this.options.store.appendCommand(this.id, this.seq + 1, timed, requestId))) {
      // Refused because the contest moved to another process (fencing): as during any hand-over,
      // the page sends it again and its own process forwards it to the new owner.
      return { ok: false, error: this.health.movedAway ? 'internal-error' : 'storage-failed' };
    }
    this.seq += 1;
    if (!SEAT_COMMANDS.includes(timed.type)) this.showCommands += 1;
    this.lastAt = at;
    this.state = result.state;
    this.answerGaps.follow(this.state, this.connections, at);
    const told = outcome(result);
    if (requestId !== undefined) this.answered.set(requestId, told);
    this.scheduleDeadline();
    // The command is in the log; whether its sync failed goes to the storage alarm (the sender's
    // ack, which waits for the same sync, answers storage-failed then). Pages are shown it either
    // way: it is applied and in the log's file, and the host sees the alarm beside it.
    const mark = this.mark();
    this.options.store.durability.whenDurable((error) => {
      this.synced(mark);
      this.logSynced(error);
    });
    this.options.onChange(this, result.events, result.audience, !result.unseenByScreen);
    return told;
  }

  /** The state now, marked with how far the log has come, for synced() once its sync ends. */
  mark(): StateMark {
    return { state: this.state, seq: this.seq, redefinitions: this.redefinitions };
  }

  /** The sync covering `mark` has ended: pages may be shown its state, unless they are already
   * shown a later one (waiters of one sync are told in the order they asked, not by command). */
  synced(mark: StateMark): void {
    const at = this.syncedAt;
    if (mark.redefinitions < at.redefinitions || (mark.redefinitions === at.redefinitions && mark.seq < at.seq)) return;
    this.syncedState = mark.state;
    this.syncedAt = mark;
  }

  private logSynced(error: unknown): void {
    const before = this.health.problem;
    this.health.synced(error);
    if (this.health.problem !== before) this.options.onChange(this, []);
  }

  /** Facts for the views: connections, claimed seats, join codes. */
  facts(): RoomFacts {
    // Rebuilt only when a seat changes hands, not for every view: each phone that (re)connects
    // is sent one, and after a restart a whole hall of them does so at once.
    this.seatFacts ??= this.buildSeatFacts();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter below is called on the facts object
    const room = this;
    return {
      connected: this.connections,
      ...this.seatFacts,
      get phones() {
        return (room.phoneFacts ??= room.buildPhoneFacts());
      },
      joinUrl: this.options.joinUrl,
      started: this.showCommands > 0,
      storage: this.health.problem,
      closed: this.closedAt !== null,
      logoUrl: this.logoVersion === null ? null : logoUrl(this.id, this.logoVersion),
      answerGaps: this.answerGaps.report(),
      joinRequests: this.joinRequests.list(),
      claimAlarm: this.options.claimAlarm?.() ?? null,
    };
  }

  private buildSeatFacts(): Pick<RoomFacts, 'claimed' | 'joinCodes' | 'privateCodes'> {
    const privateCodes = new Set([...this.seats.values()].filter((s) => s.codePrivate).map((s) => s.seatId));
    const claimed = new Map<SeatId, number>();
    const joinCodes: Record<SeatId, string> = {};
    for (const s of this.seats.values()) {
      claimed.set(s.seatId, s.deviceTokens.length);
      joinCodes[s.seatId] = s.joinCode;
    }
    return { claimed, joinCodes, privateCodes };
  }

  private buildPhoneFacts(): Record<SeatId, PhoneFact[]> {
    const phones: Record<SeatId, PhoneFact[]> = {};
    for (const s of this.seats.values()) {
      phones[s.seatId] = s.deviceTokens.map((token) => {
        const id = this.phoneIdOf(token);
        return { id, joinedAt: s.joinedAt?.[token] ?? null, connected: (this.phoneConnections.get(id) ?? 0) > 0 };
      });
    }
    return phones;
  }

  private phoneIdOf(token: string): string {
    let id = this.phoneIds.get(token);
    if (id === undefined) this.phoneIds.set(token, (id = phoneIdOf(token)));
    return id;
  }

  /** Runs one write. False if it was not kept: the caller then changes nothing. A new failure
   * is shown on the host console at once; a recovery shows with the change that follows it. */
  private persist(what: string, write: () => void): boolean {
    const before = this.health.problem;
    if (this.health.write(what, write)) return true;
    if (this.health.problem !== before) this.options.onChange(this, []);
    return false;
  }

  seatByJoinCode(joinCode: string): SeatSecret | undefined {
    return [...this.seats.values()].find((s) => s.joinCode === joinCode);
  }

  seatByDeviceToken(deviceToken: string): SeatSecret | undefined {
    return [...this.seats.values()].find((s) => s.deviceTokens.includes(deviceToken));
  }

  /** S1: binds one more phone to a seat, up to the seat's phones; persisted before it counts. */
  addDevice(seatId: SeatId, deviceToken: string, approved = false): 'added' | 'full' | 'unknown' | 'closed' | 'needs-host' | 'storage-failed' {
    const seat = this.seats.get(seatId);
    const limit = this.state.definition.seats.find((s) => s.id === seatId)?.phones ?? 0;
    if (!seat) return 'unknown';
    if (this.closedAt !== null) return 'closed';
    if (seat.deviceTokens.length >= limit) return 'full';
    // S6: once joining needs the host, only a phone the host approved joins.
    if (!approved && this.joiningNeedsHost(seatId)) return 'needs-host';
    // Tokens are unique in the folder: one holding a seat in another contest (phones make their
    // own) is refused as a taken seat, not written; the write would fail like a broken disk.
    if (this.options.store.deviceTokenTaken(deviceToken)) return 'full';
    const joinedAt = this.options.clock.now();
    if (!this.persist('seat claim', () => this.options.store.addDevice(this.id, seatId, deviceToken, joinedAt))) return 'storage-failed';
    seat.deviceTokens.push(deviceToken);
    seat.joinedAt = { ...seat.joinedAt, [deviceToken]: joinedAt };
    this.seatFacts = null;
    this.phoneFacts = null;
    this.options.onSeatsChange(this);
    // S3: an admission ends once its seat is full again. Should that fail to be written, the
    // seat is full anyway and takes no one else.
    if (this.state.seatsLocked && this.state.admitted === seatId && seat.deviceTokens.length >= limit) this.submit({ type: 'seat:admit', seatId: null });
    return 'added';
  }

  /** S6: whether a new phone now needs the host to join this seat: the seats are locked (and
   * the host has not admitted this one, S3), or the contest says so from the start of the show. */
  joiningNeedsHost(seatId: SeatId): boolean {
    const seat = this.seats.get(seatId);
    const limit = this.state.definition.seats.find((s) => s.id === seatId)?.phones ?? 0;
    if (!seat || seat.deviceTokens.length >= limit) return false;
    if (this.state.seatsLocked) return this.state.admitted !== seatId;
    return this.state.definition.joining?.approvalAfter === 'start' && this.showCommands > 0;
  }

  /** S6: a phone with a right code asks the host; the host console lists it. */
  askHost(pending: Omit<PendingJoin, 'id' | 'at'>): JoinRequest {
    const request = this.joinRequests.add(pending, this.options.clock.now());
    this.options.onSeatsChange(this);
    return request;
  }

  /** S6: forgets the requests of a socket that went away. */
  dropJoinRequests(socketId: string): void {
    if (this.joinRequests.dropSocket(socketId)) this.options.onSeatsChange(this);
  }

  /** S6: the host's decision on a request: approved, the phone is added to its seat (the seat may
   * have filled meanwhile); either way the decision is in the log. Null: no such request. */
  decideJoin(requestId: string, approve: boolean): { pending: PendingJoin; added: ReturnType<ContestRoom['addDevice']> | 'refused' } | null {
    const pending = this.joinRequests.take(requestId);
    if (!pending) return null;
    this.options.onSeatsChange(this);
    const added = approve ? this.addDevice(pending.seatId, pending.deviceToken, true) : 'refused';
    if (added === 'added' || added === 'refused') {
      const recorded = this.submit({ type: 'seat:join', seatId: pending.seatId, phone: phoneIdOf(pending.deviceToken), approved: approve });
      if (!recorded.ok) this.options.log?.(`contest ${this.id}: join decision not recorded: ${recorded.error}`);
    }
    return { pending, added };
  }

  /** S5: frees every phone of a seat, or the one phone named, and gives the seat a new join
   * code, so whoever held it cannot come back with the old one. Returns the freed phones'
   * tokens; false if that could not be written (the phones keep the seat, the code stays). */
  releaseSeat(seatId: SeatId, phoneId?: string): string[] | false {
    const seat = this.seats.get(seatId);
    if (!seat) return [];
    this.refuseIfClosed();
    const freed = phoneId === undefined ? seat.deviceTokens : seat.deviceTokens.filter((t) => phoneIdOf(t) === phoneId);
    if (phoneId !== undefined && freed.length === 0) return [];
    const joinCode = this.options.newJoinCode(new Set([...this.seats.values()].map((s) => s.joinCode)));
    const write = () => this.options.store.releaseSeat(this.id, seatId, joinCode, phoneId === undefined ? undefined : freed[0]);
    if (!this.persist(phoneId === undefined ? 'seat release' : 'phone removal', write)) return false;
    seat.deviceTokens = seat.deviceTokens.filter((t) => !freed.includes(t));
    seat.joinCode = joinCode;
    seat.codePrivate = true;
    this.seatFacts = null;
    this.phoneFacts = null;
    this.options.onSeatsChange(this);
    return freed;
  }

  /** The judge whose link carries `key`, compared in constant time like the host key. */
  judgeByKey(key: string): JudgeSecret | undefined {
    return [...this.judges.values()].find((j) => sameSecret(key, j.key));
  }

  judgeByCode(code: string): JudgeSecret | undefined {
    return [...this.judges.values()].find((j) => j.code === code);
  }

  judgeByDeviceToken(deviceToken: string): JudgeSecret | undefined {
    return [...this.judges.values()].find((j) => j.deviceTokens.includes(deviceToken));
  }

  hasJudge(judgeId: JudgeId): boolean {
    return this.judges.has(judgeId);
  }

  /** A judge's device signed in with the code: kept, so a reload or a restart brings it back by its
   * token. `taken`: the token holds a seat or another judge's place already. */
  addJudgeDevice(judgeId: JudgeId, deviceToken: string): 'added' | 'unknown' | 'closed' | 'taken' | 'storage-failed' {
    const judge = this.judges.get(judgeId);
    if (!judge) return 'unknown';
    if (this.closedAt !== null) return 'closed';
    if (this.options.store.deviceTokenTaken(deviceToken)) return 'taken';
    if (!this.persist('judge sign-in', () => this.options.store.addJudgeDevice(this.id, judgeId, deviceToken, this.options.clock.now()))) return 'storage-failed';
    judge.deviceTokens.push(deviceToken);
    this.options.onJudgesChange?.(this);
    return 'added';
  }

  /** A judge's socket connected (+1) or went away (-1). */
  judgeConnected(judgeId: JudgeId, delta: 1 | -1): void {
    this.judgeConnections.set(judgeId, Math.max(0, (this.judgeConnections.get(judgeId) ?? 0) + delta));
    this.options.onJudgesChange?.(this);
  }

  /** Each judge's secrets and whether a device of theirs is connected, in panel order: for the
   * host console and the judge cards only. */
  judgeSecrets(): { secret: JudgeSecret; connected: number }[] {
    return [...this.judges.values()].map((secret) => ({ secret, connected: this.judgeConnections.get(secret.judgeId) ?? 0 }));
  }

  hasSeat(seatId: SeatId): boolean {
    return this.seats.has(seatId);
  }

  /** True until the first command of the show (seat locks do not count): only then may the
   * definition change. */
  notStarted(): boolean {
    return this.showCommands === 0;
  }

  /** Replaces the definition before the show; seats that stay keep their codes and phones.
   * False if it could not be written: the old definition stays. */
  redefine(definition: ContestDefinition, source: unknown, newJoinCode: (taken: Set<string>) => string): boolean {
    this.refuseIfClosed();
    const taken = new Set([...this.seats.values()].map((s) => s.joinCode));
    const seats = definition.seats.map((seat) => {
      const kept = this.seats.get(seat.id);
      return kept ? { ...kept, deviceTokens: kept.deviceTokens.slice(0, seat.phones) } : { seatId: seat.id, joinCode: newJoinCode(taken), deviceTokens: [] };
    });
    // S3: an admission to a seat the new definition drops ends, on the record, so the log
    // replays to the same state against the new seats.
    const admitted = this.state.admitted;
    if (admitted !== null && !definition.seats.some((s) => s.id === admitted) && !this.submit({ type: 'seat:admit', seatId: null }).ok) return false;
    const judges = judgeSecretsFor(definition.judges ?? [], [...this.judges.values()], new Set(seats.map((s) => s.joinCode)));
    if (!this.persist('contest definition', () => this.options.store.redefineContest(this.id, definition, source, seats, judges))) return false;
    this.seats.clear();
    for (const s of seats) this.seats.set(s.seatId, s);
    this.judges.clear();
    for (const j of judges) this.judges.set(j.judgeId, j);
    this.options.onJudgesChange?.(this);
    this.seatFacts = null;
    this.phoneFacts = null;
    // The seats' lock and admission are kept (S2, S3), as replaying the log gives them.
    this.state = { ...initialState(definition), seatsLocked: this.state.seatsLocked, admitted: this.state.admitted };
    // Synced at once (persist above), and with it every command written before.
    this.redefinitions += 1;
    this.syncedState = this.state;
    this.syncedAt = this.mark();
    this.source = source;
    this.options.onChange(this, []);
    return true;
  }

  /** Sets or (with null) removes the logo; every page is sent the new address. Not a command:
   * a logo may change after the show has started. False if it could not be written. */
  setLogo(logo: Logo | null): boolean {
    this.refuseIfClosed();
    if (!this.persist('logo', () => this.options.store.saveLogo(this.id, logo))) return false;
    this.logoVersion = logo?.version ?? null;
    this.options.onChange(this, []);
    return true;
  }

  /** A socket of a seat's phone (its id, when known) connected (+1) or went away (-1). */
  seatConnected(seatId: SeatId, delta: 1 | -1, phoneId?: string): void {
    const connected = Math.max(0, (this.connections.get(seatId) ?? 0) + delta);
    this.connections.set(seatId, connected);
    if (phoneId !== undefined) {
      this.phoneConnections.set(phoneId, Math.max(0, (this.phoneConnections.get(phoneId) ?? 0) + delta));
      this.phoneFacts = null;
    }
    this.answerGaps.seatChanged(seatId, connected, this.options.clock.now());
    this.options.onSeatsChange(this);
  }

  /** The organiser closes the contest for good: recorded first, then every change is refused
   * and pending deadlines stop. False if it was closed already. */
  closeForGood(): boolean {
    if (this.closedAt !== null) return false;
    const at = Math.max(this.options.clock.now(), this.lastAt);
    this.options.store.closeContest(this.id, at);
    this.closedAt = at;
    this.close();
    this.options.onChange(this, []);
    return true;
  }

  /** The socket handlers check first and answer contest-closed; this guards the writes themselves. */
  private refuseIfClosed(): void {
    if (this.closedAt !== null) throw new Error(`contest ${this.id} is closed`);
  }

  close(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private scheduleDeadline(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const deadline = nextDeadline(this.state);
    // A closed contest stays as it was closed: no deadline takes effect after that.
    if (deadline === null || this.closedAt !== null) return;
    this.cancelTimer = this.options.clock.schedule(deadline, () => {
      this.cancelTimer = null;
      if (this.options.owns?.() === false) return;
      // D1: a deadline takes effect at its own instant, not whenever the timer got to run,
      // including one that passed while the server was down.
      const result = this.submitAt({ type: 'clock:tick' }, deadline);
      if (result.ok) return;
      if (result.error === CommandError.NothingDue) {
        // Timers can fire a millisecond before the clock reaches the deadline: try again.
        this.scheduleDeadline();
        return;
      }
      // Anything else (a full disk): keep trying, but not in a tight loop. A storage failure is
      // already on the terminal and the host console, once; each retry also probes the disk.
      if (result.error !== 'storage-failed') this.options.log?.(`contest ${this.id}: deadline tick refused: ${result.error}`);
      this.cancelTimer = this.options.clock.schedule(this.options.clock.now() + TICK_RETRY_MS, () => this.scheduleDeadline());
    });
  }
}

function outcome(result: { buzz?: BuzzOutcome; answer?: SubmissionOutcome }): RoomResult {
  return { ok: true, ...(result.buzz && { buzz: result.buzz }), ...(result.answer && { answer: result.answer }) };
}
