// English messages for the phones of a seat (S5) and joining with the host's approval (S6);
// merged into en.ts.
import type { phonesZh } from './phones.zh.js';

export const phonesEn: Record<keyof typeof phonesZh, string> = {
  'error.awaiting-approval': 'Request sent: waiting for the host to approve',
  'error.join-refused': 'The host did not let this phone join. Ask the host if this is a mistake.',
  'error.unknown-phone': 'The seat has no such phone (it may have been removed already)',
  'error.unknown-request': 'That request was already decided or withdrawn',

  'contestant.awaitingApproval': 'Waiting for the host to approve',
  'contestant.awaitingHint': 'The code is right. Once the host approves, this phone joins its seat by itself: keep this page open.',
  'contestant.joinRefused': 'The host did not let this phone join. Ask the host if this is a mistake.',
  'contestant.removed': 'The host removed this phone from its seat. To join again, ask the host.',

  'host.joinRequests': 'Requests to join',
  'host.joinRequestAt': 'asked at {time}',
  'host.approve': 'Approve',
  'host.refuse': 'Refuse',
  'host.approved': 'A phone joined “{name}”',
  'host.refused': 'Refused a phone asking to join “{name}”',
  'host.phoneN': 'Phone {n}',
  'host.phoneJoined': 'joined {time}',
  'host.phoneOnline': 'online',
  'host.phoneOffline': 'offline',
  'host.removePhone': 'Remove',
  'host.removePhoneConfirm': 'Remove {phone} from “{name}”? It leaves the seat, and the seat gets a new join code.',
  'host.phoneRemoved': 'Removed {phone} from “{name}”; the seat has a new join code',

  'definition.field.joining': 'Joining',
  'definition.field.approvalAfter': 'When joining needs the host (lock: once seats are locked; start: once the show starts)',
};
