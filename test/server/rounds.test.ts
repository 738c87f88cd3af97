// The new round kinds, team seats, contest files and swaps, over real sockets on a fake clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../shared/contest/question.js';
import type { ContestView } from '../../shared/contest/views.js';
import { ErrorCode } from '../../shared/protocol.js';
import { allAtOnceRound, choice, definition, question, trueFalse } from '../support/definitions.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { answersOf, askedOf } from '../support/question-of.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function server(options: Parameters<typeof startServer>[0]) {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

async function hostDoes(host: TestClient, ...types: ('question:next' | 'answers:open' | 'turn:start' | 'buzzers:open')[]) {
  for (const type of types) expect(await host.request('host:command', { type })).toEqual({ data: null });
}

const bank: Question[] = [
  ...Array.from({ length: 12 }, (_, i) => question(i + 1)),
  ...Array.from({ length: 8 }, (_, i) => choice(i + 1, 'ABCD'[i % 4])),
  trueFalse(1, true),
  trueFalse(2, false),
];

const contestFile = (overrides: Record<string, unknown> = {}) => ({
  format: 'qiangda-contest',
  version: 1,
  title: '区直机关党史知识竞赛',
  seats: [
    { name: '甲队', kind: 'team', phones: 2 },
    { name: '乙队', kind: 'team', phones: 2 },
  ],
  stages: [
    {
      name: '比知识',
      rounds: [
        { kind: 'in-turn', perSeat: 1, draw: { types: ['open'] } },
        { kind: 'all-at-once', questions: 2 },
        { kind: 'buzz-in', questions: 3 },
      ],
    },
  ],
  seed: 'fixed',
  ...overrides,
});

describe('all-at-once over sockets', () => {
  it('[A2][A3][A5] answers are acknowledged, a late one is kept but not counted, and phones only hear about their own', async () => {
    const h = await server({ definition: definition({ seats: 3, rounds: [allAtOnceRound([choice(1, 'B')])] }), bank });
    const host = await h.host();
    const screen = await h.screen();
    const [p1, p2, p3] = [await h.contestant('s1'), await h.contestant('s2'), await h.contestant('s3')];
    await hostDoes(host, 'question:next', 'question:next', 'answers:open');
    for (const p of [p1, p2, p3]) await p.until((v) => v.question?.phase === 'answering');
    const p2UpdatesBefore = p2.updates.length;

    expect(await p1.request('answer:submit', { choice: [0] })).toEqual({ data: { status: 'recorded' } });
    expect(await p1.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'recorded' } });
    expect(await p2.request('answer:submit', { choice: [9] })).toEqual({ error: ErrorCode.BadPayload });
    expect(await p2.request('answer:submit', { choice: [5] })).toEqual({ error: ErrorCode.BadChoice });
    const seen = await screen.until((v) => answersOf(v)?.answered.length === 1);
    expect(answersOf(seen)?.answered).toEqual(['s1']);
    expect(answersOf(await p1.until((v) => answersOf(v)?.myAnswer?.[0] === 1))?.answerKey).toBeNull();
    // p1's answers went to p1 and the staff only.
    expect(p2.updates.length).toBe(p2UpdatesBefore);

    h.clock.advance(20_000);
    expect(await p3.request('answer:submit', { choice: [1] })).toEqual({ data: { status: 'late' } });
    const revealed = await screen.until((v) => v.question?.phase === 'revealed' && askedOf(v)?.answerKey !== null);
    expect(answersOf(revealed)?.distribution).toEqual([0, 1, 0, 0]);
    expect(revealed.seats.map((s) => s.score)).toEqual([10, 0, 0]);
    expect(answersOf(await host.until((v) => answersOf(v)?.late.length === 1))?.late.map((l) => l.seatId)).toEqual(['s3']);
    const own = await p2.until((v) => v.question?.phase === 'revealed');
    expect(answersOf(own)?.results).toEqual({ s2: { choice: null, grade: 'none', points: 0 } });
  });
});

describe('team seats', () => {
  it('[S1] up to `phones` phones share a team seat; the first press of any wins', async () => {
    const h = await server({ bank });
    const host = await h.host();
    expect(await host.request('contest:define', { file: contestFile() })).toEqual({ data: null });
    const codes = Object.fromEntries(h.store.loadContest(h.contestId)?.seats.map((s) => [s.seatId, s.joinCode]) ?? []);
    const phone = async () => {
      const c = h.connect({ role: 'contestant' });
      await c.ready();
      return c;
    };
    const [a1, a2, a3] = [await phone(), await phone(), await phone()];
    expect(await a1.request('seat:claim', { joinCode: codes['seat-1'] })).toMatchObject({ data: { seatId: 'seat-1' } });
    expect(await a2.request('seat:claim', { joinCode: codes['seat-1'] })).toMatchObject({ data: { seatId: 'seat-1' } });
    expect(await a3.request('seat:claim', { joinCode: codes['seat-1'] })).toEqual({ error: ErrorCode.BadJoinCode });
    const hv = await host.until((v) => v.seats[0].claimed === 2 && v.seats[0].connected === 2);
    expect(hv.seats[0]).toMatchObject({ kind: 'team', phones: 2 });

    // Through the in-turn round (two turns) and the all-at-once round to the buzz-in round.
    await hostDoes(host, 'question:next', 'question:next');
    for (let i = 0; i < 2; i++) {
      await host.request('host:command', { type: 'turn:skip' });
      await hostDoes(host, 'question:next');
    }
    for (let i = 0; i < 2; i++) {
      await hostDoes(host, 'question:next', 'answers:open');
      await host.request('host:command', { type: 'answer:reveal' });
    }
    await hostDoes(host, 'question:next', 'question:next', 'buzzers:open');
    // The team's two phones press; the engine sees one seat, so the second press is late. No
    // other seat has a phone connected, so nobody else is armed and the buzz is decided at once.
    expect(await a2.request('buzz:press', {})).toEqual({ data: { decision: 'won' } });
    expect(await a1.request('buzz:press', {})).toEqual({ data: { decision: 'late' } });
  });
});

describe('contest files from the host console', () => {
  it('[F3] a bad file is refused with every problem naming its field, in Chinese and English, and changes nothing', async () => {
    const h = await server({ bank });
    const host = await h.host();
    const before = h.store.loadContest(h.contestId);
    const bad = contestFile({
      title: '',
      seats: [{ name: '甲队', phones: 3 }, { name: '甲队' }],
      stages: [{ name: '比知识', rounds: [{ kind: 'all-at-once', questions: 2, answerTimeSec: -5, draw: { types: ['open'] } }] }],
    });
    const ack = await host.request('contest:define', { file: bad });
    expect('error' in ack && ack.error).toBe(ErrorCode.BadDefinition);
    const issues = 'error' in ack ? (ack.issues ?? []) : [];
    const zh = issues.map((i) => i.zh);
    expect(zh).toEqual(
      expect.arrayContaining([
        '竞赛名称：不能为空',
        expect.stringContaining('第1个席位 › 手机数：个人席位只能有1部手机'),
        expect.stringContaining('席位：席位名称不能重复'),
        expect.stringMatching(/^第1环节 › 第1轮 › 作答时间（秒）：/),
        expect.stringContaining('同步作答只能使用单选、多选或判断题'),
      ]),
    );
    expect(issues.find((i) => i.path === 'title')?.en).toBe('Contest title: Required');
    expect(h.store.loadContest(h.contestId)).toEqual(before);
  });

  it('[F3] a round that cannot be filled from the bank is named', async () => {
    const h = await server({ bank });
    const host = await h.host();
    const ack = await host.request('contest:define', { file: contestFile({ stages: [{ name: '抢答', rounds: [{ kind: 'buzz-in', questions: 500 }] }] }) });
    expect('error' in ack && ack.issues?.map((i) => i.zh)).toEqual(['第1环节 › 第1轮：题库中符合条件的题目不足：需要500道，只有22道']);
  });

  it('[F3] a good file redraws the contest with its seed; kept seats keep their codes; the source can be read back', async () => {
    const h = await server({ bank });
    const host = await h.host();
    expect(await host.request('contest:define', { file: contestFile() })).toEqual({ data: null });
    const first = h.store.loadContest(h.contestId);
    expect(first?.definition.stages[0].rounds.map((r) => [r.kind, r.questions.length])).toEqual([
      ['in-turn', 2],
      ['all-at-once', 2],
      ['buzz-in', 3],
    ]);
    const ids = first?.definition.stages[0].rounds.flatMap((r) => r.questions.map((q) => q.id)) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(first?.definition.stages[0].rounds[1].questions.every((q) => q.type !== 'open')).toBe(true);

    // Same file, same seed: the same draw.
    expect(await host.request('contest:define', { file: contestFile() })).toEqual({ data: null });
    expect(h.store.loadContest(h.contestId)?.definition).toEqual(first?.definition);

    // A third seat is added; the first two keep their codes.
    const withThird = contestFile({ seats: [...contestFile().seats, { name: '丙队' }] });
    expect(await host.request('contest:define', { file: withThird })).toEqual({ data: null });
    const second = h.store.loadContest(h.contestId);
    expect(second?.seats.slice(0, 2)).toEqual(first?.seats);
    expect(second?.seats).toHaveLength(3);
    expect(await host.request('contest:source', {})).toEqual({ data: withThird });

    // Reordered and renamed: seats keep their ids and codes by name; a renamed seat is new.
    const reordered = contestFile({ seats: [{ name: '丙队' }, { name: '甲队', kind: 'team', phones: 2 }, { name: '丁队' }] });
    expect(await host.request('contest:define', { file: reordered })).toEqual({ data: null });
    const third = h.store.loadContest(h.contestId);
    expect(third?.definition.seats.map((s) => [s.id, s.name])).toEqual([
      ['seat-3', '丙队'],
      ['seat-1', '甲队'],
      ['seat-4', '丁队'],
    ]);
    expect(third?.seats.find((s) => s.seatId === 'seat-4')?.deviceTokens).toEqual([]);
    const codeOf = (c: typeof first, id: string) => c?.seats.find((s) => s.seatId === id)?.joinCode;
    expect(codeOf(third, 'seat-1')).toBe(codeOf(first, 'seat-1'));
    expect(codeOf(third, 'seat-3')).toBe(codeOf(second, 'seat-3'));
    const seen: ContestView = await host.until((v) => v.seats.length === 3);
    expect(seen.title).toBe('区直机关党史知识竞赛');
  });

  it('refuses a new definition once the show has started, and from anyone but the host', async () => {
    const h = await server({ bank });
    const host = await h.host();
    const screen = await h.screen();
    expect(await screen.request('contest:define', { file: contestFile() })).toEqual({ error: ErrorCode.NotAuthorised });
    await hostDoes(host, 'question:next');
    expect(await host.request('contest:define', { file: contestFile() })).toEqual({ error: ErrorCode.ContestStarted });
  });
});

describe('swap over sockets', () => {
  it('[F4] the host swaps a question for an unused one from the bank; it is in the log', async () => {
    const h = await server({ bank });
    const host = await h.host();
    await hostDoes(host, 'question:next', 'question:next');
    const before = askedOf(await host.until((v) => v.question !== null))?.stem;
    expect(await host.request('question:swap', {})).toEqual({ data: null });
    const after = await host.until((v) => askedOf(v)?.stem !== before);
    expect(after.question?.phase).toBe('reading');
    const log = h.store.loadContest(h.contestId)?.commands ?? [];
    expect(log.at(-1)).toMatchObject({ type: 'question:swap', question: { stem: askedOf(after)?.stem } });
    await hostDoes(host, 'buzzers:open');
    expect(await host.request('question:swap', {})).toEqual({ error: ErrorCode.WrongPhase });
  });

  it('[F4] with nothing left in the bank the swap is refused', async () => {
    const h = await server({ bank: [] });
    const host = await h.host();
    await hostDoes(host, 'question:next', 'question:next');
    expect(await host.request('question:swap', {})).toEqual({ error: ErrorCode.NoReplacement });
  });
});
