// Score changes. Every change to a score goes through `addEntry`, so the ledger and the
// scores can never disagree, and every change is on the record. Deductions are written
// `0 - points`, never `-points`: -0 would print as "-0" and fail equality with 0.
import type { ContestState, ScoreEntry } from './types.js';

type NewEntry = Omit<ScoreEntry, 'seq' | 'round' | 'questionNumber'> & Partial<Pick<ScoreEntry, 'round' | 'questionNumber'>>;

/** Appends one score change (to the current round and question unless told otherwise). */
export function addEntry(state: ContestState, entry: NewEntry): { state: ContestState; seq: number } {
  const seq = state.ledger.length + 1;
  const full: ScoreEntry = {
    seq,
    round: state.roundIndex >= 0 ? state.roundIndex : null,
    questionNumber: state.question ? state.question.index + 1 : null,
    ...entry,
  };
  return {
    seq,
    state: {
      ...state,
      ledger: [...state.ledger, full],
      scores: { ...state.scores, [entry.seatId]: addPoints(state.scores[entry.seatId] ?? 0, entry.delta) },
    },
  };
}

/** Adds points that may carry decimals (a judged result, J3: 87.67) without binary float dust:
 * 0.1 + 0.2 is 0.3 on a scoreboard. No score has more than six decimals. */
export function addPoints(a: number, b: number): number {
  return Math.round((a + b) * 1e6) / 1e6 + 0;
}

/** Marks a ruling as reversed, so the record shows it struck through rather than erased. */
export function markUndone(state: ContestState, seq: number): ContestState {
  return { ...state, ledger: state.ledger.map((e) => (e.seq === seq ? { ...e, undone: true } : e)) };
}

/** Remembers a ruling so the host can undo it (B10, T5). */
export function rememberRuling(state: ContestState, entrySeq: number, wonAt: number | null = null): ContestState {
  const questionIndex = state.question?.index ?? -1;
  return { ...state, rulings: [...state.rulings, { entrySeq, round: state.roundIndex, questionIndex, wonAt }] };
}
