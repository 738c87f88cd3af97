// Issue 5's fault test: a scripted contest played by real socket clients against a server
// process killed with SIGKILL at random moments (in buzz windows, countdowns and rulings) and
// restarted on the same SQLite file. The result must equal an uninterrupted run of the same
// script, request for request, and no acknowledged request may be missing from the log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { apply, initialState } from '../../shared/contest/engine.js';
import type { Command } from '../../shared/contest/commands.js';
import { openStore } from '../../server/storage/store.js';
import { FAULT_SCRIPT } from '../support/fault-script.js';
import { killAllFaultServers, playFaultScript, type FaultRun, type Kill, type KillMoment } from '../support/fault-run.js';
import { T0 } from '../support/definitions.js';

const dir = mkdtempSync(join(tmpdir(), 'qiangda-kill9-'));
afterAll(() => {
  killAllFaultServers();
  rmSync(dir, { recursive: true, force: true });
});

/** Kills per kind of moment wanted: 42, fewer if the script has fewer steps of a kind. */
const KILLS: Record<KillMoment, number> = { 'buzz-window': 9, countdown: 11, ruling: 6, speaking: 5, judging: 6, other: 5 };

/** Where to kill, drawn once from a fixed seed so a failure can be replayed. A first,
 * uninterrupted pass tells what was going on at the server before and after each step, so each
 * kind of moment gets its kills: in flight where a step starts in it, between steps where a
 * step leaves the contest in it. */
function killPlan(seed: string, survey: Pick<FaultRun, 'labels' | 'afterLabels'>): { kills: Kill[]; moments: KillMoment[] } {
  const random = seedrandom(seed);
  const chosen = new Map<number, { inFlight: boolean; moment: KillMoment }>();
  for (const [moment, count] of Object.entries(KILLS) as [KillMoment, number][]) {
    const spots = FAULT_SCRIPT.flatMap((step, i) => [
      ...(i > 0 && !('wait' in step) && survey.labels[i] === moment ? [{ after: i, inFlight: true }] : []),
      ...(i > 0 && survey.afterLabels[i] === moment ? [{ after: i, inFlight: false }] : []),
    ]).filter((spot) => !chosen.has(spot.after));
    for (let n = 0; n < count && spots.length > 0; n++) {
      const [spot] = spots.splice(Math.floor(random() * spots.length), 1);
      chosen.set(spot.after, { inFlight: spot.inFlight, moment });
      for (let j = spots.length - 1; j >= 0; j--) if (spots[j].after === spot.after) spots.splice(j, 1);
    }
  }
  const ordered = [...chosen.entries()].sort(([a], [b]) => a - b);
  const kills = ordered.map(([after, { inFlight }]) => {
    // Downtime sometimes long enough for a countdown to run out while the server is down.
    const downMs = inFlight ? 0 : [0, 2_000, 15_000, 45_000][Math.floor(random() * 4)];
    return { after, inFlight, turns: Math.floor(random() * 40), downMs };
  });
  return { kills, moments: ordered.map(([, { moment }]) => moment) };
}

/** The log and the state it replays to, without what a restart legitimately re-measures:
 * the link evidence and armed phones a press carries (arrival decides in this contest). */
function outcome(file: string) {
  const store = openStore(file);
  try {
    const id = store.listContests()[0].id;
    const stored = store.loadContest(id);
    if (!stored) throw new Error('no contest');
    let state = initialState(stored.definition);
    for (const command of stored.commands) {
      const result = apply(state, command);
      if (result.ok) state = result.state;
    }
    const log = stored.commands.map((c: Command) => (c.type === 'buzz:press' ? { ...c, link: null, armed: [] } : c));
    return { state, log, requestIds: [...stored.requestIds.keys()].sort() };
  } finally {
    store.close();
  }
}

describe('kill -9 at random moments', () => {
  it('after 30 and more kills and restarts the contest ends exactly as an uninterrupted one', { timeout: 240_000 }, async () => {
    const survey = await playFaultScript(join(dir, 'survey.db'), T0, [], { kill: false });
    const { kills: plan, moments } = killPlan('qiangda-kill-9', survey);
    expect(plan.length).toBeGreaterThanOrEqual(30);
    // The plan covers every kind of moment the issue names, whatever the machine's load: the
    // labels come from the server's own state, not from when a view happened to arrive.
    for (const moment of ['buzz-window', 'countdown', 'ruling', 'speaking', 'judging'] as const) expect(moments.filter((m) => m === moment).length).toBeGreaterThanOrEqual(3);
    const calm = await playFaultScript(join(dir, 'calm.db'), T0, plan, { kill: false });
    const killed = await playFaultScript(join(dir, 'killed.db'), T0, plan, { kill: true });

    // Kills in flight landed both before the request reached the disk and after it did but
    // before its answer got out (the case request ids exist for); which is timing, not asserted.
    expect(killed.inFlight.answered + killed.inFlight.loggedUnanswered + killed.inFlight.notLogged).toBe(plan.filter((k) => k.inFlight).length);
    // Each kill landed where the calm run, which spends the same downtime with the server up, was
    // at that point, and so in every kind of moment the issue names. (The survey had no downtime,
    // so a countdown may have run out at another step there: its labels only steer the plan.)
    expect(killed.moments).toEqual(plan.map((k) => (k.inFlight ? calm.labels[k.after] : calm.afterLabels[k.after])));
    for (const moment of ['buzz-window', 'countdown', 'ruling', 'speaking', 'judging'] as const) expect(killed.moments.filter((m) => m === moment).length).toBeGreaterThanOrEqual(3);

    // Every page got the answers it would have got, and every acknowledged request survived.
    expect(killed.acks).toEqual(calm.acks);
    expect(killed.missingAfterRestart).toEqual([]);
    const a = outcome(join(dir, 'calm.db'));
    const b = outcome(join(dir, 'killed.db'));
    for (const key of killed.acknowledged) expect(b.requestIds).toContain(key);
    expect(b.log).toEqual(a.log);
    expect(b.state).toEqual(a.state);

    // The script is a real contest: most steps accepted, and it reached the end.
    expect(b.state.stage).toBe('finished');
    // The judged stage was played through, not refused: every seat's result in the ledger (s2's
    // reveal undone and made again), every score taken but the one after closing and the
    // excluded judge's.
    const judged = b.state.ledger.filter((e) => e.reason === 'judged');
    expect(judged.map((e) => [e.seatId, e.undone ?? false])).toEqual([['s1', false], ['s2', true], ['s2', false], ['s3', false], ['team', false]]);
    const scoreAcks = FAULT_SCRIPT.flatMap((step, i) => ('score' in step ? [killed.acks[i]] : []));
    expect(scoreAcks.filter((ack) => !(ack && typeof ack === 'object' && 'data' in ack))).toEqual([{ error: 'scoring-closed' }, { error: 'judge-excluded' }]);
    const accepted = calm.acks.filter((ack) => ack && typeof ack === 'object' && 'data' in ack).length;
    expect(accepted).toBeGreaterThan(FAULT_SCRIPT.filter((s) => !('wait' in s)).length * 0.8);
  });
});
