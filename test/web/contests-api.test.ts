// The organiser page's HTTP calls, against a fake fetch: the key in its header, the answers read
// defensively, every failure an error code with words in both languages. And a closed contest's
// console has nothing to press.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../shared/contest/engine.js';
import { viewFor } from '../../shared/contest/views.js';
import { en } from '../../shared/i18n/en.js';
import { zh } from '../../shared/i18n/zh.js';
import { ORGANISER_KEY_HEADER, OrganiserError, type ContestListing } from '../../shared/organiser.js';
import { enabledControls } from '../../web/host/controls.js';
import { contestLinks, contestsApi, type Fetch } from '../../web/contests/contests-api.js';
import { definition } from '../support/definitions.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(reply: (url: string) => Response | Promise<Response>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return reply(url);
    },
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const listing: ContestListing = { id: 'c1', title: '决赛', createdAt: 1, closedAt: null, status: 'not-started', commands: 0, hostKey: 'h&k', logoVersion: null };

describe('contestsApi', () => {
  it('lists with the organiser key in its header', async () => {
    const { fetch, calls } = fakeFetch(() => json({ contests: [listing] }));
    expect(await contestsApi(fetch, 'org/key').list()).toEqual({ ok: true, data: [listing] });
    expect(calls[0].url).toBe('/api/contests');
    expect(new Headers(calls[0].init?.headers).get(ORGANISER_KEY_HEADER)).toBe('org/key');
  });

  it('creates from the demo or a file as JSON, and hands back the issues of a bad file', async () => {
    const issues = [{ path: 'title', zh: '标题：不能为空', en: 'Title: required' }];
    const { fetch, calls } = fakeFetch(() => json({ error: 'bad-definition', issues }, 400));
    const api = contestsApi(fetch, 'k');
    expect(await api.create({ file: { title: '' } })).toEqual({ ok: false, error: 'bad-definition', issues });
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ file: { title: '' } });
    const created = fakeFetch(() => json({ id: 'c2', title: '演示' }, 201));
    expect(await contestsApi(created.fetch, 'k').create({ template: 'demo' })).toEqual({ ok: true, data: { id: 'c2', title: '演示' } });
  });

  it('closes, restores raw bytes, and links the archive with the key in the query', async () => {
    const { fetch, calls } = fakeFetch((url) => (url.endsWith('/close') ? json({ closedAt: 5 }) : json({ error: 'archive-checksum' }, 400)));
    const api = contestsApi(fetch, 'k y');
    expect(await api.close('a/b')).toEqual({ ok: true, data: { closedAt: 5 } });
    expect(calls[0].url).toBe('/api/contests/a%2Fb/close');
    const bytes = new Uint8Array([0x1f, 0x8b]);
    expect(await api.restore(bytes)).toEqual({ ok: false, error: 'archive-checksum' });
    expect(calls[1].init?.body).toBe(bytes);
    expect(api.archiveUrl('c1')).toBe('/api/contests/c1/archive?key=k%20y');
  });

  it('[D3] a restore refused on replay hands back the command it names; a malformed one is dropped', async () => {
    const refused = { index: 2, type: 'ruling:undo', error: 'nothing-to-undo' };
    const named = fakeFetch(() => json({ error: 'archive-replay', refused }, 400));
    expect(await contestsApi(named.fetch, 'k').restore(new Uint8Array())).toEqual({ ok: false, error: 'archive-replay', refused });
    const odd = fakeFetch(() => json({ error: 'archive-replay', refused: { index: '2' } }, 400));
    expect(await contestsApi(odd.fetch, 'k').restore(new Uint8Array())).toEqual({ ok: false, error: 'archive-replay' });
  });

  it('says offline when nothing answers, unavailable when something else does', async () => {
    const down: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await contestsApi(down, 'k').list()).toEqual({ ok: false, error: 'offline' });
    const page = fakeFetch(() => new Response('<html>', { status: 200 }));
    expect(await contestsApi(page.fetch, 'k').list()).toEqual({ ok: false, error: 'unavailable' });
    const odd = fakeFetch(() => json({ contests: 'none' }));
    expect(await contestsApi(odd.fetch, 'k').list()).toEqual({ ok: false, error: 'unavailable' });
  });

  it('links each contest\'s host console with its key, and its screen', () => {
    expect(contestLinks(listing)).toEqual({ host: '/host/?c=c1&key=h%26k', screen: '/screen/?c=c1' });
  });

  it.each(Object.values(OrganiserError))('error code %s has a Chinese and an English message', (code) => {
    expect(zh).toHaveProperty([`error.${code}`]);
    expect(en).toHaveProperty([`error.${code}`]);
  });
});

describe('a closed contest on the host console', () => {
  it('enables no control at all', () => {
    const facts = { connected: new Map(), claimed: new Map(), joinUrl: '', joinCodes: {}, started: false };
    const state = initialState(definition());
    expect(Object.values(enabledControls(viewFor('host', state, facts))).some(Boolean)).toBe(true);
    const closed = viewFor('host', state, { ...facts, closed: true });
    expect(closed.closed).toBe(true);
    expect(Object.values(enabledControls(closed)).some(Boolean)).toBe(false);
  });
});
