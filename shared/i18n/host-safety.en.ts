// English messages for running the show safely (RULES.md K); merged into en.ts.
import type { hostSafetyZh } from './host-safety.zh.js';

export const hostSafetyEn: Record<keyof typeof hostSafetyZh, string> = {
  'error.paused': 'The show is paused: wait for it to resume',
  'error.not-paused': 'The show is not paused',
  'error.no-countdown': 'No countdown is running to add time to',
  'error.key-revealed': 'The answer has been revealed: a seat can no longer be given time',

  'host.control.pause': 'Pause',
  'host.control.resume': 'Resume',
  'host.control.extend': '+{s} s',
  'safety.pausedBanner': 'Paused: every countdown has stopped, phones cannot buzz or answer. Press P to resume.',
  'safety.extended': 'Added {s} s',
  'safety.skipConfirm': 'Question {n} of "{round}" has not been played yet ({phase}). Next skips it for good. Skip it?',
  'safety.finishConfirm': 'This is the last question of the last round ("{round}"). Going on ends the contest and shows the final ranking. End the contest?',
  'safety.undoWhat': 'Undo: {round} question {n} {name} {verdict} {delta}',
  'safety.undoEarlier': '{what}\nThis ruling belongs to an earlier question: undoing it gives the points back, it does not go back to that question. Undo it?',
  'safety.undone': 'Done: {what}',
  'safety.seatExtend.title': 'Extra time for a seat',
  'safety.seatExtend.hint': 'A phone that was offline (a server restart) lost answering time: only this seat gets a later deadline, the others keep theirs; all on the record. Not after the answer is revealed.',
  'safety.seatExtend.seat': 'Seat',
  'safety.seatExtend.seconds': 'Seconds',
  'safety.seatExtend.submit': 'Give time',
  'safety.seatExtend.offline': ' (offline {s} s)',
  'safety.seatExtend.until': '{name} may answer for {s} s more',
  'safety.seatExtended': 'Gave "{name}" {s} s',
  'safety.seatExtend.badSeconds': 'Seconds must be a whole number from 1 to {max}',

  'safety.pausedTitle': 'Paused',
  'safety.pausedHint': 'The show is paused, countdowns have stopped. Please wait',
  'buzzer.paused': 'Paused, please wait',
  'answers.paused': 'Paused: answer once the show resumes',
};
