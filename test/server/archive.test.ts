// One contest as one file: a played show archived and restored into another data folder replays
// to the same state and exports the same record; its phones and request ids still work. A file
// that was changed, cut short or is something else is refused, and nothing is written.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { translate } from '../../shared/i18n/index.js';
import { ORGANISER_KEY_HEADER } from '../../shared/organiser.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, archiveFileName, archiveOf, readArchive, restoreArchive } from '../../server/storage/archive.js';
import { runArchive } from '../../server/cli/archive.js';
import { readContestFile } from '../../server/setup/demo.js';
import { runRestore } from '../../server/cli/restore.js';
import { tables } from '../../server/http/exports.js';
import { recordOf } from '../../server/http/records.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { allAtOnceRound, buzzRound, choice, definition } from '../support/definitions.js';
import { startServer, type Harness } from '../support/harness.js';
import { answersOf } from '../support/question-of.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, stores, tempDir } = closedAfterEach();

const freshStore = (file = ':memory:') => {
  const store = openStore(file);
  stores.push(store);
  return store;
};

/** A show with a false start, a won buzz ruled right, a wrong answer, an undo, an adjustment,
 * a swap, answers all at once (one late), and requests carrying ids. */
async function playShow(store = freshStore()): Promise<Harness> {
  const h = await startServer({ store, definition: definition({ seats: 3, rounds: [buzzRound(3), allAtOnceRound([choice(1, 'B'), choice(2, 'AC')])] }) });
  harnesses.push(h);
  const host = await h.host();
  const [p1, p2, p3] = [await h.contestant('s1'), await h.contestant('s2'), await h.contestant('s3')];
  let sent = 0;
  const run = async (...types: ('question:next' | 'buzzers:open' | 'answers:open')[]) => {
    for (const type of types) expect(await host.request('host:command', { type, rid: `host-request-${++sent}` })).toEqual({ data: null });
  };
  await run('question:next', 'question:next');
  expect(await host.request('question:swap', {})).toEqual({ data: null });
  await p3.request('buzz:press', { rid: 'press-early-1' }); // false start
  await run('buzzers:open');
  h.clock.advance(300);
  await p1.request('buzz:press', { rid: 'press-p1-0001' });
  await p2.request('buzz:press', {});
  h.clock.advance(DEFAULT_GRACE_CAP_MS);
  await host.until((v) => v.question?.phase === 'answering');
  await host.request('host:command', { type: 'answer:rule', verdict: 'wrong' });
  await host.request('host:command', { type: 'ruling:undo' });
  await host.request('host:command', { type: 'answer:rule', verdict: 'right' });
  await host.request('host:command', { type: 'score:adjust', seatId: 's2', delta: -5, reason: '提示他人' });
  await run('question:next', 'question:next', 'question:next', 'question:next', 'answers:open');
  await p1.request('answer:submit', { choice: [1] });
  await p2.request('answer:submit', { choice: [0] });
  h.clock.advance(20_000);
  await p3.request('answer:submit', { choice: [1] }); // late
  await host.until((v) => answersOf(v)?.late.length === 1);
  return h;
}

const organiser = (h: Harness, path: string, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, { ...init, headers: { [ORGANISER_KEY_HEADER]: h.app.contests.organiserKey(), ...init.headers } });
const download = async (h: Harness) => new Uint8Array(await (await organiser(h, `/api/contests/${h.contestId}/archive`)).arrayBuffer());
const record = (store: Store, id: string) => {
  const stored = store.loadContest(id);
  if (!stored) throw new Error(`no contest ${id}`);
  return tables(recordOf(stored), { locale: 'zh', timeZone: 'Asia/Shanghai' });
};

/** Unpacks an archive, lets `edit` change it, packs it again; `checksum` recomputes the sha256. */
function edited(bytes: Uint8Array, edit: (file: { format: string; version: number; sha256: string; contest: Record<string, unknown> }) => void, checksum = false): Buffer {
  const file = JSON.parse(gunzipSync(bytes).toString('utf8'));
  edit(file);
  if (checksum) file.sha256 = createHash('sha256').update(JSON.stringify(file.contest)).digest('hex');
  return gzipSync(JSON.stringify(file));
}

/** The logged score adjustment inside an unpacked archive's contest. */
function adjustment(contest: Record<string, unknown>): { delta: number } {
  const entry = (contest.log as { command: { type: string; delta: number } }[]).find((l) => l.command.type === 'score:adjust');
  if (!entry) throw new Error('no adjustment logged');
  return entry.command;
}

describe('archive and restore', () => {
  it('a played show restored into a fresh folder replays to the same state and exports the same record', async () => {
    const h = await playShow();
    const response = await organiser(h, `/api/contests/${h.contestId}/archive`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('.qiangda');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip
    const inside = JSON.parse(gunzipSync(bytes).toString('utf8'));
    expect([inside.format, inside.version, inside.sha256]).toEqual([ARCHIVE_FORMAT, ARCHIVE_VERSION, expect.stringMatching(/^[0-9a-f]{64}$/)]);

    const target = freshStore();
    const restored = await startServer({ store: target, clock: h.clock });
    harnesses.push(restored);
    const answer = await organiser(restored, '/api/contests/restore', { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ id: h.contestId, title: '测试竞赛', closed: false });

    const room = restored.app.contests.get(h.contestId);
    expect(room?.state).toEqual(h.room.state);
    expect(record(target, h.contestId)).toEqual(record(h.store, h.contestId));
    const [original, copy] = [h.store.loadContest(h.contestId), target.loadContest(h.contestId)];
    expect(copy).toEqual(original);
    expect(copy?.requestIds.size).toBeGreaterThan(5);
    // A retried request is still recognised (D2), and the phones still hold their seats.
    expect(room?.answeredBefore('seat:s1/press-p1-0001')).toBe(true);
    const stored = target.loadContest(h.contestId);
    const phone = restored.connect({ role: 'contestant', contestId: h.contestId, deviceToken: stored?.seats[0].deviceTokens[0] });
    expect((await phone.ready()).me).toBe('s1');
  });

  it('the demo contest, drawn from the bundled bank, goes through whole', async () => {
    const h = await startServer();
    harnesses.push(h);
    const created = h.app.contests.createFromFile(readContestFile());
    if (!created.ok) throw new Error('demo refused');
    const room = h.app.contests.get(created.id);
    for (const type of ['question:next', 'question:next', 'turn:start'] as const) expect(room?.submit({ type })).toEqual({ ok: true });
    const stored = h.store.loadContest(created.id);
    if (!stored) throw new Error('no demo');
    const read = readArchive(archiveOf(stored, h.clock.now()));
    expect(read).toEqual({ ok: true, contest: stored });
  });

  it('a closed contest is restored closed: read-only', async () => {
    const h = await playShow();
    expect(h.app.contests.closeForGood(h.contestId)).toBe('closed');
    const target = freshStore();
    expect(restoreArchive(target, await download(h))).toEqual({ ok: true, id: h.contestId, title: '测试竞赛', closed: true });
    expect(target.loadContest(h.contestId)?.closedAt).toBe(h.room.closedAt);
    expect(target.listContests()[0]).toMatchObject({ closedAt: h.room.closedAt, commands: h.store.loadContest(h.contestId)?.commands.length });
  });

  it.each([
    ['a changed score', 'archive-checksum', (b: Uint8Array) => edited(b, (f) => adjustment(f.contest).delta = 50)],
    ['a changed host key', 'archive-checksum', (b: Uint8Array) => edited(b, (f) => (f.contest.hostKey = 'stolen-stolen-stolen'))],
    ['a truncated file', 'archive-unreadable', (b: Uint8Array) => b.subarray(0, Math.floor(b.byteLength / 2))],
    ['a file that is not gzip', 'archive-unreadable', () => Buffer.from('{"format":"qiangda-archive"}')],
    ['a contest file instead', 'archive-format', () => gzipSync(JSON.stringify({ format: 'qiangda-contest', version: 1, title: 'x' }))],
    ['another format tag', 'archive-format', (b: Uint8Array) => edited(b, (f) => (f.format = 'zip'))],
    ['a newer version', 'archive-version', (b: Uint8Array) => edited(b, (f) => (f.version = ARCHIVE_VERSION + 1))],
    ['a missing host key, checksum and all', 'archive-invalid', (b: Uint8Array) => edited(b, (f) => delete f.contest.hostKey, true)],
    ['a seat the definition lacks', 'archive-invalid', (b: Uint8Array) => edited(b, (f) => ((f.contest.seats as { seatId: string }[])[0].seatId = 'ghost'), true)],
    ['a log out of order', 'archive-replay', (b: Uint8Array) => edited(b, (f) => (f.contest.log as unknown[]).reverse(), true)],
  ])('refuses %s with %s and writes nothing', async (_, error, spoil) => {
    const h = await playShow();
    const target = freshStore();
    const restored = await startServer({ store: target, clock: h.clock });
    harnesses.push(restored);
    const before = target.listContests();
    const bad = new Uint8Array(spoil(await download(h)));
    expect(restoreArchive(target, bad)).toEqual({ ok: false, error });
    const answer = await organiser(restored, '/api/contests/restore', { method: 'POST', body: bad });
    expect([answer.status, await answer.json()]).toEqual([400, { error }]);
    expect(target.listContests()).toEqual(before);
    expect(target.loadContest(h.contestId)).toBeNull();
    // Every refusal has words on the organiser's page.
    expect(translate('zh', `error.${error}` as 'error.archive-format')).not.toBe(`error.${error}`);
  });

  it('refuses a contest the folder already holds, instead of a copy sharing its keys and phones', async () => {
    const h = await playShow();
    const bytes = await download(h);
    const answer = await organiser(h, '/api/contests/restore', { method: 'POST', body: bytes });
    expect([answer.status, await answer.json()]).toEqual([409, { error: 'contest-exists' }]);
    expect(h.store.listContests()).toHaveLength(1);
    expect(readArchive(bytes).ok).toBe(true);
  });

  it('names the file after the contest and the day it was created', async () => {
    const h = await playShow();
    const stored = h.store.loadContest(h.contestId);
    if (!stored) throw new Error('no contest');
    expect(archiveFileName(stored, 'Asia/Shanghai')).toBe('测试竞赛-2023-11-15.qiangda');
    expect(archiveFileName({ ...stored, definition: { ...stored.definition, title: '../决赛: A/B' } }, 'Asia/Shanghai')).toBe('_决赛_ A_B-2023-11-15.qiangda');
    // The same contest archived twice differs only in when it was archived.
    const later = JSON.parse(gunzipSync(archiveOf(stored, 2)).toString());
    expect(JSON.parse(gunzipSync(archiveOf(stored, 1)).toString())).toEqual({ ...later, archivedAt: 1 });
  });

  it('from the command line: npm run archive, then npm run restore into another data folder', async () => {
    const from = tempDir('qiangda-archive-');
    const to = join(tempDir('qiangda-archive-'), 'new-folder');
    const h = await playShow(freshStore(join(from, 'qiangda.db')));
    const file = join(tempDir('qiangda-archive-'), 'final.qiangda');
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const commands = h.store.loadContest(h.contestId)?.commands.length;

    expect(runArchive(['--data', from, '--out', file], {}, print, () => 0)).toBe(0);
    expect(lines.at(-1)).toBe(`已归档“测试竞赛”（${commands} 条操作记录）：${file}`);
    expect(runRestore(['--data', to, file], {}, print)).toBe(0);
    expect(lines.at(-1)).toBe(`已恢复竞赛“测试竞赛”（编号 ${h.contestId}）`);
    const target = freshStore(join(to, 'qiangda.db'));
    expect(target.loadContest(h.contestId)).toEqual(h.store.loadContest(h.contestId));
    expect(record(target, h.contestId)).toEqual(record(h.store, h.contestId));
    target.close();

    expect(runRestore(['--data', to, file], { QIANGDA_LANG: 'en' }, print)).toBe(1);
    expect(lines.at(-1)).toBe(translate('en', 'error.contest-exists'));
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    expect(runRestore(['--data', to, file], {}, print)).toBe(1);
    expect(lines.at(-1)).toBe(translate('zh', 'error.archive-unreadable'));
    expect(runRestore(['--data', to], {}, print)).toBe(2);
    expect(lines.at(-1)).toBe(translate('zh', 'archive.restoreUsage'));
    expect(runArchive(['--data', from, '--contest', 'nope', '--out', file], {}, print)).toBe(1);
    expect(lines.at(-1)).toBe('找不到竞赛 nope');
  });

  it('npm run restore into a folder whose data file is damaged: the start-up message, exit 1, the file untouched', async () => {
    const h = await playShow();
    const file = join(tempDir('qiangda-archive-'), 'show.qiangda');
    writeFileSync(file, archiveOf(h.store.loadContest(h.contestId) as NonNullable<ReturnType<Store['loadContest']>>, 0));
    const to = tempDir('qiangda-archive-');
    const damaged = Buffer.from('这不是数据库。'.repeat(2000));
    writeFileSync(join(to, 'qiangda.db'), damaged);
    const lines: string[] = [];
    expect(runRestore(['--data', to, file], {}, (line) => lines.push(line))).toBe(1);
    expect(lines.join('\n')).toContain(translate('zh', 'terminal.open.unchanged'));
    expect(readFileSync(join(to, 'qiangda.db'))).toEqual(damaged);
  });
});
