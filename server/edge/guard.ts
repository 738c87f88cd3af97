// The edge of the server, before any contest sees a request: which hosts and origins are
// answered, how many keyless sockets one address may hold, and how fast a socket may send.
import type { RequestHandler } from 'express';
import type { Socket } from 'socket.io';
import { ErrorCode } from '../../shared/protocol.js';
import type { Clock } from '../clock.js';
import { hostAllowed, originAllowed, originPolicy, type OriginPolicy } from './allowed-origins.js';
import { clientAddress, isLoopback, machineKey } from './client-address.js';
import { DEFAULT_EVENT_RATE, EventBucket, type EventRate } from './event-rate.js';

export interface EdgeOptions {
  /** Origins besides the public URL whose pages may use this server (--allowed-origin). */
  allowedOrigins: string[];
  /** Reverse proxies whose X-Forwarded-For is believed (--trust-proxy). */
  trustedProxies: string[];
  /** Sockets one address may hold for roles without a key (phones, screens). */
  maxSocketsPerAddress: number;
  eventRate: EventRate;
}

/** Enough for a family of phones and a screen behind one address; far below a flood. */
export const DEFAULT_MAX_SOCKETS_PER_ADDRESS = 20;

export const DEFAULT_EDGE: EdgeOptions = {
  allowedOrigins: [],
  trustedProxies: [],
  maxSocketsPerAddress: DEFAULT_MAX_SOCKETS_PER_ADDRESS,
  eventRate: DEFAULT_EVENT_RATE,
};

type AnySocket = Socket & { data: { role?: string } };

function refuse(code: ErrorCode): Error {
  return Object.assign(new Error(code), { data: { code } });
}

/** The edge's checks, for express and for socket.io. */
export class EdgeGuard {
  private readonly policy: OriginPolicy;
  private readonly perAddress = new Map<string, number>();

  constructor(
    private readonly options: EdgeOptions,
    publicUrl: string,
    private readonly clock: Clock,
  ) {
    this.policy = originPolicy(publicUrl, options.allowedOrigins);
  }

  /** Express: a foreign Host or Origin is answered 403 with its code, before any route. */
  http(): RequestHandler {
    return (req, res, next) => {
      const host = req.headers.host;
      if (!hostAllowed(this.policy, host)) return void res.status(403).json({ error: ErrorCode.HostNotAllowed });
      if (!originAllowed(this.policy, req.headers.origin, host)) return void res.status(403).json({ error: ErrorCode.OriginNotAllowed });
      next();
    };
  }

  /** Socket.io middleware, before authentication: the same Host and Origin checks. */
  origins() {
    return (socket: Socket, next: (err?: Error) => void) => {
      const { host, origin } = socket.handshake.headers;
      if (!hostAllowed(this.policy, host)) return next(refuse(ErrorCode.HostNotAllowed));
      if (!originAllowed(this.policy, origin, host)) return next(refuse(ErrorCode.OriginNotAllowed));
      next();
    };
  }

  /** Socket.io middleware, after authentication (it needs the role): keyless roles from one
   * address are capped; this machine's own address (tests, a local proxy) is not. */
  addressCap() {
    return (socket: AnySocket, next: (err?: Error) => void) => {
      if (socket.data.role === 'host') return next();
      const client = clientAddress(socket.handshake.address, socket.handshake.headers, this.options.trustedProxies);
      if (isLoopback(client)) return next();
      // Counted per machine, as failed claims are: an IPv6 /64 is one phone or one attacker.
      const address = machineKey(client);
      const held = this.perAddress.get(address) ?? 0;
      if (held >= this.options.maxSocketsPerAddress) return next(refuse(ErrorCode.TooManyConnections));
      this.perAddress.set(address, held + 1);
      socket.once('disconnect', () => {
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
      });
      next();
    };
  }

  /** Per keyless socket, on connection: every event spends from its bucket; over it, the event
   * is answered `rate-limited` and not handled; a socket that keeps on is disconnected. The host
   * holds the contest's key and runs the show: its commands are never refused for speed. */
  limitEvents(socket: AnySocket): void {
    if (socket.data.role === 'host') return;
    const bucket = new EventBucket(this.options.eventRate, this.clock.now());
    socket.use((packet, next) => {
      const verdict = bucket.take(this.clock.now());
      if (verdict === 'accept') return next();
      if (verdict === 'disconnect') return void socket.disconnect(true);
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (reply: { error: ErrorCode }) => void)({ error: ErrorCode.RateLimited });
    });
  }
}
