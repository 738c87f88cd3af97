// The show's time over real sockets (RULES.md K): a pause stops every countdown for every page,
// survives a server restart (the state is the replay of the log), and the host's added time and
// a seat's own deadline are logged like every command.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import { DEFAULT_ANSWER_TIME_MS } from '../../shared/contest/defaults.js';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore } from '../../server/storage/store.js';
import { allAtOnceRound, choice, definition } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness } from '../support/harness.js';
import { answersOf, askedOf, buzzOf } from '../support/question-of.js';

const harnesses: Harness[] = [];
const dirs: string[] = [];

async function server(options: Parameters<typeof startServer>[0] = {}) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('[K1][K3][K4] pause over sockets', () => {
  it('[K4] a paused answer countdown stays paused through a restart and resumes with the time it had', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
    dirs.push(dir);
    const file = join(dir, 'qiangda.db');
    const clock = new FakeClock();

    const first = await server({ store: openStore(file), clock });
    const host = await first.host();
    const phone = await first.contestant('s1');
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    await phone.request('buzz:press', {});
    clock.advance(DEFAULT_GRACE_CAP_MS);
    const won = await host.until((v) => v.question?.phase === 'answering');
    const deadline = askedOf(won)?.answerDeadline as number;
    clock.advance(5000);
    expect(await host.request('host:command', { type: 'show:pause' })).toEqual({ data: null });
    const paused = await phone.until((v) => v.pausedAt !== null);
    const left = deadline - (paused.pausedAt as number);
    expect(await host.request('host:command', { type: 'show:pause' })).toEqual({ error: ErrorCode.Paused });

    // Long past the deadline, nothing has timed out; the phone's press is refused, not logged.
    clock.advance(DEFAULT_ANSWER_TIME_MS * 3);
    const other = await first.contestant('s2');
    expect(await other.request('buzz:press', {})).toEqual({ error: ErrorCode.Paused });
    const before = structuredClone(first.room.state);
    expect(before.question?.phase).toBe('answering');
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // Down for a minute; a new process opens the same file and comes back paused.
    clock.advance(60_000);
    const second = await server({ store: openStore(file), clock });
    expect(second.room.state).toEqual(before);
    const screen = await second.screen();
    expect((await screen.until(() => true)).pausedAt).toBe(paused.pausedAt);
    const host2 = await second.host();
    expect(await host2.request('host:command', { type: 'show:resume' })).toEqual({ data: null });
    const resumed = await screen.until((v) => v.pausedAt === null);
    expect(askedOf(resumed)?.answerDeadline).toBe(clock.now() + left);

    clock.advance(left - 1);
    expect(second.room.state.question?.phase).toBe('answering');
    clock.advance(1);
    const timedOut = await screen.until((v) => v.question?.phase === 'wrong');
    expect(timedOut.ledger.at(-1)).toMatchObject({ seatId: 's1', reason: 'timeout', at: clock.now() });
    expect(await host2.request('host:command', { type: 'show:resume' })).toEqual({ error: ErrorCode.NotPaused });
    second.store.close();
  });

  it('[K5] + adds time on the record; bad amounts are refused at the edge and change nothing', async () => {
    const h = await server();
    const host = await h.host();
    for (const type of ['question:next', 'question:next', 'buzzers:open'] as const) await host.request('host:command', { type });
    const open = await host.until((v) => v.question?.phase === 'open');
    expect(await host.request('host:command', { type: 'countdown:extend', ms: 10_000 })).toEqual({ data: null });
    const longer = await host.until((v) => buzzOf(v)?.buzzDeadline !== buzzOf(open)?.buzzDeadline);
    expect(buzzOf(longer)?.buzzDeadline).toBe((buzzOf(open)?.buzzDeadline as number) + 10_000);
    const logged = h.store.loadContest(h.contestId)?.commands.at(-1);
    expect(logged).toMatchObject({ type: 'countdown:extend', ms: 10_000 });
    for (const ms of [0, -5000, 1.5, 3_600_000]) {
      expect(await host.request('host:command', { type: 'countdown:extend', ms } as never)).toEqual({ error: ErrorCode.BadPayload });
    }
    const phone = await h.contestant('s1');
    expect(await phone.request('host:command', { type: 'show:pause' } as never)).toEqual({ error: ErrorCode.NotAuthorised });
    expect(h.room.state.pausedAt).toBeNull();
  });

  it('[K8] a seat given its own time answers after the others’ deadline; theirs is late', async () => {
    const h = await server({ definition: definition({ rounds: [allAtOnceRound([choice(1, 'B')], { answerTimeMs: 20_000 })] }) });
    const host = await h.host();
    const s1 = await h.contestant('s1');
    const s2 = await h.contestant('s2');
    const opened = h.clock.now();
    for (const type of ['question:next', 'question:next', 'answers:open'] as const) await host.request('host:command', { type });
    await host.until((v) => v.question?.phase === 'answering');
    h.clock.advance(15_000);
    expect(await host.request('host:command', { type: 'answers:extend-seat', seatId: 's2', ms: 30_000 })).toEqual({ data: null });
    // Its own deadline: the later of its deadline (20 s) and now (15 s), plus 30 s.
    await s2.until((v) => askedOf(v)?.answerDeadline === opened + 50_000);
    expect(askedOf(await s1.until(() => true))?.answerDeadline).toBe(opened + 20_000);
    h.clock.advance(10_000);
    expect(await s1.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'late' } });
    expect(await s2.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'recorded' } });
    h.clock.advance(25_000);
    const graded = await host.until((v) => v.question?.phase === 'revealed');
    expect(answersOf(graded)?.results).toMatchObject({ s1: { grade: 'none' }, s2: { grade: 'right' } });
    expect(await host.request('host:command', { type: 'answers:extend-seat', seatId: 's1', ms: 10_000 })).toEqual({ error: ErrorCode.KeyRevealed });
  });

  it('[K8] a phone back late after a restart: the host sees the seconds it lost and gives its seat that time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-'));
    dirs.push(dir);
    const file = join(dir, 'qiangda.db');
    const clock = new FakeClock();
    const contest = definition({ rounds: [allAtOnceRound([choice(1, 'B')], { answerTimeMs: 20_000 })] });

    const first = await server({ store: openStore(file), clock, definition: contest });
    const host = await first.host();
    const s1 = await first.contestant('s1');
    const s2 = await first.contestant('s2');
    const opened = clock.now();
    for (const type of ['question:next', 'question:next', 'answers:open'] as const) await host.request('host:command', { type });
    await s2.until((v) => v.question?.phase === 'answering');
    clock.advance(5000);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // Back after 2 s; s1's phone returns at once, s2's only 8 s later.
    clock.advance(2000);
    const second = await server({ store: openStore(file), clock, definition: contest });
    const host2 = await second.host();
    const s1Again = second.connect({ role: 'contestant', deviceToken: s1.deviceToken });
    expect((await s1Again.ready()).me).toBe('s1');
    clock.advance(8000);
    const s2Again = second.connect({ role: 'contestant', deviceToken: s2.deviceToken });
    expect((await s2Again.ready()).me).toBe('s2');
    const seen = await host2.until((v) => v.answerGaps.s2?.since === null);
    expect(seen.answerGaps.s2).toEqual({ ms: 8000, since: null });
    expect(seen.answerGaps.s1).toBeUndefined();

    // The host gives s2 its 8 s: it answers after everyone else's deadline, and it counts.
    expect(await host2.request('host:command', { type: 'answers:extend-seat', seatId: 's2', ms: 8000 })).toEqual({ data: null });
    clock.advance(opened + 20_000 - clock.now() + 1000);
    expect(await s1Again.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'late' } });
    expect(await s2Again.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'recorded' } });
    clock.advance(7000);
    const graded = await host2.until((v) => v.question?.phase === 'revealed');
    expect(answersOf(graded)?.results).toMatchObject({ s1: { grade: 'none' }, s2: { grade: 'right' } });
    second.store.close();
  });
});
