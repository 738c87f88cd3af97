// The overlay's other moments, decided from the view without a DOM: a judged turn (评委打分) and
// the award ceremony (颁奖), as far as the big screen has shown them; the overlay's sight is the
// hall's (ONLINE), so no judge's value comes before the reveal and no prize before its step.
import type { JudgedTurnView, JudgeView } from '../../shared/contest/judging-types.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { SeatId } from '../../shared/contest/types.js';
import type { Message } from '../lib/contest-display.js';
import { seatName } from '../lib/contest-display.js';
import { sceneAt } from '../lib/award-display.js';
import { scoringProgress } from '../lib/judged-display.js';
import { formatFixed } from '../lib/ranking-display.js';

/** A seat's turn in a judged round, while the round is on (none on its title card or after). */
export function judgedTurn(view: Pick<ContestView, 'stage' | 'question'>): JudgedTurnView | null {
  const q = view.question;
  return view.stage === 'round' && q?.kind === 'judged' ? q : null;
}

/** Where the turn is, in the hall's words: called, preparing, speaking, the panel's count while
 * it scores (评委评分中 5/7, never a value), then the result's label once revealed. */
export function judgedStatus(turn: Pick<JudgedTurnView, 'phase' | 'scored' | 'excluded'>, judges: readonly JudgeView[]): Message {
  if (turn.phase === 'scoring' || turn.phase === 'closed') {
    const { scored, counting } = scoringProgress(turn, judges);
    return scored === counting ? { key: 'judging.allScored' } : { key: 'judging.scoringCount', params: { n: scored, total: counting } };
  }
  if (turn.phase === 'revealed') return { key: 'judging.final' };
  return { key: `judging.phase.${turn.phase}` };
}

/** The award ceremony once the host has begun it on the big screen (AW5); null before, so the
 * overlay shows the final standings until then. */
export function ceremonyOf(view: Pick<ContestView, 'stage' | 'awards'>): NonNullable<ContestView['awards']> | null {
  const awards = view.awards;
  return view.stage === 'finished' && awards && awards.step >= 0 ? awards : null;
}

export interface PrizeWinner {
  seatId: SeatId;
  name: string;
  /** The weighted total the prize was given on, with the contest's decimals (absent: not ranked). */
  total: string | null;
}

export interface PrizeTier {
  name: string;
  winners: PrizeWinner[];
}

/** What the award plate shows now: the ceremony's title, the tier just revealed, or every tier
 * from the first (the podium); only tiers the screen has revealed carry seats (AW7). */
export type AwardMoment = { kind: 'title' } | { kind: 'tier'; tier: PrizeTier } | { kind: 'podium'; tiers: PrizeTier[] };

/** The award plate's moment, following the big screen's step. */
export function awardMoment(view: Pick<ContestView, 'seats' | 'standings' | 'decimals'>, awards: NonNullable<ContestView['awards']>): AwardMoment {
  const totals = new Map(view.standings.map((s) => [s.seatId, formatFixed(s.weighted, view.decimals)]));
  const tierAt = (i: number): PrizeTier => ({
    name: awards.tiers[i].name,
    winners: awards.tiers[i].seats.map((seatId) => ({ seatId, name: seatName(view, seatId), total: totals.get(seatId) ?? null })),
  });
  const scene = sceneAt(awards.step, awards.tiers.length);
  if (scene.kind === 'tier') return { kind: 'tier', tier: tierAt(scene.tier) };
  if (scene.kind === 'podium') return { kind: 'podium', tiers: awards.tiers.map((_, i) => tierAt(i)) };
  return { kind: 'title' };
}

/** The award plate's columns for `seats` names: one for a single winner; two up to eight, so a
 * fourteen-character unit name keeps one line; three for a tier of many. */
export function prizeColumns(seats: number): number {
  return seats <= 1 ? 1 : seats <= 8 ? 2 : 3;
}
