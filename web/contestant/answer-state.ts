// What a phone shows in an all-at-once question (同步作答, RULES.md A1-A6): the options as big
// buttons, which are chosen, whether they still take a tap, and the seat's own result after the
// reveal. Plain TypeScript so every moment can be tested without a phone.
import type { SeatResult } from '../../shared/contest/types.js';
import { viewOfKind, type AskedQuestionView, type ContestView } from '../../shared/contest/views.js';
import { activeCountdown, choicesOf, choiceWords, type Label, type Message } from '../lib/contest-display.js';

export type AnswerPadLook =
  /** The host is still reading: the options show, nothing can be chosen yet (A1). */
  | 'reading'
  /** Answers are open: a tap answers or changes the answer (A2). */
  | 'open'
  /** The deadline has passed by this phone's reckoning, or answers closed: the buttons lock (A3). */
  | 'locked'
  /** The key is out: the phone shows it and this seat's grade (A6). */
  | 'revealed'
  /** No link to the server: a tap could only arrive late, so none is sent. */
  | 'offline'
  /** The host paused the show (K1, K2): a tap would be refused, so none is sent. */
  | 'paused';

export interface AnswerOption {
  index: number;
  label: Label;
  text: string;
  selected: boolean;
  /** After the reveal: whether this option is in the key. */
  right: boolean | null;
}

export interface AnswerPadState {
  look: AnswerPadLook;
  multiple: boolean;
  options: AnswerOption[];
  /** Whether a tap sends an answer. */
  live: boolean;
  countdown: number | null;
  /** The line above the buttons. */
  prompt: Message;
  /** The answer the server holds for this seat, in words, or null if none. */
  sent: Label | null;
  /** This seat's grade, once revealed. */
  result: SeatResult | null;
  /** The key in words, once revealed. */
  key: Label | null;
}

const PROMPTS: Partial<Record<AnswerPadLook, Message['key']>> = {
  reading: 'answers.waitOpen',
  locked: 'answers.locked',
  revealed: 'answers.locked',
  offline: 'buzzer.offline',
  paused: 'answers.paused',
};

/**
 * The answer pad for `view.me`. `selection` is what the phone has just sent and not yet heard
 * back about (shown at once, so a tap never feels ignored); null to show the server's record.
 * Null when the question is not an all-at-once one.
 */
export function answerPadState(view: ContestView, serverNow: number, online: boolean, selection: readonly number[] | null = null): AnswerPadState | null {
  const q = viewOfKind(view.question, 'all-at-once');
  if (!q) return null;
  const mine = selection ?? q.myAnswer ?? [];
  const revealed = q.phase === 'revealed';
  const pastDeadline = q.phase === 'answering' && q.answerDeadline !== null && serverNow >= q.answerDeadline;
  const paused = view.pausedAt !== null && q.phase === 'answering';
  const look: AnswerPadLook = revealed ? 'revealed' : !online ? 'offline' : q.phase === 'reading' ? 'reading' : pastDeadline ? 'locked' : paused ? 'paused' : 'open';
  const key = q.answerKey;
  const result = revealed && view.me ? (q.results?.[view.me] ?? null) : null;
  const shown = revealed ? (result?.choice ?? q.myAnswer ?? []) : mine;
  const multiple = q.type === 'multiple';
  return {
    look,
    multiple,
    options: choicesOf(q).map(({ index, label, text }) => ({
      index,
      label,
      text,
      selected: shown.includes(index),
      right: key ? key.includes(index) : null,
    })),
    live: look === 'open',
    countdown: look === 'open' || look === 'paused' ? (activeCountdown(q, serverNow)?.seconds ?? null) : null,
    prompt: { key: PROMPTS[look] ?? (multiple ? 'answers.pickMany' : 'answers.pickOne') },
    sent: q.myAnswer && q.myAnswer.length ? choiceWords(q, q.myAnswer) : null,
    result,
    key: revealed && key ? choiceWords(q, key) : null,
  };
}

/**
 * What a tap on option `index` sends (A2): single and true/false answer with that option alone;
 * multiple toggles it in the current set. Null when there is nothing to send: the same single
 * answer again, or a multiple answer left with no option (an answer names at least one).
 */
export function choiceAfterTap(type: AskedQuestionView['type'], current: readonly number[], index: number): number[] | null {
  if (type !== 'multiple') return current.length === 1 && current[0] === index ? null : [index];
  const next = current.includes(index) ? current.filter((c) => c !== index) : [...current, index];
  return next.length === 0 ? null : next.sort((a, b) => a - b);
}

/** Which question an answer belongs to, so a late notice stays with its question only. */
export function questionKey(view: Pick<ContestView, 'round' | 'question'>): string {
  return `${view.round?.index ?? -1}:${view.question?.number ?? 0}`;
}
