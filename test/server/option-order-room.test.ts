// Q2-Q3 over real sockets: phones see the contest's order, the shown key is graded right, and a
// restart (replaying the log, swaps included) shows the same options and grades the same.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChoiceQuestion, Question } from '../../shared/contest/question.js';
import { currentRound } from '../../shared/contest/rounds.js';
import type { ContestState } from '../../shared/contest/types.js';
import { openStore } from '../../server/storage/store.js';
import { archiveOf, readArchive } from '../../server/storage/archive.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type TestClient } from '../support/harness.js';
import { askedOf } from '../support/question-of.js';
import { closedAfterEach } from '../support/closed-after-each.js';

const { harnesses, tempDir } = closedAfterEach();

/** Every key at A, as a bank written by hand tends to have it. */
const bank: ChoiceQuestion[] = Array.from({ length: 12 }, (_, i) => ({
  id: `c${i + 1}`,
  type: 'single',
  category: 'reform',
  difficulty: 2,
  stem: `第${i + 1}号选择题的题干`,
  options: ['甲', '乙', '丙', '丁'].map((w) => `${w}号选项第${i + 1}条`),
  answer: [0],
  explanation: `第${i + 1}号解析`,
}));

/** The same, each naming a question no longer in the bank, and the first with fixed options. */
const markedBank: ChoiceQuestion[] = bank.map((q, i) => ({ ...q, excludes: ['retired-1'], ...(i === 0 && { fixedOptions: true }) }));

const contestFile = {
  format: 'qiangda-contest',
  version: 1,
  title: '选项顺序联调',
  seats: [{ name: '甲队' }, { name: '乙队' }],
  stages: [{ name: '比知识', rounds: [{ kind: 'all-at-once', questions: 4 }] }],
  seed: 'hall',
};

const shownNow = (state: ContestState): ChoiceQuestion => {
  const round = currentRound(state);
  return round?.questions[state.question?.index ?? 0] as ChoiceQuestion;
};

async function hostDoes(host: TestClient, ...types: ('question:next' | 'answers:open')[]) {
  for (const type of types) expect(await host.request('host:command', { type })).toEqual({ data: null });
}

describe('option order in a running contest', () => {
  it('[Q2][A3] phones see the recorded order; the shown letter of the key scores, and a restart shows and grades the same', async () => {
    const dir = tempDir('qiangda-order-');
    const db = join(dir, 'qiangda.db');
    const clock = new FakeClock();
    const first = await startServer({ store: openStore(db), clock, bank, file: contestFile });
    harnesses.push(first);
    const questions = first.room.state.definition.stages[0].rounds[0].questions as ChoiceQuestion[];
    // The file's keys were all A; the hall sees them spread out, and the order is in the definition.
    expect(new Set(questions.map((q) => q.answer[0])).size).toBeGreaterThan(1);
    for (const q of questions) expect(q.optionOrder).toHaveLength(4);

    const host = await first.host();
    const [p1, p2] = [await first.contestant('seat-1'), await first.contestant('seat-2')];
    await hostDoes(host, 'question:next', 'question:next', 'answers:open');
    const asked = shownNow(first.room.state);
    const onPhone = askedOf(await p1.until((v) => v.question?.phase === 'answering'));
    expect(onPhone?.options).toEqual(asked.options);
    const key = asked.answer[0];
    expect(await p1.request('answer:submit', { choice: [key] })).toEqual({ data: { status: 'recorded' } });
    // The bank's own letter (A) is wrong unless the shuffle left the key there.
    const wrong = key === 0 ? 1 : 0;
    expect(await p2.request('answer:submit', { choice: [wrong] })).toEqual({ data: { status: 'recorded' } });
    clock.advance(60_000);
    const revealed = await host.until((v) => v.question?.phase === 'revealed');
    expect(revealed.seats.map((s) => s.score)).toEqual([10, 0]);

    await hostDoes(host, 'question:next');
    await host.until((v) => askedOf(v)?.number === 2);
    const before = structuredClone(first.room.state);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = await startServer({ store: openStore(db), clock, bank });
    harnesses.push(second);
    expect(second.contestId).toBe(first.contestId);
    expect(second.room.state).toEqual(before);
    const phone = second.connect({ role: 'contestant', deviceToken: p1.deviceToken });
    await phone.ready();
    const host2 = await second.host();
    await hostDoes(host2, 'answers:open');
    const next = shownNow(second.room.state);
    expect(askedOf(await phone.until((v) => v.question?.phase === 'answering'))?.options).toEqual(next.options);
    expect(await phone.request('answer:submit', { choice: next.answer })).toEqual({ data: { status: 'recorded' } });
    clock.advance(60_000);
    const again = await host2.until((v) => v.question?.phase === 'revealed');
    expect(again.seats.map((s) => s.score)).toEqual([20, 0]);
    second.store.close();
  });

  it('[F4][Q3] a swapped-in question comes ordered, in the command, and replays the same without the bank, archive included', async () => {
    const dir = tempDir('qiangda-order-');
    const db = join(dir, 'qiangda.db');
    const clock = new FakeClock();
    const first = await startServer({ store: openStore(db), clock, bank: markedBank, file: contestFile });
    harnesses.push(first);
    const host = await first.host();
    await hostDoes(host, 'question:next', 'question:next');
    const was = shownNow(first.room.state).id;
    expect(await host.request('question:swap', {})).toEqual({ data: null });
    const swapped = shownNow(first.room.state);
    expect(swapped.id).not.toBe(was);
    const command = first.store.loadContest(first.contestId)?.commands.at(-1) as { type: string; question: Question };
    expect(command.type).toBe('question:swap');
    expect(command.question).toEqual(swapped);
    const fromBank = bank.find((q) => q.id === swapped.id) as ChoiceQuestion;
    expect(swapped.options).toEqual(swapped.optionOrder?.map((k) => fromBank.options[k]));
    // An archive keeps the recorded order and the bank's marks (fixedOptions, excludes).
    const stored = first.store.loadContest(first.contestId);
    if (!stored) throw new Error('not stored');
    expect(readArchive(archiveOf(stored, clock.now()))).toEqual({ ok: true, contest: stored });
    const before = structuredClone(first.room.state);
    await first.close();
    first.store.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // Replayed with an empty bank: the command carries everything.
    const second = await startServer({ store: openStore(db), clock, bank: [] });
    harnesses.push(second);
    expect(second.room.state).toEqual(before);
    const host2 = await second.host();
    expect(askedOf(await host2.until((v) => v.question !== null))?.options).toEqual(swapped.options);
    second.store.close();
  });
});
