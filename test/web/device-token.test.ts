// The token a phone makes for itself before claiming a seat.
import { describe, expect, it } from 'vitest';
import { seatClaimSchema } from '../../shared/protocol.js';
import { newDeviceToken } from '../../web/lib/device-token.js';

describe('newDeviceToken', () => {
  it('is accepted by the claim schema and differs each time', () => {
    const a = newDeviceToken();
    expect(seatClaimSchema.safeParse({ joinCode: '123456', deviceToken: a }).success).toBe(true);
    expect(newDeviceToken()).not.toBe(a);
  });
});
