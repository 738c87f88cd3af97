// How the pages put a judged turn into words and numbers (RULES.md J): each judge's line on the
// host console and in the reveal, the highest and lowest dropped, the panel's result. Plain
// functions over the turn's view, so the console, the screen and the judges' pages agree.
import type { JudgedTurnView, JudgeId, JudgeView } from '../../shared/contest/judging-types.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { MessageKey } from '../../shared/i18n/index.js';

/** The seat's turn in play, when the round is a judged one (the judged member of the question view). */
export function judgedTurnOf(view: Pick<ContestView, 'question'> | null | undefined): JudgedTurnView | null {
  const q = view?.question;
  return q?.kind === 'judged' ? q : null;
}

/** Scores are taken while the seat speaks and while the panel scores (J2). */
export function takesScores(phase: JudgedTurnView['phase']): boolean {
  return phase === 'speaking' || phase === 'scoring';
}

/** Where one judge stands on the seat now called, as the host may know it (J5, J7). */
export type JudgeStatus = 'waiting' | 'scored' | 'by-host' | 'excluded';

/** One judge's state for this turn: never a value before the reveal. */
export function judgeStatus(turn: Pick<JudgedTurnView, 'scored' | 'byHost' | 'excluded'>, judgeId: JudgeId): JudgeStatus {
  if (judgeId in turn.excluded) return 'excluded';
  if (turn.byHost.includes(judgeId)) return 'by-host';
  if (turn.scored.includes(judgeId)) return 'scored';
  return 'waiting';
}

/** How many of the counting judges (not excluded) have scored: "评委评分中 5/7". */
export function scoringProgress(turn: Pick<JudgedTurnView, 'scored' | 'excluded'>, judges: readonly JudgeView[]): { scored: number; counting: number } {
  const counting = judges.filter((j) => !(j.id in turn.excluded));
  return { scored: counting.filter((j) => turn.scored.includes(j.id)).length, counting: counting.length };
}

/** Whether every counting judge has scored: scoring may be closed (J4). */
export function everyoneScored(turn: Pick<JudgedTurnView, 'scored' | 'excluded'>, judges: readonly JudgeView[]): boolean {
  const { scored, counting } = scoringProgress(turn, judges);
  return counting > 0 && scored === counting;
}

/** A judge's score in the reveal: dropped as the highest or lowest, or not counted (回避). */
export type RevealMark = 'high' | 'low' | 'excluded' | null;

export interface RevealRow {
  judgeId: JudgeId;
  /** 1-based place on the panel, for 评委一, 评委二... */
  n: number;
  name: string;
  value: number | null;
  mark: RevealMark;
}

/** Every judge of the panel, in panel order, with their revealed score and what was dropped.
 * Of the two dropped scores the higher is the highest; equal values keep the engine's order. */
export function revealRows(judges: readonly JudgeView[], turn: Pick<JudgedTurnView, 'revealed'>): RevealRow[] {
  const revealed = turn.revealed;
  if (!revealed) return [];
  const dropped = revealed.result.dropped.filter((id) => id in revealed.scores);
  const byValue = [...dropped].sort((a, b) => revealed.scores[b] - revealed.scores[a]);
  const high = byValue.length > 0 ? byValue[0] : null;
  const low = byValue.length > 1 ? byValue[byValue.length - 1] : null;
  return judges.map((judge, i) => {
    const value = judge.id in revealed.scores ? revealed.scores[judge.id] : null;
    // A judge without a revealed score did not count (回避, absent), whether or not this page was
    // told why.
    const mark: RevealMark = judge.id === high ? 'high' : judge.id === low ? 'low' : value === null ? 'excluded' : null;
    return { judgeId: judge.id, n: i + 1, name: judge.name, value, mark };
  });
}

/** The words before the aggregate: 去掉最高最低后平均, 平均分, or 总分. With fewer than three
 * counting judges a trimmed mean drops none and is a plain mean. */
export function aggregateLabel(turn: Pick<JudgedTurnView, 'aggregate' | 'revealed'>): MessageKey {
  if (turn.aggregate === 'sum') return 'judging.aggregate.sum';
  if (turn.aggregate === 'trimmed-mean' && (turn.revealed?.result.dropped.length ?? 0) > 0) return 'judging.aggregate.trimmed';
  return 'judging.aggregate.mean';
}

/** A result as the round rounds it: always `decimals` places (86.25, 86.30), so the hall can
 * compare two seats' results digit by digit. */
export function formatResult(value: number, decimals: number): string {
  const text = value.toFixed(Math.max(0, decimals));
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

/** A judge's score as entered: 87.5, 90 (no trailing zeros: it is what the judge typed). */
export function formatJudgeScore(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
