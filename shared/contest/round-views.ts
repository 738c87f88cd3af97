// What every page sees of the round in play: where it sits in the contest, plus its kind's own
// rules (points, timers, a buzz's false-start penalty, the order of turns), tagged by `kind`.
// Each kind says what of its rules a page shows through its `roundView` hook (KINDS).
import type { JudgedSettings } from './judging-types.js';
import type { FalseStartPenalty, RoundKind, SeatId } from './types.js';

/** Where the round sits in the contest, whatever its kind. */
export interface RoundPlaceView {
  /** Flat index over the contest's rounds, and how many there are. */
  index: number;
  count: number;
  /** 1-based number of this round within its stage, and how many rounds the stage has. */
  numberInStage: number;
  roundsInStage: number;
  stageName: string;
  stageNumber: number;
  stageCount: number;
  name: string;
  questionCount: number;
}

/** Points and answer time: every round that asks bank questions and rules them. */
export interface ScoredRoundRules {
  rightPoints: number;
  wrongPoints: number;
  answerTimeMs: number;
}

export interface BuzzInRoundRules extends ScoredRoundRules {
  kind: 'buzz-in';
  buzzWindowMs: number;
  falseStart: FalseStartPenalty;
  /** RK9: wrong or timeout loses the question's stake; absent: `wrongPoints` as usual. */
  risk?: true;
}

export interface InTurnRoundRules extends ScoredRoundRules {
  kind: 'in-turn';
  /** The order seats answer in (T1). */
  order: SeatId[];
}

export interface AllAtOnceRoundRules extends ScoredRoundRules {
  kind: 'all-at-once';
  partialCredit: boolean;
  partialPoints: number;
}

/** 评委打分: the order seats are called in (`judging.order`), timers, scale, criteria, aggregate (J1-J6). */
export interface JudgedRoundRules {
  kind: 'judged';
  judging: JudgedSettings;
}

/** 风险题: the stakes a seat picks from, whether it may pass, the answer time, the order (RK1-RK4). */
export interface RiskRoundRules {
  kind: 'risk';
  stakes: number[];
  allowPass: boolean;
  answerTimeMs: number;
  order: SeatId[];
}

/** A kind's own rules as pages show them; a new kind adds its member here. */
export type RoundRulesView = BuzzInRoundRules | InTurnRoundRules | AllAtOnceRoundRules | JudgedRoundRules | RiskRoundRules;
export type RoundRulesViewOf<K extends RoundKind> = Extract<RoundRulesView, { kind: K }>;

/** The round in play as every page sees it. */
export type RoundView = { [K in RoundKind]: RoundPlaceView & RoundRulesViewOf<K> }[RoundKind];
