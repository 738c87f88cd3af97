// What the end-to-end benchmark runs: the settings (a setting is just a Fairness object), the
// profiles and phone counts, how many sessions of how many races, and the credit sweep. One
// `scale` shrinks it all for CI and the suite.
import { DEFAULT_FAIRNESS, LENIENT_FAIRNESS, type Fairness } from '../../shared/contest/arbiter.js';
import { PROFILE_NAMES, type ProfileName } from './links.js';
import { CHEATERS, type Cheat } from './phone.js';
import type { SessionPlan } from './session.js';

export const SETTINGS: Record<'default' | 'lenient', Fairness> = {
  default: DEFAULT_FAIRNESS,
  lenient: LENIENT_FAIRNESS,
};

/** The sweep's values of the credit a claimed press time may earn. */
export const CREDIT_SWEEP_MS = [15, 30, 45, 60, 100, 250];

/** The default setting with another credit cap: one point of the sweep. */
export function withCredit(maxCreditMs: number): Fairness {
  return { ...DEFAULT_FAIRNESS, maxCreditMs };
}

export const RACES_PER_SESSION = 40;
export const PHONE_COUNTS = [2, 4];
export const CHEAT_PROFILES: ProfileName[] = ['good-wifi', 'power-save', 'congested'];

/** Sessions per group at full size; `scale` multiplies them (at least one each). Two-phone
 * races, where the bars are, get most of them. */
const FULL = { honest: { 2: 30, 4: 10 } as Record<number, number>, cheat: 4, sweepHonest: 6, sweepCheat: 2, focus: 40 };

/** The bar at 20 ms on good Wi-Fi is 99.5% and above arrival order, which is itself right 99%+ of
 * the time there: telling the two apart takes more races than the other gaps need. */
const FOCUS = { profile: 'good-wifi' as ProfileName, phones: 2, gaps: [20] };

const sessions = (n: number, scale: number) => Math.max(1, Math.round(n * scale));

function plans(base: Omit<SessionPlan, 'seed'>, count: number, seed: string): SessionPlan[] {
  return Array.from({ length: count }, (_, i) => ({ ...base, seed: `${seed}/${i}` }));
}

/** Honest sessions for every profile and phone count, and one-cheater sessions, at a setting. */
export function settingPlans(setting: keyof typeof SETTINGS, scale: number, races = RACES_PER_SESSION): SessionPlan[] {
  const fairness = SETTINGS[setting];
  const out: SessionPlan[] = [];
  for (const profile of PROFILE_NAMES) {
    for (const phones of PHONE_COUNTS) {
      out.push(...plans({ profile, phones, fairness, cheat: 'honest', races }, sessions(FULL.honest[phones], scale), `e2e/${setting}/${profile}/${phones}`));
    }
  }
  out.push(...plans({ ...FOCUS, fairness, cheat: 'honest', races }, sessions(FULL.focus, scale), `e2e/${setting}/focus`));
  for (const profile of CHEAT_PROFILES) {
    for (const cheat of CHEATERS) {
      out.push(...plans({ profile, phones: 2, fairness, cheat, races }, sessions(FULL.cheat, scale), `e2e/${setting}/${profile}/${cheat}`));
    }
  }
  return out;
}

/** One point of the credit sweep for one profile: honest races at 20 and 50 ms, and each cheater. */
export function creditPlans(maxCreditMs: number, profile: ProfileName, scale: number, races = RACES_PER_SESSION): SessionPlan[] {
  const fairness = withCredit(maxCreditMs);
  const seed = `credit/${maxCreditMs}/${profile}`;
  const honest = plans({ profile, phones: 2, fairness, cheat: 'honest', races, gaps: [20, 50] }, sessions(FULL.sweepHonest, scale), `${seed}/honest`);
  const cheats = CHEATERS.flatMap((cheat: Cheat) => plans({ profile, phones: 2, fairness, cheat, races }, sessions(FULL.sweepCheat, scale), `${seed}/${cheat}`));
  return [...honest, ...cheats];
}
