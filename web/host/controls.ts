// The host's controls: which command each key and button sends, and which are usable in the
// current phase (RULES.md B1-B12). Plain TypeScript so the rules of the console are testable.
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestView } from '../../shared/contest/views.js';

export type ControlId = 'next' | 'open' | 'right' | 'wrong' | 'reopen' | 'reveal' | 'undo';

export interface Control {
  id: ControlId;
  /** KeyboardEvent.code of the shortcut: the physical key, so a Chinese IME or another layout still works. */
  code: string;
  /** What the key cap on the button shows. */
  keyCap: string;
  command: HostCommand;
}

/** Every control, in the order the console shows them. */
export const CONTROLS: readonly Control[] = [
  { id: 'next', code: 'KeyN', keyCap: 'N', command: { type: 'question:next' } },
  { id: 'open', code: 'Space', keyCap: 'Space', command: { type: 'buzzers:open' } },
  { id: 'right', code: 'KeyJ', keyCap: 'J', command: { type: 'answer:rule', verdict: 'right' } },
  { id: 'wrong', code: 'KeyK', keyCap: 'K', command: { type: 'answer:rule', verdict: 'wrong' } },
  { id: 'reopen', code: 'KeyR', keyCap: 'R', command: { type: 'buzzers:reopen' } },
  { id: 'reveal', code: 'KeyE', keyCap: 'E', command: { type: 'answer:reveal' } },
  { id: 'undo', code: 'KeyU', keyCap: 'U', command: { type: 'ruling:undo' } },
];

export type EnabledControls = Record<ControlId, boolean>;

const NONE: EnabledControls = { next: false, open: false, right: false, wrong: false, reopen: false, reveal: false, undo: false };

/** Which controls the engine would accept now, so the console can disable the others. */
export function enabledControls(view: ContestView | null, online = true): EnabledControls {
  if (!view || !online) return { ...NONE };
  // After the last question a ruling can still be undone, so the final scores can be put right.
  if (view.stage === 'finished') return { ...NONE, undo: view.canUndo };
  const q = view.question;
  const phase = q?.phase ?? null;
  return {
    // B12: never while the buzzers are open or a seat is answering.
    next: phase !== 'open' && phase !== 'answering',
    // B1
    open: phase === 'reading',
    // B5, B6
    right: phase === 'answering',
    wrong: phase === 'answering',
    // B7: only with some seat still in the question.
    reopen: phase === 'wrong' && view.seats.some((s) => !s.out),
    // B8
    reveal: phase === 'reading' || phase === 'wrong',
    // B10
    undo: view.canUndo,
  };
}

/** Whether "next" would end the contest rather than show another question. */
export function nextFinishes(view: ContestView | null): boolean {
  const q = view?.question;
  return !!q && q.number >= q.total;
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

/** True while the host is typing (score form, reason): shortcuts must not fire then. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The control a key press means, or null (typing, a modifier held, a held-down repeat). */
export function controlForKey(event: KeyLike): ControlId | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  return CONTROLS.find((c) => c.code === event.code)?.id ?? null;
}
