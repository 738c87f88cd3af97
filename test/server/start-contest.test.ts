// Which contest `npm start` opens, and `npm start -- --contest server/contests/final-example.json`
// as an organiser runs it: the final is made, its links and its seven judges' links printed, and
// the same command after a restart resumes it rather than the demo or a copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readContestFile } from '../../server/setup/demo.js';
import { startContest } from '../../server/setup/start-contest.js';
import { FINAL_EXAMPLE, finalExample } from '../support/final-example.js';
import { startServer, type Harness } from '../support/harness.js';

const dirs: string[] = [];
const running: ChildProcess[] = [];
const harnesses: Harness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qiangda-start-'));
  dirs.push(dir);
  return dir;
}

describe('which contest a start opens', () => {
  it('--contest FILE resumes the contest started from that file while it is open, never another; without it, the newest open one', async () => {
    const h = await startServer();
    harnesses.push(h);
    const demo = h.contestId;
    const file = FINAL_EXAMPLE;
    const start = (options: { file?: string; fresh?: boolean }) =>
      startContest(h.app.contests, h.store, { file: options.file, fresh: options.fresh ?? false, read: readContestFile });

    const made = start({ file });
    if (!made.ok) throw new Error(made.issues.map((i) => i.en).join('\n'));
    expect(made).toMatchObject({ resumed: false });
    expect(made.id).not.toBe(demo);
    expect(h.app.contests.get(made.id)?.state.definition.judges?.length).toBe(7);
    expect(start({ file })).toEqual({ ok: true, id: made.id, resumed: true });
    // Without a file: the newest open contest, the final made just now.
    expect(start({})).toEqual({ ok: true, id: made.id, resumed: true });
    // --fresh: a new one even with the file named.
    const fresh = start({ file, fresh: true });
    expect(fresh).toMatchObject({ ok: true, resumed: false });
    const freshId = fresh.ok ? fresh.id : '';
    expect(start({ file })).toEqual({ ok: true, id: freshId, resumed: true });
    // Closed contests are read-only: the file then makes a new one.
    h.store.closeContest(freshId, h.clock.now());
    const again = start({ file });
    expect(again).toMatchObject({ ok: true, resumed: false });
    expect([demo, made.id, freshId]).not.toContain(again.ok ? again.id : '');
  });

  it('a file the checks refuse starts nothing and says what is wrong', async () => {
    const h = await startServer();
    harnesses.push(h);
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...finalExample(), seats: [] }));
    const before = h.store.listContests().length;
    const refused = startContest(h.app.contests, h.store, { file: bad, fresh: false, read: readContestFile });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.issues.map((i) => i.path)).toEqual(['seats']);
    expect(h.store.listContests().length).toBe(before);
  });
});

/** Starts server/main.ts with `args` and resolves with what it printed once the links are out. */
function runMain(args: string[]): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--dev', '--port', '0', '--public-url', 'http://127.0.0.1:3000', ...args], {
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

describe('npm start -- --contest server/contests/final-example.json', () => {
  it('makes the final after a demo was run in the same folder, prints the judges’ links, and resumes it on the next start', async () => {
    const data = tempDir();
    const file = FINAL_EXAMPLE;
    const demo = await runMain(['--data', data]);
    expect(demo.output).toContain('已创建竞赛：党史知识竞赛（演示）');
    await stop(demo.child);

    const first = await runMain(['--data', data, '--contest', file]);
    expect(first.output).toContain('已创建竞赛：“学党史 悟思想 办实事 开新局”党史知识竞赛决赛');
    for (const judge of ['刘建国', '陈晓华', '王立新', '赵敏', '周志刚', '李春梅', '孙明']) expect(first.output).toContain(judge);
    const hostLink = first.output.match(/http:\S+\/host\/\?c=\S+&key=\S+/)?.[0];
    expect(hostLink).toBeDefined();
    await stop(first.child);

    const second = await runMain(['--data', data, '--contest', file]);
    expect(second.output).toContain('已恢复竞赛：“学党史 悟思想 办实事 开新局”党史知识竞赛决赛');
    expect(second.output).toContain(hostLink);
    await stop(second.child);
  }, 90_000);
});
