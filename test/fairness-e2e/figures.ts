// What the end-to-end races say, as the bench lines: accuracy of our arbiter and of
// plain arrival order on the same races, announcement delay, each cheater's gain and steals,
// the lobby's link check, and the credit sweep. Pure: session records in, figures out.
import { percentile, type BenchResult } from '../bench/stats.js';
import type { PressRecord, RaceRecord, SessionRecord } from './session.js';

/** A steal: the cheater won a race it was behind in by at least this much. */
export const STEAL_GAP_MS = 50;
/** An uneven phone costs another a race if that phone was ahead by more than this. */
export const UNEVEN_COST_GAP_MS = 20;

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const rate = (hits: number, of: number) => (of === 0 ? 'n/a' : round(hits / of, 4));
const p = (samples: number[], q: number) => (samples.length ? round(percentile([...samples].sort((a, b) => a - b), q), 1) : 'n/a');

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Each race with the session it ran in. */
interface Run {
  session: SessionRecord;
  race: RaceRecord;
}

const runs = (sessions: SessionRecord[]): Run[] => sessions.flatMap((session) => session.races.map((race) => ({ session, race })));

/** Our arbiter gave the buzz to the first true press, in time. */
export const isRight = (race: RaceRecord) => !race.stuck && race.winner === race.trueFirst;
/** Plain arrival order would have. */
export const arrivalRight = (race: RaceRecord) => race.arrivalWinner === race.trueFirst;

/** How much earlier a press was judged than it was made: a cheater's gain. */
export const gainMs = (press: PressRecord) => (press.logged ? press.trueAt - press.logged.judgedAt : null);

/** The cheater won a race it was behind in by STEAL_GAP_MS or more (by its drawn touch: a
 * reactive cheater pressing early on news it was sent still lost that race). */
export function isSteal(race: RaceRecord): boolean {
  const cheater = race.presses.find((x) => x.cheat !== 'honest');
  if (!cheater || race.winner !== cheater.seatId || race.trueFirst === cheater.seatId) return false;
  const rivalFirst = Math.min(...race.presses.filter((x) => x !== cheater).map((x) => x.trueAt));
  return cheater.plannedAt - rivalFirst >= STEAL_GAP_MS;
}

/** Races the cheater could steal: it was behind by STEAL_GAP_MS or more. */
function stealable(race: RaceRecord): boolean {
  const cheater = race.presses.find((x) => x.cheat !== 'honest');
  if (!cheater) return false;
  const rivalFirst = Math.min(...race.presses.filter((x) => x !== cheater).map((x) => x.trueAt));
  return cheater.plannedAt - rivalFirst >= STEAL_GAP_MS;
}

/** The uneven phone won a race another phone was ahead in by more than UNEVEN_COST_GAP_MS. */
export function unevenCost(session: SessionRecord, race: RaceRecord): boolean {
  const uneven = session.checks.find((c) => c.impaired)?.seatId;
  if (!uneven || race.winner !== uneven || race.trueFirst === uneven) return false;
  const unevenAt = race.presses.find((x) => x.seatId === uneven)?.trueAt ?? Infinity;
  const firstAt = race.presses.find((x) => x.seatId === race.trueFirst)?.trueAt ?? Infinity;
  return unevenAt - firstAt > UNEVEN_COST_GAP_MS;
}

/** `fairness-e2e` and `fairness-e2e-announce` lines from honest sessions. */
export function accuracyLines(setting: string, sessions: SessionRecord[]): BenchResult[] {
  const out: BenchResult[] = [];
  const all = runs(sessions.filter((s) => s.plan.cheat === 'honest'));
  for (const [, group] of groupBy(all, ({ session, race }) => `${session.plan.profile}/${session.plan.phones}/${race.gapMs}`)) {
    const { profile, phones } = group[0].session.plan;
    const races = group.map((r) => r.race);
    const base = { setting, profile, phones, min_gap_ms: group[0].race.gapMs };
    out.push({ name: 'fairness-e2e', ...base, arbiter: 'qiangda', races: races.length, accuracy: rate(races.filter(isRight).length, races.length) });
    out.push({ name: 'fairness-e2e', ...base, arbiter: 'arrival', races: races.length, accuracy: rate(races.filter(arrivalRight).length, races.length) });
  }
  for (const [profile, group] of groupBy(all, ({ session }) => session.plan.profile)) {
    const delays = group.flatMap(({ race }) => (race.announceMs === null ? [] : [race.announceMs]));
    const stuck = group.filter(({ race }) => race.stuck).length;
    out.push({ name: 'fairness-e2e-announce', setting, profile, p50_ms: p(delays, 50), p99_ms: p(delays, 99), ...(stuck && { stuck }) });
    // How far honest stamps are from the true press: the clock sync through the proxy.
    const syncErrors = group.flatMap(({ race }) => race.presses.flatMap((x) => (x.cheat === 'honest' && x.sentClaim !== null ? [Math.abs(x.sentClaim - x.trueAt)] : [])));
    out.push({ name: 'fairness-e2e-sync', setting, profile, p50_ms: p(syncErrors, 50), p99_ms: p(syncErrors, 99) });
    const leads = group.flatMap(({ race }) => leadCheck(race) ?? []);
    out.push({ name: 'fairness-e2e-lead', setting, profile, leads: leads.length, honest_rate: rate(leads.filter(Boolean).length, leads.length) });
    const unevenRuns = group.filter(({ session }) => session.plan.profile === 'uneven');
    if (unevenRuns.length) {
      const cost = unevenRuns.filter(({ session, race }) => unevenCost(session, race)).length;
      out.push({ name: 'fairness-e2e-uneven', setting, profile, races: unevenRuns.length, costs_over_20ms: cost });
    }
  }
  return out;
}

/** Whether the lead the screen showed (领先 x 秒) holds the true lead within its stated error;
 * null when no lead was shown. The runner-up is the next press by judged time, as the arbiter's. */
export function leadCheck(race: RaceRecord): boolean | null {
  if (race.leadMs === null || race.leadErrorMs === null || !race.winner) return null;
  const decided = race.presses.filter((x) => x.logged?.decision === 'won' || x.logged?.decision === 'beaten');
  const winner = decided.find((x) => x.seatId === race.winner);
  const runnerUp = decided.filter((x) => x !== winner).sort((a, b) => (a.logged?.judgedAt ?? 0) - (b.logged?.judgedAt ?? 0))[0];
  if (!winner || !runnerUp) return null;
  return Math.abs(race.leadMs - (runnerUp.trueAt - winner.trueAt)) <= race.leadErrorMs;
}

/** `fairness-e2e-cheat` lines: per profile and cheater, the cheater's gain and steals. */
export function cheatLines(setting: string, sessions: SessionRecord[]): BenchResult[] {
  const out: BenchResult[] = [];
  for (const [, group] of groupBy(sessions.filter((s) => s.plan.cheat !== 'honest'), (s) => `${s.plan.profile}/${s.plan.cheat}`)) {
    const races = group.flatMap((s) => s.races);
    const gains = cheatGains(races);
    const behind = races.filter(stealable);
    out.push({
      name: 'fairness-e2e-cheat',
      setting,
      profile: group[0].plan.profile,
      cheater: group[0].plan.cheat,
      gain_p99_ms: p(gains, 99),
      steal_rate_50ms: rate(behind.filter(isSteal).length, behind.length),
    });
  }
  return out;
}

/** Every logged cheater press's gain over its true press time. */
export function cheatGains(races: RaceRecord[]): number[] {
  return races.flatMap((race) => race.presses.filter((x) => x.cheat !== 'honest').flatMap((x) => gainMs(x) ?? []));
}

/** `fairness-e2e-link-check`: per profile, how often the lobby flagged every impaired phone of a
 * session, and how often it flagged a phone whose link was fine. */
export function linkCheckLines(sessions: SessionRecord[]): BenchResult[] {
  const out: BenchResult[] = [];
  for (const [profile, group] of groupBy(sessions.filter((s) => s.plan.cheat === 'honest'), (s) => s.plan.profile)) {
    const withImpaired = group.filter((s) => s.checks.some((c) => c.impaired));
    const flagged = withImpaired.filter((s) => s.checks.every((c) => !c.impaired || c.warning !== null)).length;
    const fine = group.flatMap((s) => s.checks.filter((c) => !c.impaired));
    out.push({
      name: 'fairness-e2e-link-check',
      profile,
      flagged_rate: rate(flagged, withImpaired.length),
      false_flag_rate: rate(fine.filter((c) => c.warning !== null).length, fine.length),
    });
  }
  return out;
}

/** One `fairness-e2e-credit` line: honest accuracy at 20 and 50 ms and the worst cheater's gain p99. */
export function creditLine(maxCreditMs: number, profile: string, sessions: SessionRecord[]): BenchResult {
  const honest = sessions.filter((s) => s.plan.cheat === 'honest').flatMap((s) => s.races);
  const at = (gap: number) => {
    const races = honest.filter((r) => r.gapMs === gap);
    return rate(races.filter(isRight).length, races.length);
  };
  const byCheater = groupBy(sessions.filter((s) => s.plan.cheat !== 'honest'), (s) => s.plan.cheat);
  const worst = Math.max(...[...byCheater.values()].map((g) => {
    const gains = cheatGains(g.flatMap((s) => s.races));
    return gains.length ? percentile([...gains].sort((a, b) => a - b), 99) : -Infinity;
  }));
  return {
    name: 'fairness-e2e-credit',
    max_credit_ms: maxCreditMs,
    profile,
    accuracy_20ms: at(20),
    accuracy_50ms: at(50),
    cheat_gain_p99_ms: Number.isFinite(worst) ? round(worst, 1) : 'n/a',
  };
}
