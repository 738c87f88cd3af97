// One key per machine for the per-address claim limits, from the address the edge believes.

/** A client address (server/edge/client-address.ts: the peer, or a trusted proxy's forward) as
 * one key per machine: IPv4 as is (IPv4-mapped IPv6 too); IPv6 by its /64, which one machine
 * can fill with addresses. */
export function claimAddressKey(client: string): string {
  const address = client.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
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
