// Who is on the other end of a socket or request. Behind a reverse proxy every peer is the proxy,
// so its X-Forwarded-For is believed, but only when the peer is a proxy the organiser configured
// (--trust-proxy): anyone else could write any address there.
import type { IncomingHttpHeaders } from 'node:http';

/** Strips the IPv4-mapped prefix Node reports on dual-stack sockets (`::ffff:10.0.0.5`). */
function plain(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/** True for 127.0.0.0/8 and ::1: this machine itself. */
export function isLoopback(address: string): boolean {
  const a = plain(address);
  return a === '::1' || a.startsWith('127.');
}

/** The client's address: the peer, or, when the peer is a trusted proxy, the nearest address
 * in X-Forwarded-For that is not itself a trusted proxy (proxies append, so the right end is
 * the one written by ours). */
export function clientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(plain));
  let address = plain(peer ?? '');
  if (!trusted.has(address)) return address;
  const header = headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map(plain).filter(Boolean);
  while (hops.length > 0 && trusted.has(address)) address = hops.pop() ?? address;
  return address;
}
