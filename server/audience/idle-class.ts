// Below nice 19: Linux's idle scheduling class (SCHED_IDLE). The scheduler Linux has used since
// 6.6 (EEVDF) may let a running task finish its time slice before a task that wakes gets the CPU,
// whatever their niceness; a task in the idle class gives way at once to any other. On two cores,
// with the audience processes and the viewers' stand-ins at nice 19, the stage's buzz-to-lock p99
// in redis-audience was 15.2, 17.0 and 16.1 ms; with both in the idle class, 10.3, 9.4 and
// 12.5 ms. The idle class still gets every cycle nobody else wants, so an idle stage leaves the
// audience the whole machine.
import { execFile } from 'node:child_process';

/** Puts every thread of process `pid` in the idle class, with util-linux's `chrt` (no privilege
 * needed to go lower); threads it starts later inherit the class. Resolves null once it is done,
 * or why not: elsewhere than Linux, or without util-linux's `chrt`, niceness alone stays. */
export function idleClass(pid: number): Promise<string | null> {
  if (process.platform !== 'linux') return Promise.resolve(`not Linux (${process.platform})`);
  return new Promise((resolve) => {
    execFile('chrt', ['--all-tasks', '--idle', '--pid', '0', String(pid)], (error, _stdout, stderr) => resolve(error ? (stderr.trim() || error.message) : null));
  });
}
