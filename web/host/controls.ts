// The host's controls: which command each key and button sends in each kind of round, and which
// are usable now, as the host's view says the engine would accept them (RULES.md F, T, A, B).
// Plain TypeScript so the console is testable against the real engine.
import type { HostAction } from '../../shared/contest/allowed.js';
import type { HostCommand } from '../../shared/contest/commands.js';
import type { RoundKind, SeatId } from '../../shared/contest/types.js';
import type { BuzzInQuestionView, ContestView } from '../../shared/contest/views.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { judgedTurnOf } from '../lib/judged-display.js';

export type ControlId = 'next' | 'start' | 'right' | 'wrong' | 'reopen' | 'skip' | 'repeat' | 'swap' | 'close' | 'reveal' | 'undo' | 'pause' | 'extend' | 'standings';
export const CONTROL_IDS: readonly ControlId[] = ['next', 'start', 'right', 'wrong', 'reopen', 'skip', 'repeat', 'swap', 'close', 'reveal', 'undo', 'pause', 'extend', 'standings'];

/** What the `+` key adds to the running countdown (K5). */
export const EXTEND_STEP_MS = 10_000;

/** A host command, the swap request (its own socket event: the server picks the question, F4),
 * pause, which is resume while paused (K1, K3), or the leaderboard, which puts up or takes down
 * the screen's standings (L1). */
export type ControlAction = { type: 'command'; command: HostCommand } | { type: 'swap' } | { type: 'pause' } | { type: 'standings' } | { type: 'speech' };

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
  // RK: the stake is picked with the digit keys on the stake panel (stake-keys.ts); then as in turn.
  risk: [
    NEXT,
    { id: 'start', codes: ['Space'], action: command({ type: 'turn:start' }), label: 'host.control.startTurn' },
    RIGHT,
    WRONG,
    { id: 'skip', codes: ['KeyS', 'KeyE'], action: command({ type: 'turn:skip' }), label: 'host.control.skip' },
    SWAP,
    UNDO,
    PAUSE,
    EXTEND,
    STANDINGS,
  ],
  // J6, J4: Space starts the speaking timer (after any preparation) and stops it; C closes
  // scoring, E reveals. Judges' exclusions and paper scores are on the judging panel.
  judged: [
    NEXT,
    { id: 'start', codes: ['Space'], action: { type: 'speech' }, label: 'host.control.speechStart' },
    { id: 'close', codes: ['KeyC'], action: command({ type: 'judging:close' }), label: 'host.control.closeScoring' },
    { id: 'reveal', codes: ['KeyE'], action: command({ type: 'answer:reveal' }), label: 'host.control.revealScore' },
    UNDO,
    PAUSE,
    EXTEND,
    STANDINGS,
  ],
};

/** K1, K3: P pauses a running show and resumes a paused one. */
export function pauseCommand(view: Pick<ContestView, 'pausedAt'> | null): HostCommand {
  return view?.pausedAt != null ? { type: 'show:resume' } : { type: 'show:pause' };
}

/** J6: one key starts the speaking timer (or the preparation) and stops it. */
export function speechCommand(view: Pick<ContestView, 'question'> | null): HostCommand {
  return judgedTurnOf(view)?.phase === 'speaking' ? { type: 'speech:stop' } : { type: 'speech:start' };
}

/** The controls of a round kind; before the first round and after the last, only next and undo. */
export function controlsFor(kind: RoundKind | null | undefined): readonly Control[] {
  return kind ? BY_KIND[kind] : [NEXT, UNDO, STANDINGS];
}

/** The command a control sends now: pause resumes while paused (K3), the leaderboard toggles
 * (L1), the speaking timer starts or stops (J6); null for the swap, its own request. */
export function controlCommand(control: Control, view: Pick<ContestView, 'standingsShown' | 'pausedAt' | 'question'> | null): HostCommand | null {
  if (control.action.type === 'command') return control.action.command;
  if (control.action.type === 'speech') return speechCommand(view);
  if (control.action.type === 'pause') return pauseCommand(view);
  if (control.action.type === 'standings') return { type: 'standings:show', show: !view?.standingsShown };
  return null;
}

/** The round kind whose controls the console shows now. */
export function kindOf(view: Pick<ContestView, 'round'> | null): RoundKind | null {
  return view?.round?.kind ?? null;
}

export type EnabledControls = Record<ControlId, boolean>;

const none = (): EnabledControls => Object.fromEntries(CONTROL_IDS.map((id) => [id, false])) as EnabledControls;

/** The command type a control would send now, as the view's `allowed` names it. */
function actionType(control: Control, view: Pick<ContestView, 'pausedAt' | 'question'>): HostAction {
  switch (control.action.type) {
    case 'command':
      return control.action.command.type;
    case 'swap':
      return 'question:swap';
    case 'pause':
      return pauseCommand(view).type;
    case 'standings':
      return 'standings:show';
    case 'speech':
      return speechCommand(view).type;
  }
}

/** Which controls the engine would accept now, so the console can grey out the others: the
 * host's view says which commands it would accept (`allowed`); this only maps them to keys. */
export function enabledControls(view: ContestView | null, online = true): EnabledControls {
  const enabled = none();
  // A closed contest is read-only (the organiser closed it): nothing to press.
  if (!view || !online || view.closed) return enabled;
  const allowed = new Set(view.allowed ?? []);
  for (const control of controlsFor(kindOf(view))) enabled[control.id] = allowed.has(actionType(control, view));
  // T7: the engine takes a repeat from reading too, but it would change nothing there.
  if (view.question?.phase === 'reading') enabled.repeat = false;
  return enabled;
}

/** P5: a true tie waiting for the host to re-open the buzzers for its seats. */
export function isRebuzzTie(q: Pick<BuzzInQuestionView, 'phase' | 'decidedBy'> | null | undefined): boolean {
  return q?.phase === 'tied' && q.decidedBy === 'tie-rebuzz';
}

/** P5, tie rule `host`: one award per tied seat, the buzz to that seat; none at any other time
 * nor while paused (K2). */
export function tieAwards(view: Pick<ContestView, 'question' | 'closed' | 'allowed'> | null, online = true): { seatId: SeatId; command: HostCommand }[] {
  const q = view?.question;
  // The engine takes an award for any tied seat, or none (K2: an award starts the answer countdown, so it waits for the resume).
  if (!view || q?.kind !== 'buzz-in' || !online || view.closed || !view.allowed?.includes('buzz:award')) return [];
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
