// Several contests in one data folder, as the organiser (赛事管理) sees them: listed with their
// status, created from the demo or a contest file, closed for good. A closed contest refuses every
// change with contest-closed and writes nothing; its views and exports still work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/index.js';
import type { ContestListing } from '../../shared/organiser.js';
import { ORGANISER_KEY_HEADER } from '../../shared/organiser.js';
import { ErrorCode } from '../../shared/protocol.js';
import { createApp } from '../../server/app.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { startServer, type Harness } from '../support/harness.js';

let h: Harness;
let store: Store;
/** What the server printed for the organiser. */
let printed: string[];

beforeEach(async () => {
  store = openStore(':memory:');
  printed = [];
  h = await startServer({ store, log: (line) => printed.push(line) });
});

afterEach(async () => {
  await h.close();
  store.close();
});

const organiser = (path: string, init: RequestInit = {}, key = h.app.contests.organiserKey()) =>
  fetch(`${h.url}${path}`, { ...init, headers: { [ORGANISER_KEY_HEADER]: key, 'content-type': 'application/json', ...init.headers } });
const post = (path: string, body: unknown, key?: string) => organiser(path, { method: 'POST', body: JSON.stringify(body) }, key);
const list = async () => ((await (await organiser('/api/contests')).json()) as { contests: ContestListing[] }).contests;

const contestFile = {
  format: 'qiangda-contest',
  version: 1,
  title: '机关党委党史知识竞赛',
  seats: [{ name: '甲队', kind: 'team', phones: 2 }, { name: '乙' }],
  stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 3 }] }],
  seed: 'folder-test',
};

/** Everything a refused change must leave as it was: state, log, seats and their phones. */
function snapshot() {
  const stored = store.loadContest(h.contestId);
  return { state: structuredClone(h.room.state), commands: stored?.commands.length, seats: stored?.seats };
}

describe('the organiser key', () => {
  it('is made once per data folder and kept', () => {
    const key = h.app.contests.organiserKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(h.app.contests.organiserKey()).toBe(key);
    // Another server on the same folder reads the same key.
    const other = createApp({ store, bank: { all: () => [] }, clock: h.clock, publicUrl: 'http://other.test' });
    expect(other.contests.organiserUrl()).toBe(`http://other.test/contests/?key=${key}`);
    void other.close();
  });

  it.each([
    ['no key', ''],
    ['a wrong key', 'guess-guess-guess-guess'],
    ['a host key', 'HOST'],
  ])('is required: %s is refused with 401 not-authorised and nothing changes', async (_, given) => {
    const key = given === 'HOST' ? h.hostKey : given;
    const before = store.listContests();
    for (const response of [
      await organiser('/api/contests', {}, key),
      await post('/api/contests', { template: 'demo' }, key),
      await post(`/api/contests/${h.contestId}/close`, {}, key),
      await organiser(`/api/contests/${h.contestId}/archive`, {}, key),
      await post('/api/contests/restore', {}, key),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'not-authorised' });
    }
    expect(store.listContests()).toEqual(before);
    expect(h.room.closedAt).toBeNull();
  });

  it('may come as ?key= for downloads', async () => {
    const response = await fetch(`${h.url}/api/contests?key=${encodeURIComponent(h.app.contests.organiserKey())}`);
    expect(response.status).toBe(200);
  });
});

describe('contests in one folder', () => {
  it('lists every contest, newest first, with its status and how many commands it logged', async () => {
    const host = await h.host();
    await host.request('host:command', { type: 'question:next' });
    h.clock.advance(60_000);
    const created = await post('/api/contests', { template: 'demo' });
    expect(created.status).toBe(201);
    const demo = (await created.json()) as { id: string; title: string };
    expect(demo.title).toBe('党史知识竞赛（演示）');

    const contests = await list();
    expect(contests.map((c) => [c.id, c.title, c.status, c.commands, c.closedAt])).toEqual([
      [demo.id, '党史知识竞赛（演示）', 'not-started', 0, null],
      [h.contestId, '测试竞赛', 'running', 1, null],
    ]);
    expect(contests[1].hostKey).toBe(h.hostKey);
    expect(contests[0].createdAt).toBe(contests[1].createdAt + 60_000);
    // The new contest is a contest like any other: its host console connects with its key.
    expect(h.app.contests.get(demo.id)?.state.definition.seats).toHaveLength(6);
  });

  it('creates a contest from an organiser\'s file', async () => {
    const response = await post('/api/contests', { file: contestFile });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(h.app.contests.get(id)?.source).toEqual(contestFile);
    expect((await list()).map((c) => c.title)).toEqual(['机关党委党史知识竞赛', '测试竞赛']);
  });

  it('refuses a bad contest file naming each bad field, in Chinese and English, and creates nothing', async () => {
    const bad = { ...contestFile, seats: [{ name: '' }], stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 3, answerTimeSec: -1 }] }] };
    const response = await post('/api/contests', { file: bad });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: string; zh: string; en: string }[] };
    expect(body.error).toBe('bad-definition');
    expect(body.issues.map((i) => i.path).sort()).toEqual(['seats.0.name', 'stages.0.rounds.0.answerTimeSec']);
    expect(body.issues.find((i) => i.path === 'seats.0.name')?.zh).toBe(`第1个席位 › 名称：${translate('zh', 'definition.error.required')}`);
    expect(body.issues.every((i) => i.en.length > 0 && i.zh !== i.en)).toBe(true);
    // Not enough questions in the bank for the draw: also named, also nothing created.
    const greedy = await post('/api/contests', { file: { ...contestFile, stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 500 }] }] } });
    expect(((await greedy.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['stages.0.rounds.0']);
    expect(store.listContests()).toHaveLength(1);
  });

  it('refuses a request that is not one, with bad-request', async () => {
    for (const body of [{ template: 'final' }, { file: {}, template: 'demo' }, [], 'demo']) {
      const response = await post('/api/contests', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'bad-request' });
    }
    const broken = await organiser('/api/contests', { method: 'POST', body: '{"file":' });
    expect(await broken.json()).toEqual({ error: 'bad-request' });
    expect(store.listContests()).toHaveLength(1);
  });

  it('answers storage-failed, not a server error page, when the new contest cannot be written', async () => {
    const key = h.app.contests.organiserKey();
    store.db.pragma('query_only = ON');
    for (const body of [{ template: 'demo' }, { file: contestFile }]) {
      const response = await post('/api/contests', body, key);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'storage-failed' });
    }
    store.db.pragma('query_only = OFF');
    expect(store.listContests()).toHaveLength(1);
    // And the terminal says so, in the organiser's language, naming the problem.
    expect(printed.some((line) => line.includes('只读'))).toBe(true);
  });
});

describe('a closed contest', () => {
  it('refuses every change with contest-closed and writes nothing; its views and exports still work', async () => {
    const host = await h.host();
    const screen = await h.screen();
    const phone = await h.contestant('s1');
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const stranger = h.connect({ role: 'contestant' });
    await stranger.ready();

    const closed = await post(`/api/contests/${h.contestId}/close`, {});
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ closedAt: h.clock.now() });
    await host.until((v) => v.closed);
    await screen.until((v) => v.closed);
    const before = snapshot();

    const refused = { error: ErrorCode.ContestClosed };
    expect(await phone.request('buzz:press', {})).toEqual(refused);
    expect(await phone.request('answer:submit', { choice: [0] })).toEqual(refused);
    expect(await host.request('host:command', { type: 'answer:reveal' })).toEqual(refused);
    expect(await host.request('host:command', { type: 'question:next' })).toEqual(refused);
    expect(await host.request('host:command', { type: 'score:adjust', seatId: 's2', delta: 5, reason: '更正' })).toEqual(refused);
    expect(await host.request('question:swap', {})).toEqual(refused);
    expect(await host.request('seat:release', { seatId: 's1' })).toEqual(refused);
    expect(await host.request('contest:define', { file: contestFile })).toEqual(refused);
    expect(await stranger.request('seat:claim', { joinCode: h.joinCodes.s2 })).toEqual(refused);
    // The buzz window's deadline does not take effect either: the contest stays as it was closed.
    h.clock.advance(60_000);
    expect(snapshot()).toEqual(before);
    expect(h.room.state.question?.phase).toBe('open');

    // Views: a new screen and the host console still connect and see it, marked closed.
    expect((await h.screen()).view?.closed).toBe(true);
    const console2 = await h.host();
    expect(console2.view?.closed).toBe(true);
    expect(console2.view?.question?.phase).toBe('open');
    // The phone that held its seat still holds it (reconnecting with its token).
    const back = h.connect({ role: 'contestant', deviceToken: phone.deviceToken });
    expect((await back.ready()).me).toBe('s1');
    // Exports.
    const xlsx = await fetch(`${h.url}/api/contests/${h.contestId}/export.xlsx?key=${h.hostKey}`);
    expect(xlsx.status).toBe(200);
    // The shared bank cannot be changed with its key either.
    const bank = await fetch(`${h.url}/api/bank/import?c=${h.contestId}&mode=all`, { method: 'POST', headers: { 'x-qiangda-key': h.hostKey }, body: 'x' });
    expect(bank.status).toBe(403);
    expect(await bank.json()).toEqual({ error: 'contest-closed' });
    expect((await fetch(`${h.url}/api/bank/summary?c=${h.contestId}`, { headers: { 'x-qiangda-key': h.hostKey } })).status).toBe(200);

    const [row] = await list();
    expect([row.status, row.closedAt]).toEqual(['closed', h.clock.now() - 60_000]);
    expect(snapshot()).toEqual(before);
  });

  it('cannot be closed twice; an unknown contest cannot be closed', async () => {
    expect((await post(`/api/contests/${h.contestId}/close`, {})).status).toBe(200);
    const again = await post(`/api/contests/${h.contestId}/close`, {});
    expect([again.status, await again.json()]).toEqual([409, { error: 'contest-closed' }]);
    const unknown = await post('/api/contests/nope/close', {});
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'unknown-contest' }]);
  });

  it('stays closed when reopened from the store; a restart resumes the newest open contest', async () => {
    const first = h.contestId;
    const open = h.app.contests.create(h.room.state.definition);
    h.clock.advance(1000);
    const newest = h.app.contests.create(h.room.state.definition);
    expect(h.app.contests.closeForGood(newest)).toBe('closed');
    expect(h.app.contests.newest()).toBe(newest);
    expect(h.app.contests.newestOpen()).toBe(open);
    await h.close();

    h = await startServer({ store, clock: h.clock });
    const reopened = h.app.contests.get(newest);
    expect(reopened?.closedAt).not.toBeNull();
    expect(reopened?.submit({ type: 'question:next' })).toEqual({ ok: false, error: 'contest-closed' });
    expect(store.loadContest(newest)?.commands).toEqual([]);
    expect(h.app.contests.newestOpen()).toBe(open);
    // The landing page offers every contest that is on, newest first; a closed one is not among them.
    const listed = (await (await fetch(`${h.url}/api/contests/open`)).json()) as { contests: { id: string; joinUrl: string }[] };
    expect(listed.contests.map((c) => c.id)).toEqual([open, first]);
    expect(listed.contests[0].joinUrl).toBe(h.app.contests.joinUrl(open));
    expect(listed.contests[0]).toMatchObject({ status: 'not-started', createdAt: store.loadContest(open)?.createdAt });
  });

  it('the landing page does not offer a finished contest, and tells a running one from one not started', async () => {
    const h = await startServer();
    const twin = h.app.contests.create(h.room.state.definition);
    const host = await h.host();
    await host.request('host:command', { type: 'question:next' });
    const listed = async () => ((await (await fetch(`${h.url}/api/contests/open`)).json()) as { contests: { id: string; status: string }[] }).contests;
    expect(await listed()).toEqual([expect.objectContaining({ id: twin, status: 'not-started' }), expect.objectContaining({ id: h.contestId, status: 'running' })]);
    // Play to the end: every question of every round, the buzzers never opened.
    while (h.room.state.stage !== 'finished') {
      const q = h.room.state.question;
      const result = q && q.phase !== 'revealed' ? h.room.submit({ type: 'answer:reveal' }) : h.room.submit({ type: 'question:next' });
      expect(result.ok).toBe(true);
    }
    expect((await listed()).map((c) => c.id)).toEqual([twin]);
    await h.close();
  });
});
