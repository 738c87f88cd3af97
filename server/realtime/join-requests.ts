// S6: phones with a right code waiting for the host to let them join, per contest.
import { randomBytes } from 'node:crypto';
import type { JoinRequest } from '../../shared/contest/views.js';

/** What the room keeps of a request; the host sees only the JoinRequest part. */
export interface PendingJoin extends JoinRequest {
  socketId: string;
  deviceToken: string;
}

/** At most this many requests wait at once: a script cannot fill the host console without end. */
export const MAX_JOIN_REQUESTS = 50;

export class JoinRequests {
  private readonly pending = new Map<string, PendingJoin>();

  /** A socket asks again (a repeated claim): its request is replaced, not duplicated. Past the
   * limit the oldest request is dropped. */
  add(request: Omit<PendingJoin, 'id' | 'at'>, at: number): JoinRequest {
    this.dropSocket(request.socketId);
    if (this.pending.size >= MAX_JOIN_REQUESTS) this.pending.delete(this.pending.keys().next().value as string);
    const made: PendingJoin = { ...request, id: randomBytes(6).toString('base64url'), at };
    this.pending.set(made.id, made);
    return { id: made.id, seatId: made.seatId, at };
  }

  take(id: string): PendingJoin | undefined {
    const found = this.pending.get(id);
    this.pending.delete(id);
    return found;
  }

  /** True if the socket had a request. */
  dropSocket(socketId: string): boolean {
    const found = [...this.pending.values()].find((p) => p.socketId === socketId);
    if (found) this.pending.delete(found.id);
    return found !== undefined;
  }

  list(): JoinRequest[] {
    return [...this.pending.values()].map(({ id, seatId, at }) => ({ id, seatId, at }));
  }
}
