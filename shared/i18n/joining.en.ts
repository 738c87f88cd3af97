// English messages for joining: locked seats and admissions, seat cards, a phone's result and
// feedback, export file names; merged into en.ts.
import type { joiningZh } from './joining.zh.js';

export const joiningEn: Record<keyof typeof joiningZh, string> = {
  'error.seats-locked': 'The host has locked the seats: a new phone cannot join. To change phones, ask the host.',
  'error.seats-not-locked': 'Seats are not locked: no seat needs letting in',

  'host.lockSeats': 'Lock seats',
  'host.unlockSeats': 'Unlock',
  'host.seatsLocked': 'Seats locked: a new phone joins only once you approve it; the screen shows no codes',
  'host.seatsOpen': 'Seats open: anyone with a code can join',
  'host.lockConfirm': 'Once locked, a new phone joins only a seat you let in, and the screen stops showing codes. Lock the seats?',
  'host.admit': 'Let in',
  'host.admitting': 'Waiting',
  'host.admitCancel': 'Cancel',
  'host.admitHint': '“{name}” can join with its code; locked again once full',
  'host.seatCards': 'Print seat cards',

  'cards.pageTitle': 'Seat cards',
  'cards.print': 'Print',
  'cards.hint': 'Each card has its seat’s QR code and join code. A join code is the seat’s password: hand the card to that seat, do not project it.',
  'cards.scan': 'Scan with a phone to join this seat',
  'cards.code': 'Join code',
  'cards.team': 'Team · up to {phones} phones',
  'cards.missingKey': 'The link is incomplete or its key is wrong: open the seat cards from the host console or the organiser page.',

  'screen.seatsLocked': 'Seats are locked: a new phone joins only when the host lets it in',
  'contestant.seatsLocked': 'Seats are locked: a new phone joins only when the host lets it in.',
  'contestant.verdict.right': 'Right {delta}',
  'contestant.verdict.wrong': 'Wrong {delta}',
  'contestant.verdict.timeout': 'Time is up {delta}',
  'contestant.verdict.rightNoPoints': 'Right',
  'contestant.verdict.wrongNoPoints': 'Wrong',
  'contestant.verdict.timeoutNoPoints': 'Time is up',
  'contestant.finished': 'The contest is over',
  'contestant.rank': 'Rank {rank}',
  'contestant.rankOf': 'of {seats} seats',
  'contestant.finalScore': 'Score {score}',
  'contestant.weighted': 'Weighted total {total} (ranked by this)',

  'ledger.place': '{round}, question {n}',
  'ledger.round': '{round}',
  'turn.skipped': 'Skipped',

  'export.fileResults': 'results',
  'export.question': 'Question',

  'landing.status.not-started': 'Not started',
  'landing.status.running': 'On now',
  'landing.created': 'created {date}',
};
