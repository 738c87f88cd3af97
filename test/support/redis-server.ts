// A throwaway redis-server for the scale-out tests and benchmarks (no test-runner imports, so
// benchmarks can use it): on a free port, nothing saved.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Whether Debian's `redis-server` is installed. */
export const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Starts redis-server on `port` (a restart) or a free one; resolves once it accepts connections.
 * `started` is told of the process at once, so a caller can stop it even if it never gets ready. */
export async function spawnRedis(port?: number, started: (redis: ChildProcess) => void = () => {}): Promise<{ url: string; port: number; process: ChildProcess }> {
  port ??= await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  started(redis);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    redis.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) resolve();
    });
    redis.once('error', reject);
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}): is it installed? .ci/run installs it`)));
  });
  return { url: `redis://127.0.0.1:${port}`, port, process: redis };
}
