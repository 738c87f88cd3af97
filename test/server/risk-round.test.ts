// Risk questions (风险题) over real sockets on a fake clock: the phone picks its stake, the seat is
// the phone's own, the question reaches nobody before the stake, the file round-trips, a restart
// replays the stake.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../shared/contest/question.js';
import { viewOfKind, type ContestView } from '../../shared/contest/views.js';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore } from '../../server/storage/store.js';
import { recordOf } from '../../server/http/records.js';
import { tables } from '../../server/http/exports.js';
import { commandSchema, definitionSchema } from '../../server/storage/archive-schema.js';
import { definition, question, riskRound } from '../support/definitions.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';

const harnesses: Harness[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startServer>[0]) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

const risk = (v: ContestView | null) => viewOfKind(v?.question, 'risk');
const bank: Question[] = Array.from({ length: 12 }, (_, i) => question(i + 1));

async function hostDoes(host: TestClient, ...commands: Parameters<TestClient['request']>[1][]) {
  for (const command of commands) expect(await host.request('host:command', command as never)).toEqual({ data: null });
}

describe('risk questions over sockets', () => {
  it('[RK2][RK5][RK7] the phone picks 30: the question goes out only then, the screen shows the stake, a wrong ruling costs 30', async () => {
    const h = await server({ definition: definition({ seats: 3, rounds: [riskRound(['s1', 's2', 's3'], 1)] }), bank });
    const host = await h.host();
    const screen = await h.screen();
    const [p1, p2] = [await h.contestant('s1'), await h.contestant('s2')];
    await hostDoes(host, { type: 'question:next' }, { type: 'question:next' });
    const stem = h.room.state.definition.stages[0].rounds[0].questions[0].stem;
    const choosing = await p2.until((v) => risk(v)?.phase === 'choosing');
    expect(risk(choosing)).toMatchObject({ turnSeat: 's1', stem: '', stake: null });
    // Every view sent so far, to every page, kept the question to itself.
    for (const page of [host, screen, p1, p2]) expect(JSON.stringify(page.updates)).not.toContain(stem);
    // Whose turn it is: every phone is told the seat's name.
    expect(choosing.seats.map((s) => s.id)).toContain('s1');

    expect(await p2.request('stake:choose', { stake: 30 })).toEqual({ error: ErrorCode.NotYourTurn });
    expect(await p1.request('stake:choose', { stake: 25 })).toEqual({ error: ErrorCode.BadStake });
    expect(await p1.request('stake:choose', { stake: 0 } as never)).toEqual({ error: ErrorCode.BadPayload });
    expect(await p1.request('stake:choose', { stake: 30, seatId: 's2' } as never)).toEqual({ error: ErrorCode.BadPayload });
    expect(await screen.request('stake:choose', { stake: 30 })).toEqual({ error: ErrorCode.NotAuthorised });
    // D2: a pick whose answer was lost is sent again with the same id, and applied once.
    expect(await p1.request('stake:choose', { stake: 30, rid: 'stake-rid-0001' })).toEqual({ data: null });
    expect(await p1.request('stake:choose', { stake: 30, rid: 'stake-rid-0001' })).toEqual({ data: null });
    expect(h.room.state.ledger).toEqual([]);

    const shown = await screen.until((v) => risk(v)?.phase === 'reading');
    expect(risk(shown)).toMatchObject({ stem, stake: 30, chosenBy: 'seat', answer: null });
    expect(risk(await p2.until((v) => risk(v)?.stake === 30))?.stem).toBe(stem);
    // RK2: the phone cannot change its mind once the question is out.
    expect(await p1.request('stake:choose', { stake: 10 })).toEqual({ error: ErrorCode.WrongPhase });

    await hostDoes(host, { type: 'turn:start' }, { type: 'answer:rule', verdict: 'wrong' });
    const ruled = await screen.until((v) => risk(v)?.phase === 'revealed');
    expect(ruled.seats.find((s) => s.id === 's1')?.score).toBe(-30);
    expect(ruled.ledger.at(-1)).toMatchObject({ seatId: 's1', delta: -30, reason: 'wrong', stake: 30 });
    expect(risk(ruled)?.answer).toMatch(/^答案\d+$/);
    // The phone's pick is logged with the seat the server gave it, and an archive takes it.
    const picks = h.store.loadContest(h.contestId)?.commands.filter((c) => c.type === 'stake:choose') ?? [];
    expect(picks).toMatchObject([{ type: 'stake:choose', seatId: 's1', stake: 30 }]);
    expect(picks.every((c) => commandSchema.safeParse(c).success)).toBe(true);
  });

  it('[RK2][RK4][RK5] the host picks for a seat (代选), a timeout loses the stake on the room\'s timer, and a pass scores 0', async () => {
    const h = await server({ definition: definition({ seats: 2, rounds: [riskRound(['s1', 's2'], 1)] }), bank });
    const host = await h.host();
    const p2 = await h.contestant('s2');
    await hostDoes(host, { type: 'question:next' }, { type: 'question:next' });
    expect(await host.request('host:command', { type: 'stake:choose', stake: 15 })).toEqual({ error: ErrorCode.BadStake });
    expect(await host.request('host:command', { type: 'stake:choose', stake: 0.5 } as never)).toEqual({ error: ErrorCode.BadPayload });
    await hostDoes(host, { type: 'stake:choose', stake: 20 }, { type: 'turn:start' });
    const picked = await p2.until((v) => risk(v)?.phase === 'answering');
    expect(risk(picked)).toMatchObject({ stake: 20, chosenBy: 'host' });
    h.clock.advance(30_000);
    const timedOut = await host.until((v) => risk(v)?.outcome === 'timeout');
    expect(timedOut.seats[0].score).toBe(-20);

    await hostDoes(host, { type: 'question:next' });
    await p2.until((v) => risk(v)?.turnSeat === 's2' && risk(v)?.phase === 'choosing');
    expect(await p2.request('stake:choose', { stake: null })).toEqual({ data: null });
    const passed = await host.until((v) => risk(v)?.outcome === 'passed');
    expect(passed.ledger.at(-1)).toMatchObject({ seatId: 's2', delta: 0, reason: 'passed' });
    expect(passed.seats[1].score).toBe(0);

    // RK7: the export's score sheet carries each ruling's stake, and the pass by name.
    const stored = h.store.loadContest(h.contestId);
    if (!stored) return expect.fail('contest not stored');
    const ledger = tables(recordOf(stored), { locale: 'zh', timeZone: 'Asia/Shanghai' }).find((t) => t.name === 'ledger');
    expect(ledger?.header.at(-1)).toBe('风险分值');
    expect(ledger?.rows.map((r) => [r[2], r[3], r[4], r.at(-1)])).toEqual([
      ['1号席', -20, '超时未答', 20],
      ['2号席', 0, '放弃', ''],
    ]);
  });

  it('[RK1][F3][D3] a contest file with a risk round draws one question per turn, and a restart replays the stake', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qiangda-risk-'));
    folders.push(folder);
    const file = join(folder, 'contest.db');
    const clock = new FakeClock();
    const first = await startServer({ store: openStore(file), clock, bank });
    const host = await first.host();
    const contestFile = {
      format: 'qiangda-contest',
      version: 1,
      title: '风险题',
      seats: [{ name: '甲' }, { name: '乙' }],
      stages: [{ name: '比知识', rounds: [{ kind: 'risk', perSeat: 2, stakes: [10, 20, 30], allowPass: false, answerTimeSec: 25, draw: { types: ['open'] } }] }],
      seed: 'fixed',
    };
    expect(await host.request('contest:define', { file: { ...contestFile, stages: [{ name: '比知识', rounds: [{ kind: 'risk', stakes: [10, 10] }] }] } })).toMatchObject({ error: ErrorCode.BadDefinition });
    expect(await host.request('contest:define', { file: contestFile })).toEqual({ data: null });
    const round = first.room.state.definition.stages[0].rounds[0];
    expect(round).toMatchObject({ kind: 'risk', risk: { stakes: [10, 20, 30], allowPass: false, perSeat: 2, answerTimeMs: 25_000, order: ['seat-1', 'seat-2'] } });
    expect(round.questions).toHaveLength(4);
    expect(await host.request('contest:source', {})).toMatchObject({ data: { stages: [{ rounds: [{ kind: 'risk', stakes: [10, 20, 30], allowPass: false }] }] } });
    await hostDoes(host, { type: 'question:next' }, { type: 'question:next' });
    expect(await host.request('host:command', { type: 'stake:choose', stake: null })).toEqual({ error: ErrorCode.PassNotAllowed });
    await hostDoes(host, { type: 'stake:choose', stake: 30 }, { type: 'turn:start' });
    // An archive keeps the risk round and the picks: its schema takes them as they are.
    const stored = first.store.loadContest(first.contestId);
    expect(definitionSchema.safeParse(stored?.definition).success).toBe(true);
    expect(stored?.commands.filter((c) => c.type === 'stake:choose').map((c) => commandSchema.safeParse(c).success)).toEqual([true]);
    await first.close();
    harnesses.push(await startServer({ store: openStore(file), clock, bank }));
    const second = harnesses.at(-1) as Harness;
    const back = await second.host();
    const view = await back.until((v) => risk(v)?.phase === 'answering');
    expect(risk(view)).toMatchObject({ stake: 30, chosenBy: 'host', answerDeadline: clock.now() + 25_000 });
  });
});
