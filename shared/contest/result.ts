// The shape every rule returns: a new state and its events, or a refusal code.
import type { ApplyResult, CommandError, ContestEvent } from './commands.js';
import type { ContestState, QuestionState } from './types.js';

export type Result = ApplyResult<ContestState>;

export const refuse = (error: CommandError): Result => ({ ok: false, error });
export const accept = (state: ContestState, events: ContestEvent[] = []): Result => ({ ok: true, state, events });

export function withQuestion(state: ContestState, question: QuestionState): ContestState {
  return { ...state, question };
}

/** Whether `seatId` is one of the contest's seats (an own key: never `constructor` or `__proto__`). */
export function isSeat(state: ContestState, seatId: string): boolean {
  return Object.hasOwn(state.scores, seatId);
}

/** How many phones a seat may have (S1): a phone's share of the seat's limits depends on it. */
export function seatPhones(state: ContestState, seatId: string): number {
  return state.definition.seats.find((s) => s.id === seatId)?.phones ?? 1;
}
