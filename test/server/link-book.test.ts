// The link book works a phone's figures out once per ping answer (P2, P7): a press reads them
// and its own contest's phones only, however many phones other contests hold.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkBook } from '../../server/realtime/links.js';
import { LinkMeter } from '../../shared/fairness/link-meter.js';
import { FakeClock } from '../support/fake-clock.js';

afterEach(() => vi.restoreAllMocks());

describe('the link book', () => {
  it('[P2][P7] figures are worked out once per ping answer, and a press reads them without recomputing', () => {
    const clock = new FakeClock();
    const book = new LinkBook(clock);
    const bound = vi.spyOn(LinkMeter.prototype, 'bound');
    let rttMs = 10;
    book.add({ id: 'near', contestId: 'a', seatId: () => 's1', ping: (answered) => clock.schedule(clock.now() + rttMs, answered) });
    expect(book.evidence('near')).toBeNull();

    clock.advance(10);
    expect(bound).toHaveBeenCalledTimes(1);
    expect(book.evidence('near')).toMatchObject({ oneWayMs: 5, syncErrorMs: 5 });
    for (let press = 0; press < 50; press++) book.armed('a', ['s1']);
    book.seatLinks('a', ['s1']);
    expect(bound).toHaveBeenCalledTimes(1);

    // The next answered ping, faster, updates the figures.
    rttMs = 4;
    clock.advance(1000);
    expect(bound).toHaveBeenCalledTimes(2);
    expect(book.evidence('near')).toMatchObject({ syncErrorMs: 2 });
    book.close();
  });

  it('[P7] a press in one contest reads no phone of another contest', () => {
    const clock = new FakeClock();
    const book = new LinkBook(clock);
    const read: string[] = [];
    const add = (id: string, contestId: string, seatId: string) =>
      book.add({ id, contestId, seatId: () => (read.push(contestId), seatId), ping: (answered) => answered() });
    for (let contest = 0; contest < 200; contest++) for (let seat = 1; seat <= 10; seat++) add(`c${contest}-s${seat}`, `c${contest}`, `s${seat}`);

    read.length = 0;
    const armed = book.armed('c7', ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10']);
    expect(Object.keys(armed)).toHaveLength(10);
    expect(book.evidence('c7-s3')).toMatchObject({ oneWayMs: 0 });
    expect(read).toHaveLength(10);
    expect(read.every((c) => c === 'c7')).toBe(true);
    book.close();
    expect(clock.pending()).toBe(0);
  });
});
