// `npm start`'s server process, as an organiser runs it: it prints the links, serves the pages,
// and a second start resumes the same contest from the SQLite file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'qiangda-main-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts server/main.ts and resolves with everything it printed once the links are out. */
function start(port: number): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--dev', '--port', String(port), '--data', dataDir, '--public-url', `http://127.0.0.1:${port}`], {
    env: { ...process.env, QIANGDA_LANG: 'zh' },
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('提示')) resolve({ child, output });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('server/main.ts', () => {
  it('prints the host, screen, join and organiser links with a QR code, serves the pages, and resumes after a restart', async () => {
    const port = await freePort();
    const first = await start(port);
    const base = `http://127.0.0.1:${port}`;
    const host = first.output.match(/(http:\S+\/host\/\?c=(\S+)&key=\S+)/);
    expect(first.output).toContain('已创建竞赛：党史知识竞赛（演示）');
    expect(host).not.toBeNull();
    expect(first.output).toContain(`${base}/screen/?c=${host?.[2]}`);
    expect(first.output).toContain(`${base}/contestant/?c=${host?.[2]}`);
    const organiser = first.output.match(/赛事管理：\s+(http:\S+\/contests\/\?key=(\S+))/);
    expect(organiser?.[1].startsWith(base)).toBe(true);
    // The terminal QR code: hundreds of half-block characters (its pattern depends on the contest id).
    expect(first.output.match(/[▀▄█]/g)?.length ?? 0).toBeGreaterThan(200);

    const page = await fetch(host?.[1] ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    const open = (await (await fetch(`${base}/api/contests/open`)).json()) as { contests: { id: string }[] };
    expect(open.contests.map((c) => c.id)).toEqual([host?.[2]]);
    const qr = await fetch(`${base}/api/contests/${host?.[2]}/join-qr.svg`);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');

    await stop(first.child);
    const second = await start(port);
    expect(second.output).toContain('已恢复竞赛：党史知识竞赛（演示）');
    expect(second.output).toContain(host?.[1]);
    // The organiser key is the folder's: the same after a restart. Closing the contest makes it
    // read-only, so the next start does not resume it but makes a new one.
    expect(second.output).toContain(organiser?.[1]);
    const closed = await fetch(`${base}/api/contests/${host?.[2]}/close?key=${organiser?.[2]}`, { method: 'POST' });
    expect(closed.status).toBe(200);
    await stop(second.child);
    const third = await start(port);
    expect(third.output).toContain('已创建竞赛：党史知识竞赛（演示）');
    expect(third.output).not.toContain(host?.[1]);
    const contests = (await (await fetch(`${base}/api/contests?key=${organiser?.[2]}`)).json()) as { contests: { status: string }[] };
    expect(contests.contests.map((c) => c.status)).toEqual(['not-started', 'closed']);
    await stop(third.child);
  }, 90_000);
});
