// Which address phones should use. Phones cannot reach `localhost`, so printed links and the QR
// code use the laptop's address on the hall's network unless the organiser sets one by hand.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

const PRIVATE = [/^192\.168\./, /^10\./, /^172\.(1[6-9]|2\d|3[01])\./];

/** Best guess at the hall-network IPv4 address: a private-range address first, then any external one. */
export function pickLanAddress(interfaces: Record<string, NetworkInterfaceInfo[] | undefined> = networkInterfaces()): string | null {
  const candidates = Object.values(interfaces)
    .flat()
    .filter((i): i is NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
  return candidates.find((a) => PRIVATE.some((p) => p.test(a))) ?? candidates[0] ?? null;
}

/** The base URL for links: the explicit one if given, else the LAN address, else localhost. */
export function publicUrlFor(port: number, explicit?: string, lanAddress = pickLanAddress()): string {
  if (explicit) return explicit.replace(/\/+$/, '');
  return `http://${lanAddress ?? 'localhost'}:${port}`;
}
