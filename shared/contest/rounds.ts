// Finding rounds: a contest's stages hold rounds; the engine walks them as one flat list.
import type { ContestDefinition, ContestState, Round, Stage } from './types.js';

export interface RoundPlace {
  round: Round;
  stage: Stage;
  stageIndex: number;
  /** Index within its stage. */
  roundInStage: number;
}

/** Worked out once per definition (which is never changed in place): every view and every
 * command asks for it. */
const flattened = new WeakMap<ContestDefinition, readonly RoundPlace[]>();

/** Every round of the contest in the order it is played. */
export function flatRounds(definition: ContestDefinition): readonly RoundPlace[] {
  let places = flattened.get(definition);
  if (!places) {
    places = definition.stages.flatMap((stage, stageIndex) => stage.rounds.map((round, roundInStage) => ({ round, stage, stageIndex, roundInStage })));
    flattened.set(definition, places);
  }
  return places;
}

export function roundAt(definition: ContestDefinition, index: number): RoundPlace | null {
  return flatRounds(definition)[index] ?? null;
}

export function currentRound(state: ContestState): Round | null {
  return state.roundIndex < 0 ? null : (roundAt(state.definition, state.roundIndex)?.round ?? null);
}

/** Replaces one round, leaving every other part of the definition shared. */
export function replaceRound(definition: ContestDefinition, index: number, round: Round): ContestDefinition {
  let flat = 0;
  return {
    ...definition,
    stages: definition.stages.map((stage) => ({
      ...stage,
      rounds: stage.rounds.map((r) => (flat++ === index ? round : r)),
    })),
  };
}
