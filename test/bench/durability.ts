// Durability figures (issue 5's bars): how long a 100,000-command log takes to replay into a
// contest, and how long one durable append (WAL insert plus the group commit's fdatasync) takes
// on this disk, alone and ten to a turn.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../../shared/contest/commands.js';
import { apply, initialState } from '../../shared/contest/engine.js';
import { openStore } from '../../server/storage/store.js';
import { definition } from '../support/definitions.js';
import { summarise, type BenchResult } from './stats.js';

export const REPLAY_COMMANDS = 100_000;
const SEATS = 10;
const PER_QUESTION = 50;

/** A long show: each question is opened, pressed at by every seat a few times, and ruled. */
function script(): Command[] {
  const commands: Command[] = [];
  let at = 1_700_000_000_000;
  commands.push({ type: 'question:next', at: at++ });
  while (commands.length < REPLAY_COMMANDS) {
    commands.push({ type: 'question:next', at: (at += 10) }, { type: 'buzzers:open', at: (at += 10) });
    for (let i = 0; i < PER_QUESTION - 4; i++) commands.push({ type: 'buzz:press', seatId: `s${(i % SEATS) + 1}`, at: (at += 1) });
    // Two rulings in three are right; a wrong one leaves the question for the host to end.
    commands.push({ type: 'answer:rule', verdict: commands.length % 3 !== 0 ? 'right' : 'wrong', at: (at += 10) });
    commands.push({ type: 'answer:reveal', at: (at += 10) });
  }
  return commands.slice(0, REPLAY_COMMANDS);
}

export function replay100k(): BenchResult {
  const commands = script();
  const def = definition({ seats: SEATS, questions: Math.ceil(REPLAY_COMMANDS / PER_QUESTION) + 1 });
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  store.createContest({ id: 'long', createdAt: 0, definition: def, source: null, hostKey: 'k', seats: [] });
  store.db.transaction(() => commands.forEach((c, n) => store.appendCommand('long', n + 1, c)))();
  // As on start: read the log back, then apply every command.
  const started = performance.now();
  const stored = store.loadContest('long');
  let state = initialState(def);
  for (const command of stored?.commands ?? []) {
    const result = apply(state, command);
    if (result.ok) state = result.state;
  }
  const ms = performance.now() - started;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { name: 'replay-100k', commands: commands.length, ms: Math.round(ms) };
}

/** What making one command durable costs: its append and the sync of its turn, when it is alone
 * in its turn (the worst case, p50/p99), and per turn when ten commands share one sync. */
export function durableAppend(): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  store.createContest({ id: 'c', createdAt: 0, definition: definition(), source: null, hostKey: 'k', seats: [] });
  const samples: number[] = [];
  let n = 0;
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    store.appendCommand('c', ++n, { type: 'buzz:press', seatId: 's1', at: n });
    store.durability.flush();
    samples.push(performance.now() - started);
  }
  const turns: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    for (let k = 0; k < 10; k++) store.appendCommand('c', ++n, { type: 'buzz:press', seatId: 's1', at: n });
    store.durability.flush();
    turns.push(performance.now() - started);
  }
  store.close();
  rmSync(dir, { recursive: true, force: true });
  const { p50_ms, p99_ms, max_ms } = summarise(samples);
  const grouped = summarise(turns);
  return { name: 'durable-append', samples: samples.length, p50_ms, p99_ms, max_ms, turn_of_10_p50_ms: grouped.p50_ms, turn_of_10_p99_ms: grouped.p99_ms };
}
