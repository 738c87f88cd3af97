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

/** One key per machine, for every per-address limit (sockets held, failed join claims): IPv4 as
 * is; IPv6 by its /64, since one machine can take any number of addresses inside its /64. */
export function machineKey(client: string): string {
  const address = plain(client);
  if (!address.includes(':')) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const zeros = address.includes('::') ? Array(Math.max(0, 8 - left.length - right.length)).fill('0') : [];
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
