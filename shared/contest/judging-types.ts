// The judged stages of a final (悟思想, 述行动): a panel of judges scores each seat in turn, and the
// seat's result is an aggregate of their scores (RULES.md J). Plain serialisable values, like types.ts.
/** A seat's id, as types.ts names it; not imported from there, since types.ts imports this file. */
type SeatId = string;

export type JudgeId = string;

/** A member of the judging panel (评委), as the contest file names them. */
export interface Judge {
  id: JudgeId;
  name: string;
  /** e.g. 省委党校教授: shown on the judge card and the host console, optional. */
  title?: string;
  unit?: string;
}

/** One scored criterion (e.g. 内容 40): a judge's parts add up to the score. */
export interface Criterion {
  name: string;
  max: number;
}

/** How the panel's scores become the seat's result (J3). `trimmed-mean` drops one highest and
 * one lowest (去掉一个最高分和一个最低分). */
export type Aggregate = 'trimmed-mean' | 'mean' | 'sum';

/** An overtime deduction (J6): `points` off for each started `perMs` past the speaking time. */
export interface OvertimeDeduction {
  perMs: number;
  points: number;
}

/** What a judged round calls each seat to do: answer an open question drawn for it (悟思想), or
 * speak on its own title from the contest file (述行动). */
export type JudgedPrompt = 'question' | 'title';

/** The settings of a judged round; the round type itself (`kind: 'judged'`) is in types.ts. */
export interface JudgedSettings {
  prompt: JudgedPrompt;
  /** The order seats are called in: the contest file's, or drawn by lot (抽签) with the contest's
   * seed when the contest is defined, and recorded in `order` either way. */
  orderBy: 'file' | 'lot';
  order: SeatId[];
  /** Preparation before the speaking timer starts (0: none). */
  prepareMs: number;
  speakMs: number;
  /** The timer warns (and chimes) when this much speaking time is left (0: no warning). */
  warnAtMs: number;
  overtime: OvertimeDeduction | null;
  /** The range and step of one judge's score; with criteria, the sum of their maxima is `max`. */
  scale: { min: number; max: number; step: number };
  criteria: Criterion[];
  aggregate: Aggregate;
  /** Decimals the result is rounded to (half up). */
  decimals: number;
}

/** A judge's score for the seat now called. `parts` follow the round's criteria. */
export interface JudgeScore {
  value: number;
  parts?: number[];
  at: number;
  /** Entered by the host from the judge's paper sheet (代录), not by the judge. */
  byHost?: boolean;
  /** How many times the judge changed it before scoring closed (J2). */
  changes: number;
}

export type JudgedPhase = 'called' | 'preparing' | 'speaking' | 'scoring' | 'closed' | 'revealed';

/** The outcome of one seat's turn, fixed at the reveal (J4). */
export interface JudgedResult {
  /** Every counting judge's score, and which were dropped by the trimmed mean. */
  counted: JudgeId[];
  dropped: JudgeId[];
  /** The aggregate before deductions, rounded. */
  aggregate: number;
  overtimeMs: number;
  deduction: number;
  /** What enters the stage total: aggregate minus deduction, rounded. */
  points: number;
}

/** The state of one seat's turn in a judged round (the round's "question" at `index`). */
export interface JudgedTurn {
  kind: 'judged';
  index: number;
  seatId: SeatId;
  phase: JudgedPhase;
  /** Preparation ends (phase `preparing`). */
  prepareDeadline: number | null;
  /** Speaking started, and its time is up at `speakDeadline`; overtime counts from there. */
  speakingFrom: number | null;
  speakDeadline: number | null;
  /** When the host stopped the speaking timer. */
  speakingUntil: number | null;
  scores: Record<JudgeId, JudgeScore>;
  /** Judges not scoring this seat (回避, absent), with the host's reason (J5). */
  excluded: Record<JudgeId, string>;
  result: JudgedResult | null;
}

/** A judge as every page may show them (no secret, no code). */
export type JudgeView = Judge;

/** What a page sees of the seat's turn in a judged round (the `judged` member of the question
 * view). Values stay hidden until the reveal: before it, the host learns only who has scored, and
 * a judge only its own score (J7). */
export interface JudgedTurnView {
  kind: 'judged';
  /** 1-based turn number, and how many seats the round calls. */
  number: number;
  total: number;
  seatId: SeatId;
  prompt: JudgedPrompt;
  /** The drawn question's stem (reflection) or the seat's own title (action). */
  topic: string;
  phase: JudgedPhase;
  prepareDeadline: number | null;
  speakingFrom: number | null;
  speakDeadline: number | null;
  speakingUntil: number | null;
  speakMs: number;
  warnAtMs: number;
  overtime: OvertimeDeduction | null;
  scale: { min: number; max: number; step: number };
  criteria: Criterion[];
  aggregate: Aggregate;
  decimals: number;
  /** Host: judges who have scored (not what), those scored by the host from paper, and the
   * excluded with reasons. Other roles get empty lists. */
  scored: JudgeId[];
  byHost: JudgeId[];
  excluded: Record<JudgeId, string>;
  /** A judge's own page: its own score for this seat, or null. */
  myScore: JudgeScore | null;
  /** Once revealed, for every role: each counting judge's score and the result (J4). */
  revealed: { scores: Record<JudgeId, number>; result: JudgedResult } | null;
}
