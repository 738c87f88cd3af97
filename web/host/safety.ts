// What the host console asks before a step that loses something by accident (RULES.md K6, K7):
// skipping a question never played, ending the contest, undoing a ruling of an earlier question.
// Plain TypeScript over the host's view, so each question is tested without a browser.
import { viewOfKind, type ContestView } from '../../shared/contest/views.js';
import { MAX_EXTEND_MS } from '../../shared/protocol.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { formatDelta, nextStep, seatName } from '../lib/contest-display.js';
import { judgedTurnOf } from '../lib/judged-display.js';
import type { Control, EnabledControls } from './controls.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The undo's own words: "撤销：抢答题 第5题 第四代表队 答错 −10" (K7); null with nothing to undo. */
export function undoDescription(view: ContestView, t: Translate): string | null {
  const ruling = view.lastRuling;
  if (!ruling) return null;
  return t('safety.undoWhat', {
    round: ruling.roundName,
    n: ruling.questionNumber,
    name: seatName(view, ruling.seatId),
    verdict: t(`ledger.${ruling.verdict}`),
    delta: formatDelta(ruling.delta),
  });
}

/** What to ask before running `control` now, or null to run it at once. Only a step the engine
 * would take is asked about: a refused key just shows the refusal. */
export function confirmationFor(control: Control, view: ContestView, enabled: EnabledControls, t: Translate): string | null {
  if (!enabled[control.id]) return null;
  switch (control.id) {
    case 'next':
      return nextConfirmation(view, t);
    case 'undo': {
      const what = undoDescription(view, t);
      return what && view.lastRuling && !view.lastRuling.current ? t('safety.undoEarlier', { what }) : null;
    }
    case 'repeat':
      return t('host.repeatConfirm', { name: seatName(view, viewOfKind(view.question, 'in-turn')?.turnSeat) });
    default:
      return null;
  }
}

/** K6: N from a question still being read skips it for good; N after the last question ends the contest. */
function nextConfirmation(view: ContestView, t: Translate): string | null {
  const q = view.question;
  const round = view.round;
  const lines: string[] = [];
  const turn = judgedTurnOf(view);
  if (q && q.kind !== 'judged' && round && q.phase === 'reading') {
    lines.push(t('safety.skipConfirm', { round: round.name, n: q.number, phase: t(`phase.${q.phase}`) }));
  }
  // J1: a seat called and not yet heard would lose its turn.
  if (turn && round && turn.phase === 'called') lines.push(t('judging.skipConfirm', { round: round.name, n: turn.number, name: seatName(view, turn.seatId) }));
  if (round && nextStep(view) === 'finish' && q) lines.push(t('safety.finishConfirm', { round: round.name }));
  return lines.length ? lines.join('\n') : null;
}

/** K8: the seconds typed for a seat's extra time, or null if they are not a whole number the
 * server takes (1 s up to MAX_EXTEND_MS). */
export function parseSeatSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const seconds = Number(trimmed);
  return seconds >= 1 && seconds * 1000 <= MAX_EXTEND_MS ? seconds : null;
}

export interface ExtraTimeSeat {
  id: string;
  name: string;
  /** Whole seconds its phones were all offline while answers were open (a seat nobody joined: 0). */
  lostSeconds: number;
  /** Its own deadline, if the host already gave it time. */
  until: number | null;
}

/** K8: the seats to offer for extra time, those that lost the most answering time first, each
 * with the seconds it lost (the room counts them) and its own deadline if it has one. */
export function seatsForExtraTime(view: ContestView, serverNow: number): ExtraTimeSeat[] {
  const own = viewOfKind(view.question, 'all-at-once')?.seatDeadlines ?? {};
  return view.seats
    .map((seat, order) => {
      const gap = seat.claimed > 0 ? view.answerGaps[seat.id] : undefined;
      const lostMs = gap ? gap.ms + (gap.since !== null ? Math.max(0, serverNow - gap.since) : 0) : 0;
      return { seat: { id: seat.id, name: seat.name, lostSeconds: Math.ceil(lostMs / 1000), until: own[seat.id] ?? null }, order };
    })
    .sort((a, b) => b.seat.lostSeconds - a.seat.lostSeconds || a.order - b.order)
    .map(({ seat }) => seat);
}
