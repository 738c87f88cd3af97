// The host's controls: which command each key and button sends in each kind of round, and which
// are usable now (RULES.md F, T, A, B). Plain TypeScript so the console's rules are testable
// against the real engine.
import type { HostCommand } from '../../shared/contest/commands.js';
import type { RoundKind, SeatId } from '../../shared/contest/types.js';
import type { ContestView, QuestionView } from '../../shared/contest/views.js';
import type { MessageKey } from '../../shared/i18n/index.js';

export type ControlId = 'next' | 'start' | 'right' | 'wrong' | 'reopen' | 'skip' | 'repeat' | 'swap' | 'reveal' | 'undo' | 'pause' | 'extend' | 'standings';
export const CONTROL_IDS: readonly ControlId[] = ['next', 'start', 'right', 'wrong', 'reopen', 'skip', 'repeat', 'swap', 'reveal', 'undo', 'pause', 'extend', 'standings'];

/** What the `+` key adds to the running countdown (K5). */
export const EXTEND_STEP_MS = 10_000;

/** A host command, the swap request (its own socket event: the server picks the question, F4),
 * pause, which is resume while paused (K1, K3), or the leaderboard, which puts up or takes down
 * the screen's standings (L1). */
export type ControlAction = { type: 'command'; command: HostCommand } | { type: 'swap' } | { type: 'pause' } | { type: 'standings' };

export interface Control {
  id: ControlId;
  /** KeyboardEvent.code of each shortcut: the physical key, so a Chinese IME or another layout still works. */
  codes: string[];
  action: ControlAction;
  label: MessageKey;
  /** Asks before acting: the action takes points back (T7). */
  confirm?: boolean;
}

const command = (c: HostCommand): ControlAction => ({ type: 'command', command: c });

const NEXT: Control = { id: 'next', codes: ['KeyN'], action: command({ type: 'question:next' }), label: 'host.control.next' };
const RIGHT: Control = { id: 'right', codes: ['KeyJ'], action: command({ type: 'answer:rule', verdict: 'right' }), label: 'host.control.right' };
const WRONG: Control = { id: 'wrong', codes: ['KeyK'], action: command({ type: 'answer:rule', verdict: 'wrong' }), label: 'host.control.wrong' };
const SWAP: Control = { id: 'swap', codes: ['KeyW'], action: { type: 'swap' }, label: 'host.control.swap' };
const UNDO: Control = { id: 'undo', codes: ['KeyU'], action: command({ type: 'ruling:undo' }), label: 'host.control.undo' };
const PAUSE: Control = { id: 'pause', codes: ['KeyP'], action: { type: 'pause' }, label: 'host.control.pause' };
// `+` is Shift and `=` on most keyboards: the key itself, shifted or not, and the keypad's +.
const EXTEND: Control = { id: 'extend', codes: ['Equal', 'NumpadAdd'], action: command({ type: 'countdown:extend', ms: EXTEND_STEP_MS }), label: 'host.control.extend' };
const STANDINGS: Control = { id: 'standings', codes: ['KeyL'], action: { type: 'standings' }, label: 'host.control.standings' };

/** Every kind's controls, in the order the console shows them. Space always starts the question. */
const BY_KIND: Record<RoundKind, readonly Control[]> = {
  'buzz-in': [
    NEXT,
    { id: 'start', codes: ['Space'], action: command({ type: 'buzzers:open' }), label: 'host.control.open' },
    RIGHT,
    WRONG,
    { id: 'reopen', codes: ['KeyR'], action: command({ type: 'buzzers:reopen' }), label: 'host.control.reopen' },
    { id: 'reveal', codes: ['KeyE'], action: command({ type: 'answer:reveal' }), label: 'host.control.reveal' },
    SWAP,
    UNDO,
    PAUSE,
    EXTEND,
    STANDINGS,
  ],
  'in-turn': [
    NEXT,
    { id: 'start', codes: ['Space'], action: command({ type: 'turn:start' }), label: 'host.control.startTurn' },
    RIGHT,
    WRONG,
    // T6: S skips; E, which ends a question in every other round, skips here too.
    { id: 'skip', codes: ['KeyS', 'KeyE'], action: command({ type: 'turn:skip' }), label: 'host.control.skip' },
    { id: 'repeat', codes: ['KeyT'], action: command({ type: 'turn:repeat' }), label: 'host.control.repeat', confirm: true },
    SWAP,
    UNDO,
    PAUSE,
    EXTEND,
    STANDINGS,
  ],
  'all-at-once': [
    NEXT,
    { id: 'start', codes: ['Space'], action: command({ type: 'answers:open' }), label: 'host.control.openAnswers' },
    { id: 'reveal', codes: ['KeyE'], action: command({ type: 'answer:reveal' }), label: 'host.control.closeAnswers' },
    SWAP,
    UNDO,
    PAUSE,
    EXTEND,
    STANDINGS,
  ],
  // Judged turns take their own commands (speech, judging, judges): the console's panel for them
  // is the judged UI's; here only what every round has.
  judged: [NEXT, UNDO, PAUSE, EXTEND, STANDINGS],
};

/** K1, K3: P pauses a running show and resumes a paused one. */
export function pauseCommand(view: Pick<ContestView, 'pausedAt'> | null): HostCommand {
  return view?.pausedAt != null ? { type: 'show:resume' } : { type: 'show:pause' };
}

/** The controls of a round kind; before the first round and after the last, only next and undo. */
export function controlsFor(kind: RoundKind | null | undefined): readonly Control[] {
  return kind ? BY_KIND[kind] : [NEXT, UNDO, STANDINGS];
}

/** The command a control sends now: pause resumes while paused (K3), the leaderboard toggles
 * (L1); null for the swap, its own request. */
export function controlCommand(control: Control, view: Pick<ContestView, 'standingsShown' | 'pausedAt'> | null): HostCommand | null {
  if (control.action.type === 'command') return control.action.command;
  if (control.action.type === 'pause') return pauseCommand(view);
  if (control.action.type === 'standings') return { type: 'standings:show', show: !view?.standingsShown };
  return null;
}

/** The round kind whose controls the console shows now. */
export function kindOf(view: Pick<ContestView, 'round'> | null): RoundKind | null {
  return view?.round?.kind ?? null;
}

/** F2 as the view shows it: the question must not be left, nor hidden behind the leaderboard. */
function questionInPlay(q: ContestView['question']): boolean {
  if (!q) return false;
  if (q.kind === 'in-turn') return q.phase !== 'revealed';
  return q.phase === 'open' || q.phase === 'tied' || q.phase === 'answering';
}

export type EnabledControls = Record<ControlId, boolean>;

const none = (): EnabledControls => Object.fromEntries(CONTROL_IDS.map((id) => [id, false])) as EnabledControls;

/** Which controls the engine would accept now, so the console can grey out the others. */
export function enabledControls(view: ContestView | null, online = true): EnabledControls {
  const enabled = none();
  // A closed contest is read-only (the organiser closed it): nothing to press.
  if (!view || !online || view.closed) return enabled;
  enabled.undo = view.canUndo;
  // L1: up only between questions; down at any time.
  enabled.standings = view.standingsShown || !questionInPlay(view.question);
  // After the last question a ruling can still be undone, so the final scores can be put right.
  if (view.stage === 'finished') return enabled;
  enabled.pause = view.stage === 'round'; // K1, K3
  const q = view.question;
  const phase = q?.phase ?? null;
  // K5: the buzz window, or an answer countdown (none after an undo: the host rules by hand).
  enabled.extend = (phase === 'open' && q?.buzzDeadline != null) || (phase === 'answering' && q?.answerDeadline != null);
  switch (q?.kind) {
    case undefined:
      // F1: the lobby and title cards only move on (K2: not while paused).
      enabled.next = view.pausedAt === null;
      return enabled;
    case 'buzz-in':
      // B12: never while the buzzers are open, a tie waits or a seat is answering.
      enabled.next = phase !== 'open' && phase !== 'tied' && phase !== 'answering';
      // B1; P5: Space re-opens the buzzers for the seats of a tie under the re-buzz rule.
      enabled.start = phase === 'reading' || isRebuzzTie(q);
      enabled.right = enabled.wrong = phase === 'answering'; // B5, B6
      enabled.reopen = phase === 'wrong' && view.seats.some((s) => !s.out); // B7
      enabled.reveal = phase === 'reading' || phase === 'wrong' || phase === 'tied'; // B8, P5
      break;
    case 'in-turn':
      // F2, T6: a turn must be ruled or skipped (S) before moving on, so no seat loses its turn unrecorded.
      enabled.next = phase === 'revealed';
      enabled.start = phase === 'reading'; // T2
      enabled.right = enabled.wrong = phase !== 'revealed'; // T3
      enabled.skip = phase !== 'revealed'; // T6
      // T7: the engine takes a repeat at any point; from reading it would change nothing.
      enabled.repeat = phase !== 'reading';
      break;
    case 'all-at-once':
      enabled.next = phase !== 'answering'; // F2
      enabled.start = phase === 'reading'; // A1
      enabled.reveal = phase === 'answering'; // A4
      break;
  }
  enabled.swap = phase === 'reading'; // F4
  // K2: nothing opens, starts or moves on until the show resumes.
  if (view.pausedAt !== null) enabled.next = enabled.start = enabled.reopen = false;
  return enabled;
}

/** P5: a true tie waiting for the host to re-open the buzzers for its seats. */
export function isRebuzzTie(q: Pick<QuestionView, 'phase' | 'decidedBy'> | null | undefined): boolean {
  return q?.phase === 'tied' && q.decidedBy === 'tie-rebuzz';
}

/** P5, tie rule `host`: one award per tied seat, the buzz to that seat; none at any other time
 * nor while paused (K2). */
export function tieAwards(view: Pick<ContestView, 'question' | 'closed' | 'pausedAt'> | null, online = true): { seatId: SeatId; command: HostCommand }[] {
  const q = view?.question;
  // K2: an award starts the answer countdown, so it waits for the resume.
  if (!q || !online || view.closed || view.pausedAt !== null || q.phase !== 'tied' || q.decidedBy !== 'tie-host') return [];
  return q.tied.map((seatId) => ({ seatId, command: { type: 'buzz:award', seatId } }));
}

export interface KeyLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
  target: unknown;
}

/** True while the host is typing (score form, settings editor): shortcuts must not fire then. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The control a key press means in this kind of round, or null (typing, a modifier, a held-down repeat). */
export function controlForKey(event: KeyLike, kind: RoundKind | null): Control | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  return controlsFor(kind).find((c) => c.codes.includes(event.code)) ?? null;
}

/** What a key cap shows for a KeyboardEvent.code: "N" for KeyN, "+" for the plus keys; Space
 * is translated by the page. */
export function keyCap(code: string): string {
  if (code === 'Equal' || code === 'NumpadAdd') return '+';
  return code.startsWith('Key') ? code.slice(3) : code;
}
