// The owner's stand-in for a page connected to another process: the socket handlers run on it
// as on a local socket, and what they send reaches the real socket through the Redis adapter.
import type { Server } from 'socket.io';
import type { QiangdaSocket, SocketData } from '../realtime/realtime.js';

type Listener = (...args: unknown[]) => void;

export class RemoteSocket {
  private readonly listeners = new Map<string, Listener[]>();
  /** Until the real page goes; its handshake is not carried over (an audience page is never stood in for). */
  readonly connected = true;
  readonly handshake = { auth: {} };

  constructor(
    private readonly io: Server,
    readonly id: string,
    public data: SocketData,
  ) {}

  /** The same object, typed as the handlers expect: they use only what this class has. */
  asSocket(): QiangdaSocket {
    return this as unknown as QiangdaSocket;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** An event the real socket received (or its disconnect), run as if it had arrived here. */
  deliver(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }

  emit(event: string, ...args: unknown[]): boolean {
    this.io.to(this.id).emit(event, ...args);
    return true;
  }

  join(room: string): void {
    this.io.in(this.id).socketsJoin(room);
  }

  leave(room: string): void {
    this.io.in(this.id).socketsLeave(room);
  }

  disconnect(close?: boolean): this {
    this.io.in(this.id).disconnectSockets(close);
    return this;
  }

  /** An emit whose answer is awaited (the link book's pings); an error when none comes in time. */
  timeout(ms: number) {
    return {
      emit: (event: string, answered: (err: Error | null) => void) => {
        this.io.to(this.id).timeout(ms).emit(event, (err: Error | null, answers: unknown[]) => answered(err ?? (answers.length ? null : new Error('no answer'))));
      },
    };
  }
}
