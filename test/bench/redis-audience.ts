// Two server processes sharing one audience through Redis (issue 15's bar). It needs Debian's
// `redis-server` and the server's `--redis` option; without either it says so in its line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BenchResult } from './stats.js';

const hasRedisServer = () => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Whether the server has the `--redis` option (server/scale/, the redis slice). */
const hasRedisOption = () => existsSync(new URL('../../server/scale/', import.meta.url));

export async function redisAudience(): Promise<BenchResult> {
  if (!hasRedisServer() || !hasRedisOption()) return { name: 'redis-audience', processes: 2, viewers: 20_000, skipped: 'no redis' };
  // The scale-out slice brings the two-process harness with its option; until then, say so.
  return { name: 'redis-audience', processes: 2, viewers: 20_000, skipped: 'harness not wired to --redis yet' };
}
