// One way to rebuild a contest from its log, for the room, the exports and archive restore:
// a refused command is reported, never skipped in silence, since a stored log that no longer
// replays as it was played is a real problem for whoever reads the result.
import { apply, initialState } from './engine.js';
import type { ApplyResult, Command, CommandError } from './commands.js';
import type { ContestDefinition, ContestState } from './types.js';

/** The rules a new contest is played under. 2: fair buzzing with a credit and a tie rule;
 * 1: the margin arbiter (arbiter-v1.ts). Raise it when a rule change would replay old logs differently. */
export const CURRENT_RULES_VERSION = 2;

/** The rules a contest was played under: one stored before versions were recorded was played under 1. */
export function rulesVersionOf(definition: ContestDefinition): number {
  return definition.rulesVersion ?? 1;
}

/** A logged command the engine refused on replay: where it is in the log, what it was, and why. */
export interface RefusedCommand {
  /** Zero-based position in the log. */
  index: number;
  type: Command['type'];
  error: CommandError;
}

/** One accepted command, as the hook sees it: the state it left and the engine's answer. */
export interface ReplayStep {
  index: number;
  command: Command;
  result: Extract<ApplyResult<ContestState>, { ok: true }>;
}

export interface Replay {
  state: ContestState;
  refused: RefusedCommand[];
}

/** Applies the logged commands in order from the definition's start; `onAccepted` sees every
 * accepted command's state, refused ones are listed and leave the state as it was. */
export function replay(definition: ContestDefinition, commands: readonly Command[], onAccepted?: (step: ReplayStep) => void): Replay {
  let state = initialState(definition);
  const refused: RefusedCommand[] = [];
  commands.forEach((command, index) => {
    const result = apply(state, command);
    if (!result.ok) {
      refused.push({ index, type: command.type, error: result.error });
      return;
    }
    state = result.state;
    onAccepted?.({ index, command, result });
  });
  return { state, refused };
}
