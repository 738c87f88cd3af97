// Which Host and Origin headers this server answers. A page on another site must not open a
// socket here, and a name that was made to resolve to this laptop (DNS rebinding) must not
// either: a browser always sends the name it used, so names are checked; a bare IP address
// cannot be rebound and is answered.
import { isIP } from 'node:net';
import { hostname } from 'node:os';

export interface OriginPolicy {
  /** Host names this server answers to, lower case, besides IP addresses and localhost. */
  names: Set<string>;
  /** Origins (scheme://host:port) whose pages may talk to this server besides its own. */
  origins: Set<string>;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The policy from the public URL and the organiser's extra origins (--allowed-origin). */
export function originPolicy(publicUrl: string, allowedOrigins: readonly string[], machineName = hostname()): OriginPolicy {
  const names = new Set<string>();
  const origins = new Set<string>();
  for (const url of [publicUrl, ...allowedOrigins]) {
    const parsed = parseUrl(url);
    if (!parsed) continue;
    names.add(parsed.hostname.toLowerCase());
    origins.add(parsed.origin);
  }
  if (machineName) for (const name of [machineName, `${machineName}.local`]) names.add(name.toLowerCase());
  return { names, origins };
}

/** The host name of a Host header (`name:port`, `[::1]:port`), lower case. */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  if (bracketed) return bracketed[1].toLowerCase();
  return host.replace(/:\d*$/, '').toLowerCase();
}

/** True when a request naming `host` may be answered; a request without a Host is no browser's. */
export function hostAllowed(policy: OriginPolicy, host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = hostName(host);
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true;
  return policy.names.has(name);
}

/** True when a page from `origin` may talk to this server: its own pages (same host and port as
 * the request), or an origin the organiser allowed. No Origin: not a browser page's request. */
export function originAllowed(policy: OriginPolicy, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  const parsed = parseUrl(origin);
  if (!parsed || parsed.origin === 'null') return false;
  if (policy.origins.has(parsed.origin)) return true;
  return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase() && hostAllowed(policy, host);
}
