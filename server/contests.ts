// The contests this server holds: creating them with fresh secrets, and opening their rooms.
import type { ContestEvent } from '../shared/contest/commands.js';
import type { ContestDefinition } from '../shared/contest/types.js';
import type { Clock } from './clock.js';
import { ContestRoom } from './room.js';
import { newContestId, newHostKey, newJoinCodes } from './secrets.js';
import type { Store } from './store.js';

export interface ContestsOptions {
  store: Store;
  clock: Clock;
  /** The address phones use to reach this server, e.g. http://192.168.1.20:3000 */
  publicUrl: string;
  onChange: (room: ContestRoom, events: ContestEvent[]) => void;
  log?: (message: string) => void;
}

export class Contests {
  private readonly rooms = new Map<string, ContestRoom>();

  constructor(private readonly options: ContestsOptions) {}

  /** Stores a new contest with a host key and one join code per seat; returns its id. */
  create(definition: ContestDefinition): string {
    const id = newContestId();
    const codes = newJoinCodes(definition.seats.length);
    this.options.store.createContest({
      id,
      createdAt: this.options.clock.now(),
      definition,
      hostKey: newHostKey(),
      seats: definition.seats.map((s, i) => ({ seatId: s.id, joinCode: codes[i], deviceToken: null })),
    });
    return id;
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
      onChange: this.options.onChange,
      log: this.options.log,
    });
    this.rooms.set(id, room);
    return room;
  }

  joinUrl(id: string): string {
    return `${this.options.publicUrl}/contestant/?c=${encodeURIComponent(id)}`;
  }

  hostUrl(room: ContestRoom): string {
    return `${this.options.publicUrl}/host/?c=${encodeURIComponent(room.id)}&key=${encodeURIComponent(room.hostKey)}`;
  }

  screenUrl(id: string): string {
    return `${this.options.publicUrl}/screen/?c=${encodeURIComponent(id)}`;
  }

  newest(): string | null {
    return this.options.store.listContests()[0]?.id ?? null;
  }

  close(): void {
    for (const room of this.rooms.values()) room.close();
    this.rooms.clear();
  }
}
