// Judges on the server (issue 12): the panel in the contest file, each judge's link (a key as
// strong as the host's) and typed code (throttled like join codes), kept with the contest across
// restarts; judge sockets sign in by link, code or device token and may only score; no other page
// learns a judge's key or code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_LIMITS } from '../../server/realtime/claim-guard.js';
import { drawContest } from '../../server/rooms/draw.js';
import { parseContestFile, MAX_JUDGES } from '../../server/setup/contest-file.js';
import { openStore } from '../../server/storage/store.js';
import { archiveOf, readArchive, restoreArchive } from '../../server/storage/archive.js';
import type { Judge } from '../../shared/contest/judging-types.js';
import { ErrorCode, type JudgesAccess } from '../../shared/protocol.js';
import { JOIN_CODE_PATTERN } from '../../shared/join-code.js';
import { definition } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const PANEL: Judge[] = [
  { id: 'j1', name: '王教授', title: '省委党校教授', unit: '省委党校' },
  { id: 'j2', name: '李主任' },
  { id: 'j3', name: '陈书记', unit: '市委组织部' },
];

const { harnesses, tempDir } = closedAfterEach();

async function server(options: Parameters<typeof startServer>[0] = {}): Promise<Harness> {
  const h = await startServer({ definition: { ...definition({ seats: 3 }), judges: PANEL }, ...options });
  harnesses.push(h);
  return h;
}

async function access(h: Harness, host?: TestClient): Promise<JudgesAccess> {
  const ack = await (host ?? (await h.host())).request('judges:access', {});
  if (!('data' in ack)) throw new Error(`judges:access refused: ${ack.error}`);
  return ack.data;
}

const keyOf = (link: string) => new URL(link).searchParams.get('key') ?? '';

/** A judge page opened from the judge's own link. */
async function judgeByLink(h: Harness, key: string, options?: { reconnect?: boolean }): Promise<TestClient> {
  const page = h.connect({ role: 'judge', key }, options);
  await page.ready();
  return page;
}

/** Resolves once the host's list of judges shows `judgeId` with `connected` devices on. */
function hostSees(host: TestClient, judgeId: string, connected: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (a: JudgesAccess) => {
      if (a.judges.find((j) => j.judgeId === judgeId)?.connected !== connected) return;
      host.socket.off('judges:access', check);
      resolve();
    };
    host.socket.on('judges:access', check);
    void host.request('judges:access', {}).then((ack) => 'data' in ack && check(ack.data));
  });
}

const token = (n: number) => `judge-device-token-${n}-abcdefgh`;

describe('the panel in the contest file', () => {
  const file = (judges: unknown, seats: unknown = [{ name: '张三', topic: '把支部建在项目上' }, { name: '李四' }]) => ({
    format: 'qiangda-contest',
    version: 1,
    title: '决赛',
    seats,
    stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 1 }] }],
    judges,
  });

  it('judges get ids by place unless the file gives one; titles and units are kept, seats keep their topic', () => {
    const parsed = parseContestFile(file([{ name: '王教授', title: '教授', unit: '省委党校' }, { name: '李主任', id: 'chair' }, { name: '陈书记' }]));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const drawn = drawContest(parsed.file, [{ id: 'q1', type: 'open', category: 'x', difficulty: 1, stem: '题', answer: '答', explanation: '' }], 'seed');
    if (!drawn.ok) throw new Error('draw failed');
    expect(drawn.definition.judges).toEqual([
      { id: 'j1', name: '王教授', title: '教授', unit: '省委党校' },
      { id: 'chair', name: '李主任' },
      { id: 'j3', name: '陈书记' },
    ]);
    expect(drawn.definition.seats.map((s) => s.topic)).toEqual(['把支部建在项目上', undefined]);
  });

  it('two judges of one name, two of one id, too many judges or too long a topic are refused, naming the field', () => {
    const issues = (input: unknown) => {
      const parsed = parseContestFile(input);
      return parsed.ok ? [] : parsed.issues.map((i) => i.zh);
    };
    expect(issues(file([{ name: '王教授' }, { name: '王教授' }]))).toEqual(['评委：评委姓名重复']);
    expect(issues(file([{ name: '甲', id: 'j2' }, { name: '乙' }]))).toEqual(['评委：评委编号重复']);
    expect(issues(file(Array.from({ length: MAX_JUDGES + 1 }, (_, i) => ({ name: `评委${i}` })))).length).toBe(1);
    expect(issues(file([{ name: '甲', title: 'x'.repeat(41) }]))[0]).toMatch(/^第1位评委 › 职务：/);
    expect(issues(file([], [{ name: '张三', topic: '长'.repeat(81) }]))[0]).toMatch(/^第1个席位 › 述行动题目：/);
  });
});

describe('judge links and codes', () => {
  it('each judge has a key as strong as the host key and a ten-digit code apart from the seats\' codes; only the host is told them', async () => {
    const h = await server();
    const host = await h.host();
    const list = await access(h, host);
    expect(list.judges.map((j) => [j.judgeId, j.name, j.devices, j.connected])).toEqual([
      ['j1', '王教授', 0, 0],
      ['j2', '李主任', 0, 0],
      ['j3', '陈书记', 0, 0],
    ]);
    expect(list.judges[0]).toMatchObject({ title: '省委党校教授', unit: '省委党校' });
    for (const j of list.judges) {
      expect(j.link).toMatch(new RegExp(`^http://qiangda\\.test/judge/\\?c=${h.contestId}&key=`));
      expect(keyOf(j.link).length).toBeGreaterThanOrEqual(h.hostKey.length);
      expect(j.code).toMatch(/^[1-9]\d{9}$/);
    }
    const codes = [...list.judges.map((j) => j.code), ...Object.values(h.joinCodes)];
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(list.judges.map((j) => keyOf(j.link))).size).toBe(3);
    expect(list.cardsUrl).toBe(`http://qiangda.test/judge-cards/?c=${h.contestId}&key=${encodeURIComponent(h.hostKey)}`);

    // No other page is told any judge's key or code: not in its view, not in any event.
    const screen = await h.screen();
    const phone = await h.contestant('s1');
    const judge = await judgeByLink(h, keyOf(list.judges[1].link));
    await host.request('host:command', { type: 'question:next' });
    await Promise.all([screen, phone, judge].map((page) => page.until((v) => v.stage === 'round')));
    for (const page of [screen, phone, judge]) {
      const told = JSON.stringify(page.updates);
      for (const j of list.judges) {
        expect(told).not.toContain(keyOf(j.link));
        expect(told).not.toContain(j.code);
      }
      expect(await page.request('judges:access', {})).toEqual({ error: ErrorCode.NotAuthorised });
    }
  });

  it('a judge\'s link signs it in; a wrong key is refused with bad-judge-key', async () => {
    const h = await server();
    const host = await h.host();
    const list = await access(h, host);
    const shown = hostSees(host, 'j2', 1);
    await judgeByLink(h, keyOf(list.judges[1].link));
    await shown;
    const wrong = h.connect({ role: 'judge', key: `${keyOf(list.judges[1].link).slice(0, -2)}xx` });
    await expect(wrong.ready()).rejects.toThrow(ErrorCode.BadJudgeKey);
    // The host key is not a judge key either.
    await expect(h.connect({ role: 'judge', key: h.hostKey }).ready()).rejects.toThrow(ErrorCode.BadJudgeKey);
  });

  it('a judge types its code once; the device then comes back by its token, also after a restart, with the same links and codes', async () => {
    const dir = tempDir('qiangda-judges-');
    const file = join(dir, 'q.db');
    const clock = new FakeClock();
    const first = await server({ store: openStore(file), clock });
    const before = await access(first);
    const page = first.connect({ role: 'judge' });
    await page.ready();
    const claimed = await page.request('judge:claim', { code: `${before.judges[2].code.slice(0, 5)} ${before.judges[2].code.slice(5)}`, deviceToken: token(1) });
    expect(claimed).toEqual({ data: { judgeId: 'j3', deviceToken: token(1) } });
    // A repeated claim whose answer was lost: the same answer, one device.
    expect(await page.request('judge:claim', { code: before.judges[2].code, deviceToken: token(1) })).toEqual(claimed);
    expect((await access(first)).judges[2]).toMatchObject({ devices: 1, connected: 1 });
    // Signed in already: another judge's code is refused.
    expect(await page.request('judge:claim', { code: before.judges[0].code, deviceToken: token(1) })).toEqual({ error: ErrorCode.AlreadyJudge });
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = await server({ store: openStore(file), clock });
    const after = await access(second);
    expect(after.judges.map((j) => [j.link, j.code, j.devices])).toEqual(before.judges.map((j) => [j.link, j.code, j.judgeId === 'j3' ? 1 : 0]));
    const host = await second.host();
    const shown = hostSees(host, 'j3', 1);
    const back = second.connect({ role: 'judge', deviceToken: token(1) });
    await back.ready();
    await shown;
    // A token no judge holds signs in nobody: the page asks for the code, and may not score.
    const stranger = second.connect({ role: 'judge', deviceToken: token(2) });
    await stranger.ready();
    expect(await stranger.request('judge:score', { seatId: 's1', value: 90 })).toEqual({ error: ErrorCode.NoJudge });
  });

  it('[G1] wrong judge codes are throttled like join codes, with the same allowance as seat claims', async () => {
    const h = await server();
    const page = h.connect({ role: 'judge' });
    await page.ready();
    const answers = [];
    for (let n = 0; n < CLAIM_LIMITS.socket.burst + 1; n++) answers.push(await page.request('judge:claim', { code: String(1_000_000_007 + n * 7919), deviceToken: token(n) }));
    expect(answers.slice(0, CLAIM_LIMITS.socket.burst)).toEqual(Array(CLAIM_LIMITS.socket.burst).fill({ error: ErrorCode.BadJudgeCode }));
    expect(answers.at(-1)).toMatchObject({ error: ErrorCode.ClaimsThrottled });
    // A throttled claim is not tried at all: even the right code waits.
    const right = (await access(h)).judges[0].code;
    expect(await page.request('judge:claim', { code: right, deviceToken: token(99) })).toMatchObject({ error: ErrorCode.ClaimsThrottled });
    // Seat claims from the same page share the allowance: a judge page cannot guess seat codes
    // (it may not claim seats at all).
    expect(await page.request('seat:claim', { joinCode: h.joinCodes.s1 })).toEqual({ error: ErrorCode.NotAuthorised });
    h.clock.advance(60_000);
    expect(await page.request('judge:claim', { code: right, deviceToken: token(99) })).toEqual({ data: { judgeId: 'j1', deviceToken: token(99) } });
  });

  it('bad claims are refused with a code: malformed codes and tokens, a phone\'s token, a phone or host asking', async () => {
    const h = await server();
    const page = h.connect({ role: 'judge' });
    await page.ready();
    const code = (await access(h)).judges[0].code;
    expect(await page.raw('judge:claim', { code: 'abc', deviceToken: token(1) })).toEqual({ error: ErrorCode.BadPayload });
    expect(await page.raw('judge:claim', { code, deviceToken: 'short' })).toEqual({ error: ErrorCode.BadPayload });
    expect(await page.raw('judge:claim', { code, deviceToken: token(1), judgeId: 'j2' })).toEqual({ error: ErrorCode.BadPayload });
    const phone = await h.contestant('s1');
    expect(await page.request('judge:claim', { code, deviceToken: phone.deviceToken as string })).toEqual({ error: ErrorCode.BadJudgeCode });
    expect(await phone.request('judge:claim', { code, deviceToken: token(2) })).toEqual({ error: ErrorCode.NotAuthorised });
    expect((await access(h)).judges[0].devices).toBe(0);
  });
});

describe('what a judge socket may send', () => {
  it('a judge socket is refused every host command and every seat request; a phone and the screen are refused judge:score', async () => {
    const h = await server();
    const judge = await judgeByLink(h, keyOf((await access(h)).judges[0].link));
    const host = await h.host();
    for (const type of ['question:next', 'buzzers:open', 'answer:reveal', 'ruling:undo', 'show:pause'] as const) {
      expect(await judge.request('host:command', { type })).toEqual({ error: ErrorCode.NotAuthorised });
    }
    expect(await judge.request('host:command', { type: 'score:adjust', seatId: 's1', delta: 10, reason: '评委' })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await judge.request('question:swap', {})).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await judge.request('seat:release', { seatId: 's1' })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await judge.request('contest:define', { file: {} })).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await judge.request('contest:source', {})).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await judge.request('buzz:press', {})).toEqual({ error: ErrorCode.NotAuthorised });
    expect(await judge.request('answer:submit', { choice: [0] })).toEqual({ error: ErrorCode.NotAuthorised });

    const phone = await h.contestant('s1');
    const screen = await h.screen();
    for (const page of [phone, screen, host]) expect(await page.request('judge:score', { seatId: 's1', value: 90 })).toEqual({ error: ErrorCode.NotAuthorised });
    // The judge is never a field of the payload: a page naming one is refused.
    expect(await judge.raw('judge:score', { seatId: 's1', value: 90, judgeId: 'j2' })).toEqual({ error: ErrorCode.BadPayload });
    expect(await judge.raw('judge:score', { seatId: 's1', value: 'ninety' })).toEqual({ error: ErrorCode.BadPayload });
    expect(await judge.raw('judge:score', { seatId: 's1', value: 90, parts: [] })).toEqual({ error: ErrorCode.BadPayload });
    expect(h.store.loadContest(h.contestId)?.commands).toEqual([]);
  });

  it('[edge] a judge socket is rate-limited like a phone', async () => {
    const h = await server({ edge: { eventRate: { burst: 5, perSecond: 1, patience: 100 } } });
    const judge = await judgeByLink(h, keyOf((await access(h)).judges[0].link));
    const answers = await Promise.all(Array.from({ length: 8 }, () => judge.request('clock:probe', {})));
    expect(answers.filter((a) => 'error' in a && a.error === ErrorCode.RateLimited).length).toBeGreaterThan(0);
  });
});

describe('the panel changes in the lobby', () => {
  it('judges kept by id keep their link, code and devices; a judge taken off the panel is told and signed out', async () => {
    const h = await server();
    const host = await h.host();
    const before = await access(h, host);
    const kept = await judgeByLink(h, keyOf(before.judges[0].link));
    const dropped = await judgeByLink(h, keyOf(before.judges[2].link));
    const released = new Promise<void>((resolve) => dropped.socket.once('judge:released', () => resolve()));
    const source = await host.request('contest:source', {});
    const file = {
      format: 'qiangda-contest',
      version: 1,
      title: '决赛',
      seats: [{ name: '1号席' }, { name: '2号席' }],
      stages: [{ name: '比知识', rounds: [{ kind: 'buzz-in', questions: 1 }] }],
      judges: [{ id: 'j1', name: '王教授' }, { id: 'j2', name: '李主任' }, { id: 'j9', name: '新评委' }],
    };
    expect(source).toMatchObject({ data: null });
    expect(await host.request('contest:define', { file })).toEqual({ data: null });
    await released;
    const after = await access(h, host);
    expect(after.judges.slice(0, 2).map((j) => [j.link, j.code])).toEqual(before.judges.slice(0, 2).map((j) => [j.link, j.code]));
    expect(after.judges[2].judgeId).toBe('j9');
    expect(after.judges[2].code).not.toBe(before.judges[2].code);
    expect(await dropped.request('judge:score', { seatId: 's1', value: 1 })).toEqual({ error: ErrorCode.NoJudge });
    await expect(h.connect({ role: 'judge', key: keyOf(before.judges[2].link) }).ready()).rejects.toThrow(ErrorCode.BadJudgeKey);
    expect(kept.socket.connected).toBe(true);
  });
});

describe('judge cards', () => {
  it('the cards page shows each judge\'s name, QR code and code with the host or organiser key, and nothing without', async () => {
    const h = await server();
    const list = await access(h);
    const refused = await fetch(`${h.url}/judge-cards/?c=${h.contestId}&key=wrong`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain(list.judges[0].code.slice(0, 5));
    const page = await fetch(`${h.url}/judge-cards/?c=${h.contestId}&key=${encodeURIComponent(h.hostKey)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html.match(/data-testid="judge-card"/g)).toHaveLength(3);
    for (const j of list.judges) expect(html).toContain(`${j.code.slice(0, 5)} ${j.code.slice(5)}`);
    expect(html).toContain('王教授');
    expect(html).toContain('省委党校教授 · 省委党校');
    expect(html.match(/<svg/g)).toHaveLength(3);
    const organiser = await fetch(`${h.url}/judge-cards/?c=${h.contestId}&key=${encodeURIComponent(h.app.contests.organiserKey())}&lang=en`);
    expect(await organiser.text()).toContain('Judge code');
  });
});

describe('archives', () => {
  it('an archive carries the judges\' keys, codes and devices, and restores them', async () => {
    const h = await server();
    const list = await access(h);
    const page = h.connect({ role: 'judge' });
    await page.ready();
    await page.request('judge:claim', { code: list.judges[1].code, deviceToken: token(5) });
    const stored = h.store.loadContest(h.contestId);
    if (!stored) throw new Error('no contest');
    const read = readArchive(archiveOf(stored, h.clock.now()));
    if (!read.ok) throw new Error(read.error);
    expect(read.contest.judges).toEqual(stored.judges);
    expect(read.contest.judges[1].deviceTokens).toEqual([token(5)]);
    expect(read.contest.judges.map((j) => j.code)).toEqual(list.judges.map((j) => j.code));
    expect(list.judges.every((j) => JOIN_CODE_PATTERN.test(j.code))).toBe(true);
    // Restored into another folder, the judges' links, codes and devices are the same.
    const elsewhere = openStore(':memory:');
    try {
      expect(restoreArchive(elsewhere, archiveOf(stored, h.clock.now()))).toMatchObject({ ok: true });
      expect(elsewhere.loadContest(h.contestId)?.judges).toEqual(stored.judges);
    } finally {
      elsewhere.close();
    }
  });

  it('an archive whose judges do not match its panel is refused', async () => {
    const h = await server();
    const stored = h.store.loadContest(h.contestId);
    if (!stored) throw new Error('no contest');
    const read = (judges: typeof stored.judges) => readArchive(archiveOf({ ...stored, judges }, h.clock.now()));
    expect(read(stored.judges.slice(1))).toMatchObject({ ok: false, error: 'archive-invalid' });
    expect(read(stored.judges.map((j, i) => (i === 1 ? { ...j, code: h.joinCodes.s1 } : j)))).toMatchObject({ ok: false, error: 'archive-invalid' });
  });
});
