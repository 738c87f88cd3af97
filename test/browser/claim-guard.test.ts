// Issue 10 in a real browser: a contestant who mistypes the code is told so plainly; after too
// many failures from the hall the phone is told how long to wait, and the host console shows
// an alarm saying what is going on and what to do (G1-G3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol.js';
import { CLAIM_ALARM_FAILURES, CLAIM_LIMITS } from '../../server/realtime/claim-guard.js';
import { byTestId, hasChromium, requireBrowser, shot, startStage, zh, type BrowserStage } from './browser-stage.js';

requireBrowser('guarding join codes in a browser');

describe.skipIf(!hasChromium)('guarding join codes in a browser', () => {
  let stage: BrowserStage;

  beforeAll(async () => {
    stage = await startStage();
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('[G1][G2][G3] a mistyped code, then a held-back phone, and the alarm on the host console', { timeout: 90_000 }, async () => {
    const { h } = stage;
    const host = await stage.host();
    await byTestId(host, 'host-seat').first().waitFor();
    expect(await byTestId(host, 'claim-alarm').count()).toBe(0);

    const phone = await stage.open('phone', `/contestant/?c=${h.contestId}`);
    await byTestId(phone, 'join-code').fill('1234567890');
    await byTestId(phone, 'join-button').click();
    await byTestId(phone, 'join-error').filter({ hasText: zh('error.bad-join-code') }).waitFor();
    await shot(phone, 'claim-guard-mistyped.png');

    // Someone on the same network keeps trying codes until the address is held back.
    const guessers = [h.connect({ role: 'contestant' }), h.connect({ role: 'contestant' })];
    await Promise.all(guessers.map((g) => g.ready()));
    for (let i = 1; i < CLAIM_LIMITS.address.burst; i++) {
      expect(await guessers[i % 2].request('seat:claim', { joinCode: String(2_000_000_000 + i) })).toEqual({ error: ErrorCode.BadJoinCode });
    }
    await byTestId(host, 'claim-alarm').waitFor();
    await byTestId(host, 'claim-alarm-failures').filter({ hasText: zh('host.claimAlarm.failures', { failures: CLAIM_ALARM_FAILURES, minutes: 5 }) }).waitFor();
    await shot(host, 'claim-guard-host-alarm.png');

    // The contestant now types the right code: held back, and told for how long.
    const waitSeconds = 60 / CLAIM_LIMITS.address.perMinute;
    await byTestId(phone, 'join-code').fill(h.joinCodes.s2);
    await byTestId(phone, 'join-button').click();
    await byTestId(phone, 'join-error').filter({ hasText: zh('contestant.claimsThrottled', { seconds: waitSeconds }) }).waitFor();
    await shot(phone, 'claim-guard-throttled.png');

    h.clock.advance(waitSeconds * 1000);
    await byTestId(phone, 'join-button').click();
    await byTestId(phone, 'seat-name').waitFor();
    expect(stage.pageErrors).toEqual([]);
  });
});
