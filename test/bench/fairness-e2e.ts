// Fair buzzing measured end to end (issue 11): real sockets through the latency proxy, phones
// running the page's clock sync, at the default and lenient settings and across a sweep of the
// credit cap. `FAIRNESS_E2E_SCALE=0.1 npm run bench -- fairness-e2e` runs a tenth of it.
import { accuracyLines, cheatLines, creditLine, linkCheckLines } from '../fairness-e2e/figures.js';
import { PROFILE_NAMES } from '../fairness-e2e/links.js';
import { CREDIT_SWEEP_MS, SETTINGS, creditPlans, settingPlans } from '../fairness-e2e/plan.js';
import { runSession, type SessionPlan, type SessionRecord } from '../fairness-e2e/session.js';
import type { BenchResult } from './stats.js';

/** Full size unless FAIRNESS_E2E_SCALE says otherwise (e.g. 0.1 for CI). */
export function fairnessScale(): number {
  const scale = Number(process.env.FAIRNESS_E2E_SCALE ?? 1);
  if (!(scale > 0)) throw new Error(`FAIRNESS_E2E_SCALE must be a positive number, not ${process.env.FAIRNESS_E2E_SCALE}`);
  return scale;
}

async function runAll(plans: SessionPlan[], label: string): Promise<SessionRecord[]> {
  const out: SessionRecord[] = [];
  for (const plan of plans) out.push(await runSession(plan));
  process.stderr.write(`fairness-e2e: ${label}: ${out.reduce((n, s) => n + s.races.length, 0)} races\n`);
  return out;
}

/** Every fairness-e2e line: both settings, the link check, the credit sweep, and the run's size. */
export async function fairnessE2e(): Promise<BenchResult[]> {
  const scale = fairnessScale();
  const started = Date.now();
  const results: BenchResult[] = [];
  const checked: SessionRecord[] = [];
  for (const setting of Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]) {
    const sessions = await runAll(settingPlans(setting, scale), setting);
    checked.push(...sessions);
    results.push(...accuracyLines(setting, sessions), ...cheatLines(setting, sessions));
  }
  results.push(...linkCheckLines(checked));
  for (const credit of CREDIT_SWEEP_MS) {
    for (const profile of PROFILE_NAMES) results.push(creditLine(credit, profile, await runAll(creditPlans(credit, profile, scale), `credit ${credit} ms ${profile}`)));
  }
  const races = checked.reduce((n, s) => n + s.races.length, 0);
  results.push({ name: 'fairness-e2e-run', scale, races_at_settings: races, seconds: Math.round((Date.now() - started) / 1000) });
  return results;
}
