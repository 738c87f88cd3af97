// Whose address a socket is counted under (issue 10, item 6): the peer's, or behind a configured
// reverse proxy the address it forwarded; a forged header from anyone else changes nothing.
import { describe, expect, it } from 'vitest';
import { clientAddress, isLoopback } from '../../../server/edge/client-address.js';
import { hostAllowed, originAllowed, originPolicy } from '../../../server/edge/allowed-origins.js';

describe('client address', () => {
  it('[edge] the peer, unless it is a trusted proxy; then the nearest forwarded address not a proxy', () => {
    const xff = (v: string) => ({ 'x-forwarded-for': v });
    expect(clientAddress('10.0.0.5', xff('1.2.3.4'), [])).toBe('10.0.0.5');
    expect(clientAddress('::ffff:10.0.0.5', {}, [])).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.1', xff('6.6.6.6, 1.2.3.4'), ['10.0.0.1'])).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.1', xff('1.2.3.4, 10.0.0.2'), ['10.0.0.1', '10.0.0.2'])).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.1', {}, ['10.0.0.1'])).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.9', xff('1.2.3.4'), ['10.0.0.1'])).toBe('10.0.0.9');
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });

  it('[edge] hosts: IP addresses, localhost, the public URL, the machine name, allowed origins; nothing else', () => {
    const policy = originPolicy('http://192.168.1.20:3000', ['https://quiz.example.org'], 'laptop');
    for (const host of ['192.168.1.20:3000', '10.1.1.1', '[::1]:3000', 'localhost:5173', 'laptop:3000', 'laptop.local', 'quiz.example.org', undefined]) {
      expect(hostAllowed(policy, host), String(host)).toBe(true);
    }
    for (const host of ['evil.example', '192.168.1.20.evil.example:3000', 'laptop.evil.example']) expect(hostAllowed(policy, host), host).toBe(false);
    expect(originAllowed(policy, 'http://192.168.1.20:3000', '192.168.1.20:3000')).toBe(true);
    expect(originAllowed(policy, 'https://quiz.example.org', '127.0.0.1:3000')).toBe(true);
    expect(originAllowed(policy, 'http://evil.example', '192.168.1.20:3000')).toBe(false);
    expect(originAllowed(policy, 'http://evil.example:3000', 'evil.example:3000')).toBe(false);
    expect(originAllowed(policy, undefined, '192.168.1.20:3000')).toBe(true);
  });
});
