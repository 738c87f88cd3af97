// Which address a socket comes from, for the per-address limits.

/** The address a phone's connection comes from, as one key per machine. IPv4 as is (an
 * IPv4-mapped IPv6 address too); IPv6 by its /64, which one machine can fill with addresses.
 * Behind a reverse proxy this is the proxy's address: trusted forwarding headers go here. */
export function clientAddress(handshake: { address: string }): string {
  const address = handshake.address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
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
