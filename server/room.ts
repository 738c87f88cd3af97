// One live contest on the server: its state, its log, its deadline timer and who is connected.
// Commands run to completion one at a time: the engine and better-sqlite3 are synchronous, so
// nothing can interleave between apply, append and broadcast. That is the serial queue.
import { CommandError, type ApplyResult, type Command, type ContestEvent } from '../shared/contest/commands.js';
import { apply, initialState, nextDeadline } from '../shared/contest/engine.js';
import type { ContestDefinition, ContestState, SeatId } from '../shared/contest/types.js';
import type { RoomFacts } from '../shared/contest/views.js';
import type { Clock } from './clock.js';
import type { SeatSecret, Store, StoredContest } from './store.js';

type WithoutTime<C> = C extends unknown ? Omit<C, 'at'> : never;
export type RoomCommand = WithoutTime<Command>;

/** How long a deadline that could not be written waits before it is tried again. */
export const TICK_RETRY_MS = 1000;

export type RoomResult = ApplyResult<ContestState> | { ok: false; error: 'storage-failed' };

export interface RoomOptions {
  stored: StoredContest;
  store: Store;
  clock: Clock;
  joinUrl: string;
  /** Called after every accepted command and every change of definition. */
  onChange: (room: ContestRoom, events: ContestEvent[], audience?: SeatId[]) => void;
  /** Called when who holds or is connected to a seat changes: only the host's and the screen's
   * views show that, so it goes to them alone (seat-reports.ts). */
  onSeatsChange: (room: ContestRoom) => void;
  log?: (message: string) => void;
}

export class ContestRoom {
  readonly id: string;
  readonly hostKey: string;
  state: ContestState;
  /** The contest file this contest was drawn from. */
  source: unknown;
  private seq: number;
  private lastAt = 0;
  private cancelTimer: (() => void) | null = null;
  private readonly seats: Map<SeatId, SeatSecret>;
  private readonly connections = new Map<SeatId, number>();
  /** Who holds each seat and its join code, for facts(); null once a seat changes. */
  private seatFacts: Pick<RoomFacts, 'claimed' | 'joinCodes'> | null = null;

  constructor(private readonly options: RoomOptions) {
    const { stored } = options;
    this.id = stored.id;
    this.hostKey = stored.hostKey;
    this.seats = new Map(stored.seats.map((s) => [s.seatId, { ...s, deviceTokens: [...s.deviceTokens] }]));
    this.source = stored.source;
    // Replay the log: the state is exactly what the accepted commands made it.
    let state = initialState(stored.definition);
    for (const command of stored.commands) {
      const result = apply(state, command);
      if (result.ok) state = result.state;
      this.lastAt = command.at;
    }
    this.state = state;
    this.seq = stored.commands.length;
    this.scheduleDeadline();
  }

  /** Applies a command at the server's time, writes it to the log, then tells everyone. */
  submit(command: RoomCommand): RoomResult {
    // Never let time run backwards inside a contest, even if the wall clock is stepped.
    const at = Math.max(this.options.clock.now(), this.lastAt);
    const timed = { ...command, at } as Command;
    const result = apply(this.state, timed);
    if (!result.ok) return result;
    try {
      this.options.store.appendCommand(this.id, this.seq + 1, timed);
    } catch (error) {
      // What cannot be kept is not accepted: the state stays as it was.
      this.options.log?.(`contest ${this.id}: could not write command ${timed.type}: ${String(error)}`);
      return { ok: false, error: 'storage-failed' };
    }
    this.seq += 1;
    this.lastAt = at;
    this.state = result.state;
    this.scheduleDeadline();
    this.options.onChange(this, result.events, result.audience);
    return result;
  }

  /** Facts for the views: connections, claimed seats, join codes. */
  facts(): RoomFacts {
    // Rebuilt only when a seat changes hands, not for every view: each phone that (re)connects
    // is sent one, and after a restart a whole hall of them does so at once.
    this.seatFacts ??= this.buildSeatFacts();
    return { connected: this.connections, ...this.seatFacts, joinUrl: this.options.joinUrl, started: this.seq > 0 };
  }

  private buildSeatFacts(): Pick<RoomFacts, 'claimed' | 'joinCodes'> {
    const claimed = new Map<SeatId, number>();
    const joinCodes: Record<SeatId, string> = {};
    for (const s of this.seats.values()) {
      claimed.set(s.seatId, s.deviceTokens.length);
      joinCodes[s.seatId] = s.joinCode;
    }
    return { claimed, joinCodes };
  }

  seatByJoinCode(joinCode: string): SeatSecret | undefined {
    return [...this.seats.values()].find((s) => s.joinCode === joinCode);
  }

  seatByDeviceToken(deviceToken: string): SeatSecret | undefined {
    return [...this.seats.values()].find((s) => s.deviceTokens.includes(deviceToken));
  }

  /** S1: binds one more phone to a seat, up to the seat's phones; persisted before it counts. */
  addDevice(seatId: SeatId, deviceToken: string): 'added' | 'full' | 'unknown' {
    const seat = this.seats.get(seatId);
    const limit = this.state.definition.seats.find((s) => s.id === seatId)?.phones ?? 0;
    if (!seat) return 'unknown';
    if (seat.deviceTokens.length >= limit) return 'full';
    this.options.store.addDevice(this.id, seatId, deviceToken);
    seat.deviceTokens.push(deviceToken);
    this.seatFacts = null;
    this.options.onSeatsChange(this);
    return 'added';
  }

  /** Frees every phone of a seat, so a new phone can join with the code. */
  releaseSeat(seatId: SeatId): void {
    const seat = this.seats.get(seatId);
    if (!seat) return;
    this.options.store.releaseSeat(this.id, seatId);
    seat.deviceTokens = [];
    this.seatFacts = null;
    this.options.onSeatsChange(this);
  }

  hasSeat(seatId: SeatId): boolean {
    return this.seats.has(seatId);
  }

  /** True until the first command: only then may the definition change. */
  notStarted(): boolean {
    return this.seq === 0;
  }

  /** Replaces the definition before the show; seats that stay keep their codes and phones. */
  redefine(definition: ContestDefinition, source: unknown, newJoinCode: (taken: Set<string>) => string): void {
    const taken = new Set([...this.seats.values()].map((s) => s.joinCode));
    const seats = definition.seats.map((seat) => {
      const kept = this.seats.get(seat.id);
      return kept ? { ...kept, deviceTokens: kept.deviceTokens.slice(0, seat.phones) } : { seatId: seat.id, joinCode: newJoinCode(taken), deviceTokens: [] };
    });
    this.options.store.redefineContest(this.id, definition, source, seats);
    this.seats.clear();
    for (const s of seats) this.seats.set(s.seatId, s);
    this.seatFacts = null;
    this.state = initialState(definition);
    this.source = source;
    this.options.onChange(this, []);
  }

  seatConnected(seatId: SeatId, delta: 1 | -1): void {
    this.connections.set(seatId, Math.max(0, (this.connections.get(seatId) ?? 0) + delta));
    this.options.onSeatsChange(this);
  }

  close(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private scheduleDeadline(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const deadline = nextDeadline(this.state);
    if (deadline === null) return;
    this.cancelTimer = this.options.clock.schedule(deadline, () => {
      this.cancelTimer = null;
      const result = this.submit({ type: 'clock:tick' });
      if (result.ok) return;
      if (result.error === CommandError.NothingDue) {
        // Timers can fire a millisecond before the clock reaches the deadline: try again.
        this.scheduleDeadline();
        return;
      }
      // Anything else (a full disk): keep trying, but not in a tight loop.
      this.options.log?.(`contest ${this.id}: deadline tick refused: ${result.error}`);
      this.cancelTimer = this.options.clock.schedule(this.options.clock.now() + TICK_RETRY_MS, () => this.scheduleDeadline());
    });
  }
}
