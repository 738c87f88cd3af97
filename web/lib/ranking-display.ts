// How the pages show the ranking's breakdown (R1-R7): which figures a stage needs, numbers with
// the contest's decimals, shared places, and what a tie-break decided. Plain functions over the
// view, so the screen and the host console agree and tests need no DOM.
import { tieBreakWords } from '../../shared/contest/ranking-words.js';
import type { Standing } from '../../shared/contest/standings.js';
import type { StageScore, TieRecord } from '../../shared/contest/ranking-types.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { Message } from './contest-display.js';

type RankingView = Pick<ContestView, 'stages' | 'decimals'>;

/** Whether the ranking needs its breakdown: more than one stage, or a stage that is normalised
 * or weighted. One plain stage keeps the plain points (today's look). */
export function hasBreakdown(view: Pick<ContestView, 'stages'>): boolean {
  return view.stages.length > 1 || view.stages.some((s) => s.normalise !== 'none' || s.weight !== 1);
}

/** A ranking figure with the contest's decimals (R3: 87.50, not 87.5), a true minus sign when negative. */
export function formatFixed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** A raw total as it is (quiz points are whole; a judged result keeps its own decimals). */
export function formatRaw(value: number): string {
  return value < 0 ? `\u2212${Math.abs(value)}` : String(value);
}

/** One stage's figures as the hall reads them: the weighted score, and under it how it came
 * about ("35 → 70.00" for a normalised stage, the raw points for a weighted one, else nothing). */
export function stageFigures(view: RankingView, index: number, score: StageScore): { weighted: string; detail: string | null } {
  const stage = view.stages[index];
  const weighted = formatFixed(score.weighted, view.decimals);
  if (!stage || stage.normalise !== 'none') return { weighted, detail: `${formatRaw(score.raw)} \u2192 ${formatFixed(score.normalised, view.decimals)}` };
  return { weighted, detail: stage.weight === 1 ? null : formatRaw(score.raw) };
}

/** How many stages the live scoreboard shows: those played so far and the current one (the
 * stages to come are 0 for everyone, and the board beside a question has no room to spare). */
export function stagesSoFar(view: Pick<ContestView, 'stages' | 'round'>): number {
  return view.round ? Math.min(view.round.stageNumber, view.stages.length) : view.stages.length;
}

/** A stage's weight as the heading shows it: 15%. */
export function weightLabel(weight: number): string {
  return `${Math.round(weight * 10_000) / 100}%`;
}

/** R5: what set this seat apart from the seats level with it (按“述行动”得分), or null. */
export function decidedByMessage(view: Pick<ContestView, 'stages'>, standing: Standing): Message | null {
  return standing.decidedBy ? tieBreakWords(standing.decidedBy, view.stages) : null;
}

/** R7: the tie records worth showing: none before the show starts, when every seat is level on 0. */
export function shownTies(view: Pick<ContestView, 'ties' | 'stage'>): TieRecord[] {
  return view.stage === 'lobby' ? [] : view.ties;
}
