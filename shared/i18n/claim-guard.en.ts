// English messages for guarding join codes: a mistyped code, a throttled phone, the host's
// alarm about someone guessing codes; merged into en.ts.
import type { claimGuardZh } from './claim-guard.zh.js';

export const claimGuardEn: Record<keyof typeof claimGuardZh, string> = {
  'error.bad-join-code': 'Invalid join code, or the seat is full: check the code on the screen or your seat card',
  'error.claims-throttled': 'Too many tries: please wait and try again',
  'contestant.claimsThrottled': 'Too many tries: please try again in {seconds} s',

  'host.claimAlarm.title': 'Someone keeps trying join codes',
  'host.claimAlarm.failures': '{failures} failed joins in the last {minutes} minutes.',
  'host.claimAlarm.throttled': 'Joining is held back against guessing for about {seconds} s.',
  'host.claimAlarm.advice': 'Once every contestant is seated, press “Lock seats”: then no code can join.',
};
