// The landing page's question to the server (which contests are on?), read defensively: its
// answer decides where a phone is sent.
import { describe, expect, it } from 'vitest';
import { contestDate, fetchOpenContests, joinPath } from '../../web/open-contests.js';

const answering = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('fetchOpenContests', () => {
  it('reads the contests on, newest first, keeping only well-formed ones', async () => {
    const body = { contests: [{ id: 'a1', title: '决赛', joinUrl: 'http://x/contestant/?c=a1', createdAt: 5, status: 'running' }, { title: 'no id' }, { id: 'b2' }] };
    expect(await fetchOpenContests(answering(200, body))).toEqual({
      ok: true,
      contests: [
        { id: 'a1', title: '决赛', joinUrl: 'http://x/contestant/?c=a1', createdAt: 5, status: 'running' },
        { id: 'b2', title: '', joinUrl: '', createdAt: null, status: 'not-started' },
      ],
    });
  });

  it('passes on an error code, and treats a malformed answer or no answer as errors', async () => {
    expect(await fetchOpenContests(answering(500, { error: 'internal-error' }))).toEqual({ ok: false, error: 'internal-error' });
    expect(await fetchOpenContests(answering(200, { id: 'a1' }))).toEqual({ ok: false, error: 'unknown-contest' });
    expect(await fetchOpenContests(() => Promise.reject(new Error('down')))).toEqual({ ok: false, error: 'timeout' });
  });

  it('dates a contest to the minute, to tell two of one title apart', () => {
    expect(contestDate(new Date(2026, 10, 29, 9, 5).getTime())).toBe('2026-11-29 09:05');
    expect(contestDate(null)).toBe('');
  });

  it('joins on the address the phone reached, with the id escaped', () => {
    expect(joinPath('a b')).toBe('/contestant/?c=a%20b');
  });
});
