// The token a phone makes for itself before claiming a seat.
import { describe, expect, it } from 'vitest';
import { seatClaimSchema } from '../../shared/protocol.js';
import { forgetDeviceToken, newDeviceToken, readDeviceToken, saveDeviceToken } from '../../web/lib/device-token.js';

describe('newDeviceToken', () => {
  it('is accepted by the claim schema and differs each time', () => {
    const a = newDeviceToken();
    expect(seatClaimSchema.safeParse({ joinCode: '123456', deviceToken: a }).success).toBe(true);
    expect(newDeviceToken()).not.toBe(a);
  });
});

describe('device tokens per holder', () => {
  it("keeps a judge's token apart from the same device's seat token", () => {
    const kept = new Map<string, string>();
    const store = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v), removeItem: (k: string) => void kept.delete(k) };
    saveDeviceToken('c1', 'seat-token', store);
    saveDeviceToken('c1', 'judge-token', store, 'judge');
    expect(readDeviceToken('c1', store)).toBe('seat-token');
    expect(readDeviceToken('c1', store, 'judge')).toBe('judge-token');
    forgetDeviceToken('c1', store, 'judge');
    expect(readDeviceToken('c1', store, 'judge')).toBeUndefined();
    expect(readDeviceToken('c1', store)).toBe('seat-token');
  });
});
