// How pages put the award ceremony into words (AW5): which step is on the big screen, what the
// next one shows, the host's keys for it. Plain functions, tested without a DOM.
import type { HostCommand } from '../../shared/contest/commands.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { Message } from './contest-display.js';

type Awards = NonNullable<ContestView['awards']>;

/** What the big screen shows at `step`: off (the final ranking), the title card, a tier (by its
 * index, 0 = highest), or the podium. */
export type AwardScene = { kind: 'off' } | { kind: 'title' } | { kind: 'tier'; tier: number } | { kind: 'podium' };

/** AW5: step k reveals the k-th lowest tier. */
export function sceneAt(step: number, tiers: number): AwardScene {
  if (step < 0) return { kind: 'off' };
  if (step === 0) return { kind: 'title' };
  if (step > tiers) return { kind: 'podium' };
  return { kind: 'tier', tier: tiers - step };
}

/** The console's line for what the screen shows at `step`. */
export function stepLabel(awards: Pick<Awards, 'tiers'>, step: number): Message {
  const scene = sceneAt(step, awards.tiers.length);
  if (scene.kind === 'tier') return { key: 'awards.step.tier', params: { tier: awards.tiers[scene.tier].name } };
  return { key: scene.kind === 'off' ? 'awards.step.off' : scene.kind === 'title' ? 'awards.step.title' : 'awards.step.podium' };
}

/** The next button's words: what one more step puts on the screen (null at the podium). */
export function nextLabel(awards: Pick<Awards, 'tiers' | 'step'>): Message | null {
  const scene = sceneAt(awards.step + 1, awards.tiers.length);
  if (awards.step > awards.tiers.length) return null;
  if (scene.kind === 'tier') return { key: 'awards.next.tier', params: { tier: awards.tiers[scene.tier].name } };
  return { key: scene.kind === 'title' ? 'awards.next.title' : 'awards.next.podium' };
}

/** AW6: which way the ceremony can move now, as the engine would take it. */
export function awardMoves(view: Pick<ContestView, 'awards' | 'allowed' | 'closed'> | null, online = true): { forward: boolean; back: boolean } {
  const awards = view?.awards;
  if (!awards || !online || view.closed || !view.allowed?.includes('awards:step')) return { forward: false, back: false };
  return { forward: awards.pending.length === 0 && awards.step <= awards.tiers.length, back: awards.step > -1 };
}

/** The step a key or button asks for: forward (A) or back (Shift+A). */
export function stepCommand(awards: Pick<Awards, 'step'>, back: boolean): HostCommand {
  return { type: 'awards:step', step: awards.step + (back ? -1 : 1) };
}

/** The ceremony's key, A (Shift+A back), by its physical key; null for anything else or while typing. */
export function awardKey(event: { code: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean; repeat: boolean; isComposing?: boolean }, typing: boolean): 'forward' | 'back' | null {
  if (event.code !== 'KeyA' || event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing || typing) return null;
  return event.shiftKey ? 'back' : 'forward';
}

/** Whether any stage is normalised (R2): only then does the breakdown's legend name a normalised
 * figure (points → normalised → weighted); a stage that is not shows points → weighted. */
export function showsNormalised(view: Pick<ContestView, 'stages'>): boolean {
  return view.stages.some((stage) => stage.normalise !== 'none');
}

/** A stage's weight as the breakdown labels it: ×15%, ×1. */
export function weightLabel(weight: number): string {
  return weight <= 1 && weight > 0 && weight !== 1 ? `×${Math.round(weight * 10_000) / 100}%` : `×${weight}`;
}

/** The podium's places, left to right: the second tier, the first in the centre, the third. */
export function podiumOrder(tiers: number): number[] {
  return [1, 0, 2].filter((tier) => tier < tiers);
}
