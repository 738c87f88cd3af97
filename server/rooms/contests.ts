// The contests this server holds: creating them with fresh secrets, and opening their rooms.
import type { ContestEvent } from '../../shared/contest/commands.js';
import type { ContestDefinition, Seat, SeatId } from '../../shared/contest/types.js';
import type { Clock } from '../clock.js';
import { ContestRoom } from './room.js';
import { judgeSecretsFor } from './judge-secrets.js';
import { newContestId, newHostKey, newJoinCode, newJoinCodes, newSeed } from '../setup/secrets.js';
import { parseContestFile } from '../setup/contest-file.js';
import { drawContest, drawReplacement } from './draw.js';
import { keyCountsOf } from './option-order.js';
import { currentRound, flatRounds } from '../../shared/contest/rounds.js';
import type { Question } from '../../shared/contest/question.js';
import type { DefinitionIssue } from '../../shared/protocol.js';
import type { ContestListing, ContestStatus } from '../../shared/organiser.js';
import type { Store } from '../storage/store.js';
import type { ClaimAlarm } from '../../shared/claim-alarm.js';

/** The settings row holding this data folder's organiser key. */
const ORGANISER_KEY = 'organiser-key';

/** Where draws and swaps find questions: the bank, as it is now. */
export interface QuestionSource {
  all(): Question[];
}

export type DefineResult = { ok: true; id: string } | { ok: false; issues: DefinitionIssue[] };

export interface ContestsOptions {
  store: Store;
  bank: QuestionSource;
  clock: Clock;
  /** The address phones use to reach this server, e.g. http://192.168.1.20:3000 */
  publicUrl: string;
  /** `audience`: only these seats' views changed; `screen` false: nor the screen's (P9). */
  onChange: (room: ContestRoom, events: ContestEvent[], audience?: SeatId[], screen?: boolean) => void;
  onSeatsChange: (room: ContestRoom) => void;
  /** A judge signed in, connected or went away, or the panel changed (for the host console). */
  onJudgesChange?: (room: ContestRoom) => void;
  /** The host console's alarm about failed join-code claims in a contest. */
  claimAlarm?: (contestId: string) => ClaimAlarm | null;
  log?: (message: string) => void;
  /** With --redis: whether this process runs the contest's engine (deadlines fire only there). */
  owns?: (contestId: string) => boolean;
}

export class Contests {
  private readonly rooms = new Map<string, ContestRoom>();

  constructor(private readonly options: ContestsOptions) {}

  /** The log's group commit: answers and views about the contests wait on it. */
  get durability() {
    return this.options.store.durability;
  }

  /** Stores a new contest with a host key and one join code per seat; returns its id. */
  create(definition: ContestDefinition, source: unknown = null): string {
    const id = newContestId();
    const codes = newJoinCodes(definition.seats.length);
    const judges = judgeSecretsFor(definition.judges ?? [], [], new Set(codes));
    this.options.store.createContest({
      id,
      createdAt: this.options.clock.now(),
      definition,
      source,
      hostKey: newHostKey(),
      seats: definition.seats.map((s, i) => ({ seatId: s.id, joinCode: codes[i], deviceTokens: [] })),
      judges,
    });
    return id;
  }

  /** Checks a contest file, draws its questions and stores the new contest. */
  createFromFile(input: unknown): DefineResult {
    const drawn = this.draw(input);
    if (!drawn.ok) return drawn;
    return { ok: true, id: this.create(drawn.definition, input) };
  }

  /** Replaces a contest's definition from an edited file, before the show starts. */
  redefine(room: ContestRoom, input: unknown): { ok: true } | { ok: false; issues: DefinitionIssue[] } | { ok: false; error: 'storage-failed' } {
    const drawn = this.draw(input, room.state.definition.seats);
    if (!drawn.ok) return drawn;
    return room.redefine(drawn.definition, input, newJoinCode) ? { ok: true } : { ok: false, error: 'storage-failed' };
  }

  /** F4: the command that swaps the current question for an unused one, or null if none is left. */
  swapFor(room: ContestRoom): { type: 'question:swap'; question: Question } | null {
    const state = room.state;
    const round = currentRound(state);
    if (!round) return null;
    const held = flatRounds(state.definition).flatMap((r) => r.round.questions);
    const usedIds = new Set([...held.map((q) => q.id), ...state.swaps.map((s) => s.removedId)]);
    const leaving = state.question ? round.questions[state.question.index] : undefined;
    const counts = keyCountsOf(held.filter((q) => q !== leaving));
    const question = drawReplacement(state.definition, round.draw, this.options.bank.all(), { usedIds, counts, swapNumber: state.swaps.length });
    return question ? { type: 'question:swap', question } : null;
  }

  private draw(input: unknown, previousSeats: Seat[] = []) {
    const parsed = parseContestFile(input);
    if (!parsed.ok) return parsed;
    return drawContest(parsed.file, this.options.bank.all(), parsed.file.seed ?? newSeed(), previousSeats);
  }

  /** The live room of a contest, replayed from the store on first use. */
  get(id: string): ContestRoom | null {
    const open = this.rooms.get(id);
    if (open) return open;
    const stored = this.options.store.loadContest(id);
    if (!stored) return null;
    const room = new ContestRoom({
      stored,
      store: this.options.store,
      clock: this.options.clock,
      joinUrl: this.joinUrl(id),
      newJoinCode,
      onChange: this.options.onChange,
      onSeatsChange: this.options.onSeatsChange,
      onJudgesChange: this.options.onJudgesChange,
      claimAlarm: () => this.options.claimAlarm?.(id) ?? null,
      log: this.options.log,
      ...(this.options.owns && { owns: () => this.options.owns?.(id) ?? true }),
    });
    this.rooms.set(id, room);
    return room;
  }

  /** Opens a contest again from the stored log: a process taking over from a dead owner. */
  reopen(id: string): ContestRoom | null {
    this.rooms.get(id)?.close();
    this.rooms.delete(id);
    return this.get(id);
  }

  joinUrl(id: string): string {
    return `${this.options.publicUrl}/contestant/?c=${encodeURIComponent(id)}`;
  }

  /** The judge page: alone it asks for the judge code; with a judge's key it signs that judge in. */
  judgeUrl(id: string): string {
    return `${this.options.publicUrl}/judge/?c=${encodeURIComponent(id)}`;
  }

  /** One judge's own link, on its card: a secret like the host key. */
  judgeLink(id: string, key: string): string {
    return `${this.judgeUrl(id)}&key=${encodeURIComponent(key)}`;
  }

  /** The printable judge cards (评委卡), opened with the host key. */
  judgeCardsUrl(room: ContestRoom): string {
    return `${this.options.publicUrl}/judge-cards/?c=${encodeURIComponent(room.id)}&key=${encodeURIComponent(room.hostKey)}`;
  }

  hostUrl(room: ContestRoom): string {
    return `${this.options.publicUrl}/host/?c=${encodeURIComponent(room.id)}&key=${encodeURIComponent(room.hostKey)}`;
  }

  screenUrl(id: string): string {
    return `${this.options.publicUrl}/screen/?c=${encodeURIComponent(id)}`;
  }

  /** The rooms open in this process. */
  open(): ContestRoom[] {
    return [...this.rooms.values()];
  }

  newest(): string | null {
    return this.options.store.listContests()[0]?.id ?? null;
  }

  /** The newest contest the organiser has not closed: the one a restart resumes. */
  newestOpen(): string | null {
    return this.options.store.listContests().find((c) => c.closedAt === null)?.id ?? null;
  }

  /** The contests not closed, newest first: the ones phones can join. */
  listOpen(): ContestListing[] {
    return this.list().filter((c) => c.status !== 'closed');
  }

  /** Every contest in the data folder, newest first, for the organiser (赛事管理). */
  list(): ContestListing[] {
    return this.options.store.listContests().map(({ showCommands, ...c }) => ({
      ...c,
      status: statusOf({ closedAt: c.closedAt, showCommands }),
    }));
  }

  /** Closes a contest for good (read-only from then on). */
  closeForGood(id: string): 'closed' | 'already-closed' | 'unknown' {
    const room = this.get(id);
    if (!room) return 'unknown';
    return room.closeForGood() ? 'closed' : 'already-closed';
  }

  /** The data folder's organiser key: made once, kept in the database. */
  organiserKey(): string {
    return this.options.store.ensureSetting(ORGANISER_KEY, newHostKey);
  }

  organiserUrl(): string {
    return `${this.options.publicUrl}/contests/?key=${encodeURIComponent(this.organiserKey())}`;
  }

  close(): void {
    for (const room of this.rooms.values()) room.close();
    this.rooms.clear();
  }
}

function statusOf(c: { closedAt: number | null; showCommands: number }): ContestStatus {
  if (c.closedAt !== null) return 'closed';
  return c.showCommands > 0 ? 'running' : 'not-started';
}
