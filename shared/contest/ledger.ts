// Score changes. Every change to a score goes through `addEntry`, so the ledger and the
// scores can never disagree, and every change is on the record.
import type { ContestState, ScoreEntry } from './types.js';

type NewEntry = Omit<ScoreEntry, 'seq'>;

/** Appends one score change and applies it to the seat's total. */
export function addEntry(state: ContestState, entry: NewEntry): { state: ContestState; seq: number } {
  const seq = state.ledger.length + 1;
  return {
    seq,
    state: {
      ...state,
      ledger: [...state.ledger, { seq, ...entry }],
      scores: { ...state.scores, [entry.seatId]: (state.scores[entry.seatId] ?? 0) + entry.delta },
    },
  };
}

/** Marks a ruling as reversed, so the record shows it struck through rather than erased. */
export function markUndone(state: ContestState, seq: number): ContestState {
  return {
    ...state,
    ledger: state.ledger.map((e) => (e.seq === seq ? { ...e, undone: true } : e)),
  };
}

/** 1-based number of the current question, for the record. */
export function questionNumber(state: ContestState): number | null {
  return state.question ? state.question.index + 1 : null;
}
