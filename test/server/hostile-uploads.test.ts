// Issue 10: a zip bomb and a million-row CSV uploaded by a host key while a buzz round runs in
// the same process: both are refused with clear codes, nothing is imported, the round goes on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_CAP_MS } from '../../shared/contest/arbiter.js';
import type { ContestView } from '../../shared/contest/views.js';
import type { ImportReport } from '../../server/bank/import.js';
import { HOST_KEY_HEADER } from '../../server/bank/routes.js';
import { startServer, type Harness, type TestClient } from '../support/harness.js';
import { millionRowCsv, zipBombXlsx } from '../support/zip-bomb.js';
import { buzzOf } from '../support/question-of.js';

let h: Harness;

beforeEach(async () => {
  h = await startServer();
});

afterEach(async () => {
  await h.close();
});

async function upload(name: string, body: Uint8Array): Promise<{ status: number; report: ImportReport }> {
  const params = new URLSearchParams({ c: h.contestId, mode: 'all', name });
  const res = await fetch(`${h.url}/api/bank/import?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [HOST_KEY_HEADER]: h.hostKey },
    body: new Uint8Array(body),
  });
  return { status: res.status, report: (await res.json()) as ImportReport };
}

const phase = (p: string) => (v: ContestView) => v.question?.phase === p;

describe('hostile uploads while a show runs', () => {
  it('[B5] a bomb XLSX and a million-row CSV are refused while a buzz question is won and ruled in the same process', async () => {
    const bankBefore = await (await fetch(`${h.url}/api/bank/summary?c=${h.contestId}`, { headers: { [HOST_KEY_HEADER]: h.hostKey } })).json();
    const host = await h.host();
    const phones: TestClient[] = [await h.contestant('s1'), await h.contestant('s2')];
    const heapBefore = process.memoryUsage().heapUsed;

    const uploads = Promise.all([upload('题库.xlsx', await zipBombXlsx(467)), upload('题库.csv', millionRowCsv())]);

    expect(await host.request('host:command', { type: 'question:next' } as never)).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'question:next' } as never)).toEqual({ data: null });
    expect(await host.request('host:command', { type: 'buzzers:open' } as never)).toEqual({ data: null });
    expect(await phones[1].request('buzz:press', {})).toEqual({ data: { decision: 'pending' } });
    h.clock.advance(DEFAULT_GRACE_CAP_MS);
    expect(buzzOf(await phones[0].until(phase('answering')))?.winner).toBe('s2');
    expect(await host.request('host:command', { type: 'answer:rule', verdict: 'right' } as never)).toEqual({ data: null });
    expect((await phones[1].until(phase('revealed'))).seats.find((s) => s.id === 's2')?.score).toBe(10);

    const [bomb, rows] = await uploads;
    expect(bomb.status).toBe(200);
    expect(bomb.report).toMatchObject({ outcome: 'refused-file-error', imported: 0 });
    expect(bomb.report.errors.map((e) => e.code)).toEqual(['xlsx-too-large']);
    expect(bomb.report.errors[0].zh).toContain('压缩炸弹');
    expect(rows.report).toMatchObject({ outcome: 'refused-file-error', imported: 0 });
    expect(rows.report.errors.map((e) => e.code)).toEqual(['too-many-rows']);
    // The files were read elsewhere: this thread's heap did not take the 467 MB or the million rows.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    const bankAfter = await (await fetch(`${h.url}/api/bank/summary?c=${h.contestId}`, { headers: { [HOST_KEY_HEADER]: h.hostKey } })).json();
    expect(bankAfter).toEqual(bankBefore);
  }, 60_000);
});
