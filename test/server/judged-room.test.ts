// A judged round in the room, over the host's socket (J1-J8): the preparation runs out on the
// room's timer (fake clock), the host's commands are checked by the wire schema, the screen sees
// no value before the reveal, and a restart replays the turn as it was.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContestDefinition } from '../../shared/contest/types.js';
import { ErrorCode } from '../../shared/protocol.js';
import { openStore } from '../../server/storage/store.js';
import { judgedRound, judges, seats } from '../support/definitions.js';
import { judgedOf } from '../support/question-of.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer } from '../support/harness.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, tempDir } = closedAfterEach();

const FINAL: ContestDefinition = {
  title: '决赛',
  seed: 'room',
  seats: seats(3),
  judges: judges(5),
  stages: [{ id: 'think', name: '悟思想', weight: 0.15, rounds: [judgedRound(['s2', 's1', 's3'], { prompt: 'question', prepareMs: 30_000, speakMs: 120_000 })] }],
};

describe('[J6][J7][D1] a judged turn in the room', () => {
  it('[J6][J7][D1] preparation ends on the room’s timer; scores stay hidden until the reveal; a restart replays it', async () => {
    const dir = tempDir('qiangda-');
    const file = join(dir, 'qiangda.db');
    const clock = new FakeClock();
    const first = await startServer({ definition: FINAL, store: openStore(file), clock });
    harnesses.push(first);
    const host = await first.host();
    const screen = await first.screen();
    for (const type of ['question:next', 'question:next', 'speech:start'] as const) expect(await host.request('host:command', { type })).toEqual({ data: null });
    const preparing = await screen.until((v) => judgedOf(v)?.phase === 'preparing');
    expect(judgedOf(preparing)).toMatchObject({ seatId: 's2', prompt: 'question', topic: FINAL.stages[0].rounds[0].questions[0].stem });

    clock.advance(30_000);
    const speaking = await screen.until((v) => judgedOf(v)?.phase === 'speaking');
    expect(judgedOf(speaking)?.speakingFrom).toBe(judgedOf(preparing)?.prepareDeadline);

    // The wire schema: a paper score needs its judge and seat, an exclusion its reason.
    expect(await host.request('host:command', { type: 'judge:exclude', judgeId: 'j5', reason: ' ' } as never)).toEqual({ error: ErrorCode.BadPayload });
    expect(await host.request('host:command', { type: 'judge:exclude', judgeId: 'j5', reason: '缺席' })).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'judge:enter', judgeId: 'j1', seatId: 's1', value: 80 })).toEqual({ error: ErrorCode.NotCurrentSeat });
    clock.advance(100_000);
    expect(await host.request('host:command', { type: 'speech:stop' })).toEqual({ data: null });
    [88, 92.5, 79].forEach((value, i) => expect(first.room.submit({ type: 'judge:score', judgeId: `j${i + 1}`, seatId: 's2', value })).toEqual({ ok: true }));
    expect(await host.request('host:command', { type: 'judge:enter', judgeId: 'j4', seatId: 's2', value: 85 })).toEqual({ data: null });

    const scored = await host.until((v) => judgedOf(v)?.scored.length === 4);
    expect(judgedOf(scored)).toMatchObject({ byHost: ['j4'], excluded: { j5: '缺席' }, revealed: null });
    expect(JSON.stringify(judgedOf(scored))).not.toContain('"value"');
    // The screen counts who has scored and who does not count, never why nor who entered it (J7).
    const screenNow = await screen.until((v) => judgedOf(v)?.scored.length === 4);
    expect(judgedOf(screenNow)).toMatchObject({ scored: ['j1', 'j2', 'j3', 'j4'], byHost: [], excluded: { j5: '' }, myScore: null, revealed: null });

    const before = structuredClone(first.room.state);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);
    const second = await startServer({ store: openStore(file), clock });
    harnesses.push(second);
    expect(second.room.state).toEqual(before);

    // 88, 92.5, 79, 85 count (j5 excluded): drop 92.5 and 79; (88 + 85) / 2 = 86.5.
    const host2 = await second.host();
    expect(await host2.request('host:command', { type: 'answer:reveal' })).toEqual({ data: null });
    const screen2 = await second.screen();
    const revealed = await screen2.until((v) => judgedOf(v)?.phase === 'revealed');
    expect(judgedOf(revealed)?.revealed).toMatchObject({ scores: { j1: 88, j2: 92.5, j3: 79, j4: 85 }, result: { dropped: ['j2', 'j3'], points: 86.5 } });
    expect(revealed.seats.find((s) => s.id === 's2')?.score).toBe(86.5);
  });
});
